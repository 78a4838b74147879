import type { RowProblem } from '@shared/contract/roster-import';

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
};

export function problemText(p: RowProblem): string {
  const words = (PROBLEM[p.problem] ?? p.problem).replace(/\{(\w+)\}/g, (_, name: string) => String(p.params?.[name] ?? ''));
  return `${FIELD[p.field]}${words}`;
}
