import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '@shared/errors';
import { renderPdf } from '../../src/main/core/pdf';
import { qrCode } from '../../src/main/core/pdf/qr-code';
import { aidCertificateDocument, type AidCertificateData, CERTIFICATE_TITLE } from '../../src/main/core/pdf/documents/aid-certificate';
import {
  aidPaymentSheetDocument,
  type AidPaymentSheetData,
  PAYMENT_SHEET_TITLE,
} from '../../src/main/core/pdf/documents/aid-payment-sheet';
import { aidVoucherDocument, VOUCHER_TITLE } from '../../src/main/core/pdf/documents/aid-voucher';
import { CARD_TITLE, contactCardsDocument, type ContactCardData } from '../../src/main/core/pdf/documents/contact-cards';
import { chineseUppercase, formatYuan } from '@shared/domain/money';
import { AID_ORG, person, PRINTED_AT, qrTextOf, voucher } from './support/aid-samples';

/**
 * The printed aid documents, rendered for real with the bundled font and read back: the text with pdftotext, the QR
 * codes from a 200 dpi picture of the page with zbarimg (Debian's zbar-tools).
 */

const fontsDir = resolve('resources/fonts');
let work: string;
let counter = 0;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'bangfu-aid-pdf-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Rendered {
  path: string;
  /** pdftotext -layout, pages split at form feeds. */
  pages: string[];
  /** Each page without whitespace (CJK spacing varies with the layout). */
  flat: string[];
}

async function render(doc: TDocumentDefinitions): Promise<Rendered> {
  const path = join(work, `doc-${++counter}.pdf`);
  writeFileSync(path, await renderPdf(doc, { fontsDir }));
  const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
  const pages = text.split('\f').slice(0, -1);
  return { path, pages, flat: pages.map((page) => page.replace(/\s+/g, '')) };
}

const pageCount = (path: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path], { encoding: 'utf8' }))?.[1]);
const pageSize = (path: string) => /Page size:\s+([\d.]+ x [\d.]+)/.exec(execFileSync('pdfinfo', [path], { encoding: 'utf8' }))?.[1];

/** Every QR code on page `page` (1-based), as zbarimg reads it from a 200 dpi rendering. */
function qrCodesOn(path: string, page: number): string[] {
  const png = join(work, `qr-${++counter}`);
  execFileSync('pdftoppm', ['-r', '200', '-f', String(page), '-l', String(page), '-singlefile', '-png', path, png]);
  // zbarimg complains on stderr that there is no D-Bus here; only its answer matters.
  const out = execFileSync('zbarimg', ['--raw', '-q', '-Sdisable', '-Sqrcode.enable', `${png}.png`], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  return out.split('\n').filter((line) => line !== '');
}

const count = (text: string, part: string) => text.split(part).length - 1;

describe('领取凭证 (aid voucher)', () => {
  it('prints three parts on one A4 page with cut lines, every field, the amount in figures and in 大写, signatures, seal and QR', async () => {
    const v = voucher();
    const { path, pages, flat } = await render(
      aidVoucherDocument({ orgName: AID_ORG, printedAt: PRINTED_AT, layout: 'a4-three', vouchers: [v] }),
    );
    expect(pageCount(path)).toBe(1);
    expect(pageSize(path)).toBe('595.28 x 841.89');
    const page = flat[0]!;
    for (const part of ['第一联存根', '第二联领款联', '第三联财务联']) expect(page).toContain(part);
    expect(count(page, VOUCHER_TITLE)).toBe(3);
    expect(count(page, '编号：2027-000123')).toBe(3);
    expect(count(page, '✂沿此线裁开')).toBe(2);
    for (const field of [
      '领款人张建国',
      '身份证号110105********1234',
      '单位红星机械厂',
      '救助类别生活救助',
      '资金来源工会经费',
      '救助项目2027年度困难职工生活救助',
      '发放方式银行转账6222********3445',
      '日期2027-01-14',
      '金额（小写）¥1,409.50',
      '金额（大写）人民币壹仟肆佰零玖元伍角',
      '经办人李经办',
      '审核人王审核',
      '领款人（签字）：',
      '（单位盖章）',
      '扫码核验真伪',
      AID_ORG,
      '打印时间2027-01-1510:30',
    ])
      expect(count(page, field), field).toBe(3);
    // A first print of a valid voucher says neither 补打 nor 作废.
    expect(page).not.toContain('补打');
    expect(page).not.toContain('作废');
    expect(pages[0]).not.toContain('110105198001011234');
    // The QR code of every part reads back as the signed summary given.
    expect(qrCodesOn(path, 1)).toEqual([v.qrText, v.qrText, v.qrText]);
  });

  it('places each part inside its third of the sheet, the cut lines at exactly one and two thirds', async () => {
    // The fullest part there is: a reissue with a long unit, voided and reprinted.
    const { path } = await render(
      aidVoucherDocument({
        orgName: AID_ORG,
        printedAt: PRINTED_AT,
        layout: 'a4-three',
        vouchers: [
          voucher({ voided: true, reprintCount: 1, reissueOf: { serial: '2027-000012' }, unit: '市第三建筑工程公司第二项目部'.repeat(6) }),
        ],
      }),
    );
    // pdftotext -bbox: every word with its box, in points from the top of the page.
    const words = [
      ...execFileSync('pdftotext', ['-bbox', path, '-'], { encoding: 'utf8' }).matchAll(
        /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g,
      ),
    ].map((m) => ({ y: Number(m[2]), bottom: Number(m[3]), text: m[4]! }));
    const third = 841.89 / 3;
    const scissors = words.filter((w) => w.text === '✂');
    expect(scissors.map((w) => Math.round((w.y + w.bottom) / 2))).toEqual([Math.round(third), Math.round(2 * third)]);
    const tops = words.filter((w) => w.text.startsWith('编号：')).map((w) => w.y);
    const signatures = words.filter((w) => w.text.startsWith('领款人（签字）')).map((w) => w.bottom);
    expect(tops).toHaveLength(3);
    expect(signatures).toHaveLength(3);
    for (let part = 0; part < 3; part++) {
      expect(tops[part]).toBeGreaterThan(part * third);
      expect(signatures[part]).toBeLessThan((part + 1) * third - 10);
    }
  });

  it('prints a batch one voucher a page, with 补打 and its count on a reprint, 作废 across a voided one, and cash against a signature', async () => {
    const vouchers = [
      voucher({ serial: '2027-000001', amountFen: 50000 }),
      voucher({ serial: '2027-000002', amountFen: 10000010, reprintCount: 2, method: 'cash', maskedAccount: null }),
      voucher({ serial: '2027-000003', amountFen: 100000000, voided: true }),
      voucher({ serial: '2027-000004', amountFen: 10000100, unit: '市第三建筑工程公司第二项目部安装分公司机电设备维修车间'.repeat(4) }),
    ];
    const { path, flat } = await render(aidVoucherDocument({ orgName: AID_ORG, printedAt: PRINTED_AT, layout: 'a4-three', vouchers }));
    expect(pageCount(path)).toBe(4);
    expect(flat.map((page) => /编号：(\d{4}-\d{6})/.exec(page)?.[1])).toEqual(vouchers.map((v) => v.serial));
    expect(flat[0]).toContain('人民币伍佰元整');
    expect(count(flat[1]!, '补打（第2次）')).toBe(3);
    expect(count(flat[1]!, '发放方式现金（凭签字领取）')).toBe(3);
    expect(flat[1]).toContain('人民币壹拾万元零壹角');
    expect(flat[2]).toContain('人民币壹佰万元整');
    // On each of the three parts: the small note beside the part's name and the large stamp across the fields.
    expect(count(flat[2]!, '作废')).toBe(6);
    expect(flat[3]).toContain('人民币壹拾万零壹元整');
    for (const page of [0, 1, 3]) expect(flat[page]).not.toContain('作废');
    expect(qrCodesOn(path, 3)).toEqual(Array(3).fill(vouchers[2]!.qrText));
  });

  it('names the voided voucher a reissue replaces on every part, on A4 and on A5', async () => {
    const vouchers = [
      voucher({ serial: '2027-000130', reissueOf: { serial: '2027-000012' } }),
      voucher({ serial: '2027-000131', reissueOf: { serial: null } }),
      voucher({ serial: '2027-000132' }),
    ];
    const a4 = await render(aidVoucherDocument({ orgName: AID_ORG, printedAt: PRINTED_AT, layout: 'a4-three', vouchers }));
    expect(count(a4.flat[0]!, '补发，原凭证2027-000012已作废')).toBe(3);
    // A payment voided before approval had no voucher to name.
    expect(count(a4.flat[1]!, '补发，原付款已作废（未出凭证）')).toBe(3);
    expect(a4.flat[2]).not.toContain('补发');
    const a5 = await render(aidVoucherDocument({ orgName: AID_ORG, printedAt: PRINTED_AT, layout: 'a5', vouchers }));
    expect(pageCount(a5.path)).toBe(3);
    expect(count(a5.flat[0]!, '补发，原凭证2027-000012已作废')).toBe(1);
    expect(a5.flat[2]).not.toContain('补发');
  });

  it('prints one 领款联 per A5 page', async () => {
    const vouchers = [voucher({ serial: '2027-000010' }), voucher({ serial: '2027-000011', reprintCount: 1 })];
    const { path, flat } = await render(aidVoucherDocument({ orgName: AID_ORG, printedAt: PRINTED_AT, layout: 'a5', vouchers }));
    expect(pageCount(path)).toBe(2);
    expect(pageSize(path)).toBe('595.28 x 419.53');
    expect(count(flat[0]!, VOUCHER_TITLE)).toBe(1);
    expect(flat[0]).toContain('领款联');
    expect(flat[0]).not.toContain('存根');
    expect(flat[1]).toContain('补打（第1次）');
    expect(qrCodesOn(path, 2)).toEqual([qrTextOf('2027-000011', 140950)]);
  });
});

/** Fen from "1,234.56" as printed. */
const fenOf = (printed: string) => Number(printed.replace(/[,.]/g, ''));

function sheet(rows: AidPaymentSheetData['rows'], batchName: string | null = '第一批（一厂、二厂）'): AidPaymentSheetData {
  return { orgName: AID_ORG, programName: '2027年春节送温暖', fundSourceLabel: '工会经费', batchName, printedAt: PRINTED_AT, rows };
}

const BANKS = ['工商银行', '中国农业银行股份有限公司北京朝阳支行', null] as const;

/**
 * 45 people, every fourth paid in cash, amounts that differ in every digit; a bank transfer names its bank (or has none
 * recorded), and every seventh row is a reissue (the 43rd of a payment voided before it had a voucher).
 */
const SHEET_ROWS: AidPaymentSheetData['rows'] = Array.from({ length: 45 }, (_, i) => ({
  ...person(i),
  serial: `2027-${String(101 + i).padStart(6, '0')}`,
  reissueOf: i % 7 === 0 ? { serial: i === 42 ? null : `2027-${String(12 + i).padStart(6, '0')}` } : null,
  maskedAccount: i % 4 === 3 ? null : `**** ${3000 + i}`,
  bankName: i % 4 === 3 ? null : BANKS[i % 3]!,
  amountFen: 50000 + i * 1037,
}));

describe('发放表 (payment sheet)', () => {
  it('prints 45 rows on 3 landscape pages, each with its own 本页小计, the last with 合计 in figures and 大写 and the signatures', async () => {
    const { path, pages, flat } = await render(aidPaymentSheetDocument(sheet(SHEET_ROWS)));
    expect(pageCount(path)).toBe(3);
    expect(pageSize(path)).toBe('841.89 x 595.28');
    const total = SHEET_ROWS.reduce((sum, row) => sum + row.amountFen, 0);

    pages.forEach((page, index) => {
      const f = flat[index]!;
      // The head on every page; the footer numbers the pages.
      expect(f).toContain(PAYMENT_SHEET_TITLE);
      expect(f).toContain(`发放单位：${AID_ORG}`);
      expect(f).toContain('救助项目：2027年春节送温暖');
      expect(f).toContain('资金来源：工会经费');
      expect(f).toContain('发放批次：第一批（一厂、二厂）');
      expect(f).toContain(`第${index + 1}页共3页`);
      expect(f).toContain('序号凭证编号姓名身份证号单位账号/领款人签字金额（元）');
      // The rows of the page in order: 序号, 凭证编号 (a reissue's on two lines, with 补发 and the original's serial),
      // name, masked ID, unit, (bank, account), amount. Read from the page's words in pdftotext's order: a reissue's
      // serial comes before its 序号 (the cell's first line is above the row's middle).
      const rows = [
        ...page
          .replace(/\s+/g, ' ')
          .matchAll(
            new RegExp(
              String.raw`(?<= |^)(?:(\d{4}-\d{6}) )?(\d+) (?:(\d{4}-\d{6}) )?(?:(补发 原 \d{4}-\d{6}|补发（原付款未出凭证）) )?` +
                String.raw`(\S+) (\d{6}\*{8}\d{4}) (\S+) (?:(\S+) )?(?:(\*{4} \d{4}) )?([\d,]+\.\d\d)(?= |$)`,
              'g',
            ),
          ),
      ];
      expect(rows.map((m) => Number(m[2]))).toEqual(Array.from({ length: 15 }, (_, i) => index * 15 + i + 1));
      for (const m of rows) {
        const expected = SHEET_ROWS[Number(m[2]) - 1]!;
        const mark = expected.reissueOf
          ? expected.reissueOf.serial
            ? `补发 原 ${expected.reissueOf.serial}`
            : '补发（原付款未出凭证）'
          : null;
        expect([m[1] ?? m[3], m[4] ?? null, m[5], m[6], m[7], m[8] ?? null, m[9] ?? null, fenOf(m[10]!)]).toEqual([
          expected.serial,
          mark,
          expected.name,
          expected.maskedId,
          expected.unit,
          expected.bankName ?? null,
          expected.maskedAccount,
          expected.amountFen,
        ]);
      }
      // Every seventh row is a reissue: 1, 8, 15, 22, … 43 (that one of a payment voided before it had a voucher).
      expect(rows.filter((m) => m[4]).map((m) => Number(m[2]))).toEqual(
        [1, 8, 15, 22, 29, 36, 43].filter((n) => n > index * 15 && n <= index * 15 + 15),
      );
      // 本页小计 is the sum of the page's rows.
      const subtotal = /本页小计\s+15 人\s+¥([\d,]+\.\d\d)/.exec(page);
      expect(subtotal, `page ${index + 1}`).not.toBeNull();
      expect(fenOf(subtotal![1]!)).toBe(rows.reduce((sum, m) => sum + fenOf(m[10]!), 0));
    });

    const last = flat[2]!;
    expect(last).toContain(`合计共45人¥${formatYuan(total)}`);
    expect(last).toContain(`合计（大写）人民币${chineseUppercase(total)}`);
    expect(chineseUppercase(total)).toBe('叁万贰仟柒佰陆拾陆元叁角');
    for (const signer of ['制表人：', '经办人：', '审核人：', '负责人：']) expect(last).toContain(signer);
    for (const page of flat.slice(0, 2)) {
      expect(page).not.toContain('合计');
      expect(page).not.toContain('制表人');
    }
  });

  it('keeps 15 rows a page however long the names, units and banks, with 18-character IDs and reissues on every row', async () => {
    const long = SHEET_ROWS.map((row, i) => ({
      ...row,
      name: i % 2 ? '阿依古丽·买买提艾力江' : row.name,
      maskedId: `${row.maskedId.slice(0, 17)}X`,
      unit: '市第三建筑工程公司第二项目部安装分公司机电设备维修车间第一班组'.repeat(1 + (i % 3)),
      bankName: row.maskedAccount ? '中国邮政储蓄银行股份有限公司新疆维吾尔自治区乌鲁木齐市天山区支行营业部'.repeat(1 + (i % 2)) : null,
      reissueOf: { serial: i % 5 ? `2027-${String(900_000 + i).padStart(6, '0')}` : null },
    }));
    const { path, flat } = await render(aidPaymentSheetDocument(sheet(long)));
    expect(pageCount(path)).toBe(3);
    // Every row on its page: its serial and its reissue mark, 15 a page.
    for (const [index, page] of flat.entries()) {
      expect(page.match(/2027-0001\d\d/g)).toHaveLength(15);
      expect(page.match(/补发/g)).toHaveLength(15);
      expect(page).toContain('本页小计15人');
      // A bank name too long for its cell is cut short, never the account after it.
      const banked = long.slice(index * 15, index * 15 + 15).filter((row) => row.maskedAccount);
      expect(page.match(/\*{4}\d{4}/g)).toEqual(banked.map((row) => row.maskedAccount!.replace(' ', '')));
      const cut = banked.filter((row) => row.bankName!.length > 40).map((row) => `…${row.maskedAccount!.replace(' ', '')}`);
      expect(cut.length).toBeGreaterThan(0);
      expect(page.match(/…\*{4}\d{4}/g)).toEqual(cut);
    }
    expect(flat[0]).toContain('补发原2027-900001');
    expect(flat[0]).toContain('补发（原付款未出凭证）');
    expect(flat[0]).toContain('110100********100X');
    expect(flat[2]).toContain('合计（大写）');
    expect(flat[2]).toContain('负责人：');
  });

  it('prints 全部 for a whole program, 领款人签字 for an all-cash sheet, and one page for a few rows', async () => {
    const cash = SHEET_ROWS.slice(0, 3).map((row) => ({ ...row, maskedAccount: null }));
    const { path, flat } = await render(aidPaymentSheetDocument(sheet(cash, null)));
    expect(pageCount(path)).toBe(1);
    expect(flat[0]).toContain('发放批次：全部');
    expect(flat[0]).toContain('序号凭证编号姓名身份证号单位领款人签字金额（元）');
    expect(flat[0]).toContain('第1页共1页');
    expect(flat[0]).toContain('本页小计3人¥1,531.11');
    expect(flat[0]).toContain('合计（大写）人民币壹仟伍佰叁拾壹元壹角壹分');
  });
});

const CERTIFICATE: AidCertificateData = {
  orgName: AID_ORG,
  printedAt: PRINTED_AT,
  layout: 'a4',
  serial: '2027-Z000012',
  name: '张建国',
  maskedId: '110105********1234',
  unit: '红星机械厂',
  categoryLabel: '深度困难',
  fileNumber: 'BF-2026-00042',
  validUntil: '2027-12-31',
  issuedOn: '2027-01-15',
  qrText: qrTextOf('2027-Z000012', 0),
  reprintCount: 0,
};

describe('困难职工证明 (certificate)', () => {
  it('states on one A4 page that the household is registered in hardship, valid until the next review, with serial, seal and QR', async () => {
    const { path, flat } = await render(aidCertificateDocument(CERTIFICATE));
    expect(pageCount(path)).toBe(1);
    expect(pageSize(path)).toBe('595.28 x 841.89');
    const page = flat[0]!;
    expect(page).toContain(CERTIFICATE_TITLE);
    expect(page).toContain('编号：2027-Z000012');
    expect(page).toContain('兹证明张建国（身份证号110105********1234），工作单位：红星机械厂');
    expect(page).toContain('困难类别：深度困难；档案编号：BF-2026-00042');
    expect(page).toContain('本证明有效期至2027年12月31日（下次复核之日）');
    expect(page).toMatch(new RegExp(`${AID_ORG}（盖章）(扫码核验真伪)?2027年1月15日`));
    expect(page).not.toContain('补打');
    expect(qrCodesOn(path, 1)).toEqual([CERTIFICATE.qrText]);
  });

  it('prints on A5 and says 补打 with its count on a reprint', async () => {
    const { path, flat } = await render(aidCertificateDocument({ ...CERTIFICATE, layout: 'a5', reprintCount: 3 }));
    expect(pageCount(path)).toBe(1);
    expect(pageSize(path)).toBe('419.53 x 595.28');
    expect(flat[0]).toContain('补打（第3次）');
    expect(flat[0]).toContain('档案编号：BF-2026-00042');
    expect(qrCodesOn(path, 1)).toEqual([CERTIFICATE.qrText]);
  });
});

describe('联系卡 (contact cards)', () => {
  const CATEGORIES = ['深度困难', '相对困难', '意外致困'];
  const cards: ContactCardData['cards'] = Array.from({ length: 13 }, (_, i) => ({
    cardNumber: `LXK-2027-${String(i + 1).padStart(4, '0')}`,
    name: person(i).name,
    categoryLabel: CATEGORIES[i % 3]!,
  }));
  const data: ContactCardData = { orgName: AID_ORG, printedAt: PRINTED_AT, contactPerson: '王帮扶', contactPhone: '010-65432100', cards };

  it('prints ten cards to an A4 page, each with its number, name, category, the centre’s contact and the 12351 hotline', async () => {
    const { path, pages, flat } = await render(contactCardsDocument(data));
    expect(pageCount(path)).toBe(2);
    expect(pageSize(path)).toBe('595.28 x 841.89');
    expect([count(flat[0]!, CARD_TITLE), count(flat[1]!, CARD_TITLE)]).toEqual([10, 3]);
    const numbers = pages.map((page) => [...page.matchAll(/卡号 (LXK-2027-\d{4})/g)].map((m) => m[1]));
    expect(numbers.flat()).toEqual(cards.map((card) => card.cardNumber));
    expect(numbers.map((n) => n.length)).toEqual([10, 3]);
    for (const [index, page] of flat.entries()) {
      const onPage = cards.slice(index * 10, index * 10 + 10);
      for (const card of onPage) expect(page).toContain(`名：${card.name}`);
      expect(count(page, '帮扶联系人：王帮扶010-65432100')).toBe(onPage.length);
      expect(count(page, '职工服务热线：12351')).toBe(onPage.length);
      expect(count(page, AID_ORG)).toBe(onPage.length);
      for (const category of CATEGORIES)
        expect(count(page, `困难类别：${category}`)).toBe(onPage.filter((c) => c.categoryLabel === category).length);
    }
  });

  it('lays the cards out at 85.6 × 54 mm, two columns of five, edge to edge inside the sheet', () => {
    const doc = contactCardsDocument({ ...data, cards: cards.slice(0, 10) });
    const outlines = (doc.content as { absolutePosition?: { x: number; y: number }; canvas?: { type: string; w?: number; h?: number }[] }[])
      .filter((node) => node.canvas?.[0]?.type === 'rect')
      .map((node) => ({ ...node.absolutePosition!, w: node.canvas![0]!.w!, h: node.canvas![0]!.h! }));
    expect(outlines).toHaveLength(10);
    const mm = 72 / 25.4;
    for (const card of outlines) {
      expect(card.w).toBeCloseTo(85.6 * mm, 5);
      expect(card.h).toBeCloseTo(54 * mm, 5);
      expect(card.x).toBeGreaterThan(0);
      expect(card.y).toBeGreaterThan(0);
      expect(card.x + card.w).toBeLessThan(595.28);
      expect(card.y + card.h).toBeLessThan(841.89);
    }
    expect(new Set(outlines.map((c) => c.x.toFixed(2))).size).toBe(2);
    expect(new Set(outlines.map((c) => c.y.toFixed(2))).size).toBe(5);
    // Neighbours share their cutting line.
    const xs = [...new Set(outlines.map((c) => c.x))].sort((a, b) => a - b);
    expect(xs[1]! - xs[0]!).toBeCloseTo(85.6 * mm, 5);
  });
});

describe('QR codes and names on the aid documents', () => {
  it('sizes a QR code between 80 and 98 pt, whatever the length of its text', () => {
    for (const length of [1, 20, 60, 100, 130, 152, 153, 200, 400]) {
      const node = qrCode('A'.repeat(length)) as { width: number; height: number };
      expect(node.width, `${length} bytes`).toBeGreaterThanOrEqual(80);
      expect(node.width).toBeLessThanOrEqual(98);
      expect(node.height).toBe(node.width);
    }
  });

  it('refuses to print a voucher whose name has a character the font lacks, naming the character', async () => {
    const doc = aidVoucherDocument({
      orgName: AID_ORG,
      printedAt: PRINTED_AT,
      layout: 'a4-three',
      vouchers: [voucher(), voucher({ recipientName: '\u{20BB7}大明' })],
    });
    const error = await renderPdf(doc, { fontsDir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('MISSING_GLYPHS');
    expect((error as AppError).params).toEqual({ chars: ['\u{20BB7}'] });
  });
});
