import type { FileDraft } from '@shared/contract/hardship';
import { CAUSE_NAMES, type INCOME_KINDS, type RIGID_SPENDING_KINDS } from '@shared/domain/hardship-codes';

/**
 * The Chinese words of a hardship file's codes that only the printed documents use: the national form's names (本人,
 * its income items, its exclusions, the disability grades). The words the screens show too are in @shared/labels-zh.
 */

type Member = Omit<FileDraft['household'][number], 'id' | 'idNumber'>;

export const CAUSE_LABELS = CAUSE_NAMES;

export const RELATION_LABELS: Record<Member['relation'], string> = {
  self: '本人',
  spouse: '配偶',
  child: '子女',
  parent: '父母',
  sibling: '兄弟姐妹',
  grandchild: '孙子女',
  other: '其他',
};

export const GRADE_LABELS = ['', '一级', '二级', '三级', '四级'];

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

export const EXCLUSION_LABELS: Record<string, string> = {
  'two-or-more-homes': '家庭拥有两套及以上住房',
  'business-or-employer': '经营企业或雇佣他人',
  'costly-private-school-or-abroad': '子女就读高收费私立学校或自费出国留学',
  'private-vehicle': '拥有非生产经营用私家车',
};
