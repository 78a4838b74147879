import type { RosterImportField, RowProblem, RowWarning } from '@shared/contract/roster-import';

/**
 * Why a row was not imported, in the words the grassroots union reads in the rejected-rows file (a document we
 * hand out, like a PDF: its text is Chinese). The renderer words the same codes from its own catalogue.
 */
const FIELD: Record<RowProblem['field'], string> = {
  name: '姓名',
  gender: '性别',
  idNumber: '身份证号',
  birthDate: '出生日期',
  ethnicity: '民族',
  phone: '手机/电话',
  unit: '工作单位',
  union: '基层工会',
  joinedOn: '入会日期',
  cardNo: '会员证号',
  status: '状态',
  note: '备注',
  row: '本行',
};

const PROBLEM: Record<string, string> = {
  EMPTY: '未填写',
  STORED_AS_NUMBER: '被 Excel 当作数字保存，末几位已丢失，请把该列设为“文本”后按证件重新录入',
  BAD_LENGTH: '位数不对（应为 18 位，旧证 15 位）',
  BAD_CHARACTERS: '含有数字和末位 X 以外的字符',
  BAD_CHECKSUM: '最后一位校验码不对，请逐位核对',
  BAD_BIRTH_DATE: '其中的出生日期不存在',
  BAD_REGION_FORMAT: '前两位不是省级行政区划代码',
  MISMATCH: '与身份证号不一致',
  UNKNOWN: '无法识别',
  BAD_PHONE: '格式不对（手机 11 位，固定电话 0+区号+号码）',
  BAD_DATE: '不是有效日期（可写 2019-05-01、2019/5/1、2019年5月1日）',
  FUTURE: '晚于今天',
  DUPLICATE_IN_FILE: '与本文件第 {row} 行重复',
  TOO_LONG: '超过 {max} 个字',
};

/** Where the general words would leave the clerk guessing what to write instead (退休 is no roster status). */
const FIELD_PROBLEM: Record<string, string> = {
  'status.UNKNOWN': '“{value}”无法识别，可填在册、转出、退会、去世（留空为在册）',
};

const fill = (template: string, params: RowProblem['params']) =>
  template.replace(/\{(\w+)\}/g, (_, name: string) => String(params?.[name] ?? ''));

export function problemText(p: RowProblem): string {
  return `${FIELD[p.field]}${fill(FIELD_PROBLEM[`${p.field}.${p.problem}`] ?? PROBLEM[p.problem] ?? p.problem, p.params)}`;
}

/** The column's name in the 提示 sheet when the sheet's header has none. */
export function fieldText(field: RosterImportField): string {
  return FIELD[field];
}

/** What was done about a warning (rowWarning), by field and problem: the 提示 sheet's 处理 column. */
const WARNING: Record<string, string> = {
  'idNumber.CONVERTED_FROM_15': '15 位身份证号已转换为 18 位',
  'idNumber.UNKNOWN_REGION': '行政区划代码不在现行目录中，已导入，请核对',
  'gender.MISMATCH': '与身份证号不符，已按身份证号记为{gender}',
  'gender.UNKNOWN': '无法识别，已按身份证号记为{gender}',
  'birthDate.MISMATCH': '与身份证号中的出生日期不符，以身份证号为准',
  'birthDate.BAD_DATE': '不是有效日期，以身份证号中的出生日期为准',
  'phone.BAD_PHONE': '不是有效的手机号或电话号码，已留空',
  'ethnicity.UNKNOWN': '不是可识别的民族名称，已留空',
  'joinedOn.BAD_DATE': '不是有效日期，已留空',
  'joinedOn.FUTURE': '晚于今天，已留空',
  TOO_LONG: '超过 {max} 个字，已留空',
};
const GENDER: Record<string, string> = { male: '男', female: '女' };

export function warningText(w: RowWarning): string {
  const template = WARNING[`${w.field}.${w.problem}`] ?? WARNING[w.problem] ?? w.problem;
  const gender = w.params?.gender;
  return fill(template, { ...w.params, ...(typeof gender === 'string' ? { gender: GENDER[gender] ?? gender } : {}) });
}
