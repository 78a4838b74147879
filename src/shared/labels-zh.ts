import type { AidType, FundSource } from './domain/aid';
import type {
  HOUSING_TYPES,
  WORK_STATUS,
  SCHOOL_STAGES,
  HEALTH,
  DISABILITY_TYPES,
  EDUCATION_LEVELS,
  ENTRY_KINDS,
  WORKER_TYPES,
} from './domain/hardship-codes';
import type { FileStatus } from './domain/hardship-lifecycle';
import type { HardshipCategory } from './domain/means-test';

/**
 * The Chinese words of coded values that the screens and the printed documents both show, kept once: the zh-CN
 * catalogue spreads them in (renderer i18n zh-CN-codes.ts, zh-CN-file-codes.ts, zh-CN-aid-codes.ts) and the core's
 * documents read them here, as the core has no i18n. The en catalogue has its own words for the same keys. Words that
 * differ on paper (the national form's names of income items, 本人 for 本人（户主）) stay in the core's
 * pdf/documents/hardship-labels.ts.
 */

export const GENDER_LABELS: Record<'male' | 'female', string> = { male: '男', female: '女' };

// A hardship file.
export const CATEGORY_LABELS: Record<HardshipCategory, string> = { deep: '深度困难', relative: '相对困难', accident: '意外致困' };

export const FILE_STATUS_LABELS: Record<FileStatus, string> = {
  draft: '草稿',
  submitted: '已申请',
  visit: '入户调查',
  review: '民主评议',
  notice: '公示中',
  approval: '待审批',
  staged: '导入待确认',
  active: '在档',
  annualReview: '复核中',
  rejected: '驳回',
  exited: '已脱困',
  closed: '注销',
  withdrawn: '已撤回作废',
};

export const HEALTH_LABELS: Record<(typeof HEALTH)[number], string> = {
  healthy: '健康',
  chronic: '慢性病',
  serious: '大病',
  disabled: '残疾',
};

export const DISABILITY_LABELS: Record<(typeof DISABILITY_TYPES)[number], string> = {
  visual: '视力',
  hearing: '听力',
  speech: '言语',
  physical: '肢体',
  intellectual: '智力',
  mental: '精神',
  multiple: '多重',
};

export const WORK_LABELS: Record<(typeof WORK_STATUS)[number], string> = {
  employed: '在岗',
  laidOff: '下岗',
  unemployed: '失业',
  retired: '退休',
  sickLeave: '病休',
  migrant: '农民工',
  student: '学生',
  other: '其他',
};

export const SCHOOL_LABELS: Record<(typeof SCHOOL_STAGES)[number], string> = {
  preschool: '学前',
  primary: '小学',
  junior: '初中',
  senior: '高中',
  vocational: '中职',
  college: '大学',
  postgraduate: '研究生',
};

export const EDUCATION_LABELS: Record<(typeof EDUCATION_LEVELS)[number], string> = {
  postgraduate: '研究生',
  bachelor: '大学本科',
  associate: '大学专科',
  senior: '高中（中专、技校）',
  junior: '初中',
  primary: '小学及以下',
};

export const HOUSING_LABELS: Record<(typeof HOUSING_TYPES)[number], string> = {
  owned: '自有住房',
  rentedPublic: '租住公房',
  rentedPrivate: '租住私房',
  borrowed: '借住',
  dormitory: '单位宿舍',
  none: '无固定住所',
};

export const WORKER_LABELS: Record<(typeof WORKER_TYPES)[number], string> = { urban: '城镇职工', migrant: '农民工' };
export const ENTRY_LABELS: Record<(typeof ENTRY_KINDS)[number], string> = { new: '新增', existing: '存量', relapsed: '返困' };

// Aid.
export const AID_TYPE_LABELS: Record<AidType, string> = {
  living: '生活救助',
  medical: '医疗救助',
  education: '助学',
  festival: '送温暖',
  emergency: '临时救助',
  accident: '意外救助',
  employment: '就业帮扶',
};

export const FUND_SOURCE_LABELS: Record<FundSource, string> = {
  central: '中央财政专项',
  local: '地方财政',
  union: '工会经费',
  donation: '社会捐助',
};
