/**
 * The member fields a roster column can map to, and the header words grassroots unions use for each. Order inside
 * a list is preference: when a sheet has both 手机 and 电话, the mobile column is suggested for `phone` and the
 * other is left for the clerk to map or ignore.
 */
import type { RosterImportField } from '@shared/contract/roster-import';

export const FIELD_SYNONYMS: Record<RosterImportField, readonly string[]> = {
  name: ['姓名', '会员姓名', '职工姓名', '名字'],
  gender: ['性别'],
  idNumber: ['公民身份号码', '身份证号码', '身份证号', '身份证', '证件号码', '身份号码', '证件号'],
  birthDate: ['出生日期', '出生年月日', '出生年月', '生日'],
  ethnicity: ['民族'],
  phone: ['手机号码', '手机号', '手机', '移动电话', '联系电话', '联系方式', '电话号码', '电话'],
  unit: ['工作单位', '单位名称', '所在单位', '单位'],
  union: ['所属基层工会', '基层工会名称', '基层工会', '所属工会', '工会名称'],
  joinedOn: ['入会时间', '入会日期', '入会年月'],
  cardNo: ['会员证号', '会员卡号', '会员证编号', '会员编号'],
  status: ['会员状态', '状态'],
  note: ['备注', '说明'],
};
