import type { AidVoucherData } from '../../../src/main/core/pdf/documents/aid-voucher';

/** Sample data of the printed aid documents: made-up people, masked as the core would hand them over. */

export const AID_ORG = '某某市总工会困难职工帮扶中心';
/** 2027-01-15 10:30 local time. */
export const PRINTED_AT = new Date(2027, 0, 15, 10, 30);

/** An ASCII summary of the shape the core signs (org code, serial, payment id, fen, date, signature). */
export const qrTextOf = (serial: string, fen: number) =>
  `BFV1.81110105MA01234567.${serial}.P${serial.slice(5)}.${fen}.20270115.` +
  'Zm9yZ2VkLXNpZ25hdHVyZS1vZi02NC1ieXRlcy1iYXNlNjR1cmwtZW5jb2RlZA';

export function voucher(overrides: Partial<AidVoucherData> = {}): AidVoucherData {
  const serial = overrides.serial ?? '2027-000123';
  const amountFen = overrides.amountFen ?? 140950;
  return {
    serial,
    recipientName: '张建国',
    maskedId: '110105********1234',
    unit: '红星机械厂',
    aidTypeLabel: '生活救助',
    programName: '2027年度困难职工生活救助',
    fundSourceLabel: '工会经费',
    amountFen,
    method: 'bank',
    maskedAccount: '6222 **** **** 3445',
    date: '2027-01-14',
    enteredBy: '李经办',
    approvedBy: '王审核',
    qrText: qrTextOf(serial, amountFen),
    reprintCount: 0,
    voided: false,
    ...overrides,
  };
}

const SURNAMES = '赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨';
const GIVEN = ['建国', '秀英', '桂兰', '志强', '海燕', '德胜', '丽华', '文斌'];
const UNITS = ['红星机械厂', '东风纺织有限公司', '市第三建筑工程公司'];

/** The i-th made-up person of a batch (0-based). */
export function person(i: number) {
  return {
    name: `${SURNAMES[i % SURNAMES.length]}${GIVEN[i % GIVEN.length]}`,
    maskedId: `1101${String(i % 100).padStart(2, '0')}********${String(1000 + i).slice(-4)}`,
    unit: UNITS[i % UNITS.length]!,
  };
}
