import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '@shared/errors';
import { renderPdf } from '../../src/main/core/pdf';
import { qrCode } from '../../src/main/core/pdf/qr-code';
import { aidVoucherDocument, VOUCHER_TITLE } from '../../src/main/core/pdf/documents/aid-voucher';
import { AID_ORG, PRINTED_AT, qrTextOf, voucher } from './support/aid-samples';

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

  it('prints a batch one voucher a page, with 补打 and its count on a reprint, 作废 across a voided one, and cash against a signature', async () => {
    const vouchers = [
      voucher({ serial: '2027-000001', amountFen: 50000 }),
      voucher({ serial: '2027-000002', amountFen: 10000010, reprintCount: 2, method: 'cash', maskedAccount: null }),
      voucher({ serial: '2027-000003', amountFen: 100000000, voided: true }),
      voucher({ serial: '2027-000004', amountFen: 10000100, unit: '市第三建筑工程公司第二项目部安装分公司机电设备维修车间' }),
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
