/**
 * The coded values of a hardship file (docs/domain.md "Hardship file"). Codes are stored; their Chinese labels live in the
 * renderer's i18n (docs/architecture.md §4), except the national cause names, which the core reads in old sheets and
 * prints. The order of each list is the order forms offer it in.
 */

/** 与户主关系. */
export const RELATIONS = ['self', 'spouse', 'child', 'parent', 'sibling', 'grandchild', 'other'] as const;
/** 健康状况; 残疾 comes with a type and a grade (1–4, 一级 the most severe). */
export const HEALTH = ['healthy', 'chronic', 'serious', 'disabled'] as const;
export const DISABILITY_TYPES = ['visual', 'hearing', 'speech', 'physical', 'intellectual', 'mental', 'multiple'] as const;
/** 医保. */
export const MEDICAL_INSURANCE = ['employee', 'resident', 'none'] as const;
/** 婚姻. */
export const MARITAL = ['single', 'married', 'divorced', 'widowed'] as const;
/** 户口类型. */
export const HUKOU = ['urban', 'rural'] as const;
/** 工作状态: 在岗 / 下岗 / 失业 / 退休 / 病休 / 农民工 / 学生 / 其他. */
export const WORK_STATUS = ['employed', 'laidOff', 'unemployed', 'retired', 'sickLeave', 'migrant', 'student', 'other'] as const;
/** 学段, for students. */
export const SCHOOL_STAGES = ['preschool', 'primary', 'junior', 'senior', 'vocational', 'college', 'postgraduate'] as const;
/** 文化程度 (highest schooling completed), as the 申报表 and the federation's people table ask it. */
export const EDUCATION_LEVELS = ['postgraduate', 'bachelor', 'associate', 'senior', 'junior', 'primary'] as const;

/** 致困原因, the national codes 1–10: exactly one main cause, at most three secondary. */
export const CAUSES = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'] as const;
export const MAX_SECONDARY_CAUSES = 3;
/** The causes' names on the national form (and in old files' sheets, with or without the code). */
export const CAUSE_NAMES: Record<Cause, string> = {
  '1': '无劳动能力',
  '2': '有劳动能力而未就业',
  '3': '下岗失业',
  '4': '未参加社会保险',
  '5': '社会保险待遇落实不到位',
  '6': '患重特大疾病',
  '7': '遭受自然灾害',
  '8': '遭受意外事故',
  '9': '子女上学',
  '10': '其他',
};

/**
 * Income (annual) other than what household members earn — their work income is each member's monthly income, so
 * wages are not an item here (they would be counted twice) — and rigid spending (annual, deducted by the means test).
 */
export const INCOME_KINDS = ['pension', 'unemploymentBenefit', 'dibao', 'business', 'property', 'support', 'other'] as const;
export const RIGID_SPENDING_KINDS = ['medical', 'education', 'disability', 'other'] as const;

/** 城镇职工 or 农民工 (docs/domain.md: migrant workers must be union members). */
export const WORKER_TYPES = ['urban', 'migrant'] as const;
/** 新增 / 存量 / 返困 (the screen and the printed 申报表 use the same words). */
export const ENTRY_KINDS = ['new', 'existing', 'relapsed'] as const;
export const HOUSING_TYPES = ['owned', 'rentedPublic', 'rentedPrivate', 'borrowed', 'dormitory', 'none'] as const;
/** Living area per person, in bands (m²). */
export const HOUSING_AREA_BANDS = ['under15', '15to30', '30to50', 'over50'] as const;
/** 帮扶责任人: who answers for the file at the help centre, the grassroots union and the employer. */
export const CONTACT_LEVELS = ['centre', 'union', 'employer'] as const;

/** The six clears (六清), in docs/domain.md's order. */
export const SIX_CLEARS = ['members', 'income', 'causes', 'changes', 'conduct', 'address'] as const;
/** Visits: the six-clears home visit, the five must-visits (五必访), and ordinary visits. */
export const VISIT_KINDS = ['sixClears', 'mustVisit', 'ordinary'] as const;
export const MUST_VISIT_REASONS = ['illness', 'familyDispute', 'emotionalCrisis', 'bereavement', 'happyEvent'] as const;

/** Attachment types (docs/domain.md "Attachments"); 会议纪要 (minutes) is what the notice needs. */
export const ATTACHMENT_TYPES = [
  'application',
  'idCard',
  'householdRegister',
  'incomeProof',
  'dibaoCertificate',
  'diagnosis',
  'tuitionReceipt',
  'disabilityCertificate',
  'labourContract',
  'minutes',
  'noticePhoto',
  /** Taken at a home visit; recorded with the visit, not uploaded on its own. */
  'visitPhoto',
  'other',
] as const;

/** What a clerk can upload in the attachments tab (visit photos come with their visit). */
export const UPLOADED_ATTACHMENT_TYPES = ATTACHMENT_TYPES.filter((type) => type !== 'visitPhoto');
/** Photos one visit may carry. */
export const MAX_VISIT_PHOTOS = 12;

export type Relation = (typeof RELATIONS)[number];
export type Cause = (typeof CAUSES)[number];
export type SixClear = (typeof SIX_CLEARS)[number];
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];
