import type { FileDetail, FileDraft } from '@shared/contract/hardship';
import { CAUSE_NAMES, type INCOME_KINDS, type RIGID_SPENDING_KINDS } from '@shared/domain/hardship-codes';
import type { HardshipCategory } from '@shared/domain/means-test';
import type { FileStatus } from '@shared/domain/hardship-lifecycle';

/**
 * The Chinese words of a hardship file's codes, for the documents the core prints (the core has no i18n; the
 * renderer's catalogue holds the same words for the screens).
 */

type Member = Omit<FileDraft['household'][number], 'id' | 'idNumber'>;

export const CATEGORY_LABELS: Record<HardshipCategory, string> = { deep: '深度困难', relative: '相对困难', accident: '意外致困' };

export const CAUSE_LABELS = CAUSE_NAMES;

export const GENDER_LABELS = { male: '男', female: '女' } as const;

export const RELATION_LABELS: Record<Member['relation'], string> = {
  self: '本人',
  spouse: '配偶',
  child: '子女',
  parent: '父母',
  sibling: '兄弟姐妹',
  grandchild: '孙子女',
  other: '其他',
};

export const HEALTH_LABELS: Record<Member['health'], string> = { healthy: '健康', chronic: '慢性病', serious: '大病', disabled: '残疾' };

export const DISABILITY_LABELS: Record<NonNullable<Member['disabilityType']>, string> = {
  visual: '视力',
  hearing: '听力',
  speech: '言语',
  physical: '肢体',
  intellectual: '智力',
  mental: '精神',
  multiple: '多重',
};

export const GRADE_LABELS = ['', '一级', '二级', '三级', '四级'];

export const WORK_LABELS: Record<NonNullable<Member['workStatus']>, string> = {
  employed: '在岗',
  laidOff: '下岗',
  unemployed: '失业',
  retired: '退休',
  sickLeave: '病休',
  migrant: '农民工',
  student: '学生',
  other: '其他',
};

export const SCHOOL_LABELS: Record<NonNullable<Member['schoolStage']>, string> = {
  preschool: '学前',
  primary: '小学',
  junior: '初中',
  senior: '高中',
  vocational: '中职',
  college: '大学',
  postgraduate: '研究生',
};

export const INCOME_LABELS: Record<(typeof INCOME_KINDS)[number], string> = {
  pension: '养老金（离退休金）',
  unemploymentBenefit: '失业保险金',
  dibao: '低保金',
  business: '经营性收入',
  property: '财产性收入',
  support: '赡养、抚养、扶养费',
  other: '其他收入',
};

export const RIGID_LABELS: Record<(typeof RIGID_SPENDING_KINDS)[number], string> = {
  medical: '医疗支出（自付部分）',
  education: '教育支出',
  disability: '残疾康复支出',
  other: '其他刚性支出',
};

export const HOUSING_LABELS: Record<NonNullable<FileDraft['housingType']>, string> = {
  owned: '自有住房',
  rentedPublic: '租住公房',
  rentedPrivate: '租住私房',
  borrowed: '借住',
  dormitory: '单位宿舍',
  none: '无固定住所',
};

/** A file's status in the screens' words (i18n fileStatuses): the 台账 export's 状态 column. */
export const STATUS_LABELS: Record<FileStatus, string> = {
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

export const ENTRY_LABELS: Record<FileDetail['entryKind'], string> = { new: '新增', existing: '存量', relapsed: '返困' };
export const WORKER_LABELS = { urban: '城镇职工', migrant: '农民工' } as const;

export const EXCLUSION_LABELS: Record<string, string> = {
  'two-or-more-homes': '家庭拥有两套及以上住房',
  'business-or-employer': '经营企业或雇佣他人',
  'costly-private-school-or-abroad': '子女就读高收费私立学校或自费出国留学',
  'private-vehicle': '拥有非生产经营用私家车',
};
