import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatSignedCode, parseSignedCode, signedMessage } from '@shared/domain/signed-code';
import { generateEd25519, signWith } from '../../src/main/core/keys/ed25519';
import { insertFile, saveProgram } from './support/aid';
import { aidOffice, printed, qrCodesOn } from './support/aid-print';
import { ORG } from './support/core';
import { consented, draftOf, fileForMember, HEAD, idOf, OTHER_HEAD, toNotice } from './support/hardship';

/**
 * The printed aid documents through their channels, on a real database file, read back from the real PDFs (pdftotext,
 * pdfinfo) and, for the QR codes, from a picture of the page (pdftoppm + zbarimg), then checked by aid.verify.
 */

/** Each test prints and reads back several PDFs and pictures of pages: seconds each on a busy machine. */
const SLOW = { timeout: 120_000 };

const PEOPLE = [
  { name: '赵建国', idNumber: HEAD, unit: '甲机械厂' },
  { name: '钱秀英', idNumber: OTHER_HEAD, unit: '乙纺织厂' },
  { name: '孙志强', idNumber: idOf('11010519700707107'), unit: '丙建筑公司' },
  { name: '李海燕', idNumber: idOf('11010519900909109'), unit: null },
];

async function batchOfFour() {
  const env = await aidOffice();
  const batchId = env.addBatch();
  const payments = PEOPLE.map((p, i) => env.addPayment({ ...p, batchId, amountFen: [50_000, 140_950, 600_714, 32_504][i]! }));
  return { ...env, batchId, payments };
}

async function auditOf(t: Awaited<ReturnType<typeof aidOffice>>['t'], channel: string) {
  return (await t.call('audit.list', { action: channel, page: 1, pageSize: 10 })).entries;
}

describe('aid print: vouchers (领取凭证)', SLOW, () => {
  it('prints a batch one page a voucher, with every field, the amount in 大写 and a QR code that verifies; a second print says 补打 with its count', async () => {
    const { t, batchId, payments, printCounts, year } = await batchOfFour();
    const first = await printed(t, 'aid.printVouchers', { batchId, layout: 'a4-three' });

    expect(first.pageCount).toBe(4);
    expect(first.name).toBe(`领取凭证-${year}-000001至${year}-000004.pdf`);
    const page1 = first.flat[0]!;
    // Three parts on the page, each with the serial, the recipient and the amount.
    for (const part of ['存根', '领款联', '财务联']) expect(page1).toContain(part);
    expect(page1.match(new RegExp(`编号：${year}-000001`, 'g'))).toHaveLength(3);
    expect(page1).toContain('赵建国');
    expect(page1).toContain('110105********1011'.slice(0, 6)); // masked: the middle is hidden
    expect(page1).not.toContain(HEAD);
    expect(page1).toContain('甲机械厂');
    expect(page1).toContain('送温暖');
    expect(page1).toContain(`${year}年送温暖`);
    expect(page1).toContain('工会经费');
    expect(page1).toContain('¥500.00');
    expect(page1).toContain('人民币伍佰元整');
    expect(page1).toContain('现金');
    expect(page1).toContain('clerk-user'); // 经办人: who entered it
    expect(page1).toContain('reviewer-user'); // 审核人: who approved it
    expect(page1).not.toContain('补打');
    // The examples of docs/domain.md "人民币大写", generated from the amounts.
    expect(first.flat[1]).toContain('人民币壹仟肆佰零玖元伍角');
    expect(first.flat[2]).toContain('人民币陆仟零柒元壹角肆分');
    expect(first.flat[3]).toContain('人民币叁佰贰拾伍元零肆分');

    // The QR code as a scanner reads it off the paper: the signed summary, no name, and aid.verify says it is genuine.
    const codes = qrCodesOn(first.path, 1);
    expect(codes.length).toBeGreaterThanOrEqual(1);
    expect(new Set(codes).size).toBe(1);
    const code = codes[0]!;
    expect(code).toMatch(/^[\x21-\x7e]+$/);
    expect(code).not.toContain('赵');
    const parsed = parseSignedCode(code);
    expect(parsed.ok && parsed.payload).toMatchObject({
      kind: 'voucher',
      serial: `${year}-000001`,
      paymentId: payments[0]!.id,
      amountFen: 50_000,
    });
    expect(await t.call('aid.verify', { text: code })).toMatchObject({
      verdict: 'valid-unpaid',
      summary: { serial: `${year}-000001`, amountFen: 50_000 },
    });

    expect(printCounts(payments.map((p) => p.id))).toEqual([1, 1, 1, 1]);
    const second = await printed(t, 'aid.printVouchers', { batchId, layout: 'a4-three' });
    expect(second.pageCount).toBe(4);
    for (const page of second.flat) expect(page).toContain('补打（第1次）');
    expect(printCounts(payments.map((p) => p.id))).toEqual([2, 2, 2, 2]);
    const third = await printed(t, 'aid.printVouchers', { ids: [payments[2]!.id], layout: 'a5' });
    expect(third.pageCount).toBe(1);
    expect(third.flat[0]).toContain('补打（第2次）');
    expect(third.flat[0]).toContain('孙志强');

    const entries = await auditOf(t, 'aid.printVouchers');
    expect(entries.map((e) => e.summary.params)).toEqual([
      { count: 1, reprints: 1, layout: 'a5' },
      { count: 4, reprints: 4, layout: 'a4-three' },
      { count: 4, reprints: 0, layout: 'a4-three' },
    ]);
    expect(JSON.stringify(entries)).not.toContain('赵建国');
  });

  it('prints 作废 across a voided voucher, whose QR code then verifies as voided; a changed character or another key is forged', async () => {
    const env = await aidOffice();
    const { t } = env;
    const voided = env.addPayment({ ...PEOPLE[1]!, status: 'voided', amountFen: 120_000 });
    const doc = await printed(t, 'aid.printVouchers', { ids: [voided.id] });
    expect(doc.flat[0]).toContain('作废');
    const [code] = qrCodesOn(doc.path, 1);
    expect(await t.call('aid.verify', { text: code! })).toMatchObject({ verdict: 'voided' });

    // One character of the amount changed (120000 → 920000): the signature no longer covers it.
    const altered = code!.replace('.120000.', '.920000.');
    expect(altered).not.toBe(code);
    expect((await t.call('aid.verify', { text: altered })).verdict).toBe('forged');
    // The same summary signed by another organisation's key.
    const parsed = parseSignedCode(code!);
    if (!parsed.ok) throw new Error(parsed.problem);
    const stranger = generateEd25519();
    const foreign = formatSignedCode(parsed.payload, signWith(stranger.privateKey, signedMessage(parsed.payload)));
    expect((await t.call('aid.verify', { text: foreign })).verdict).toBe('forged');
    // … and under another organisation's code: not issued here.
    const elsewhere = { ...parsed.payload, orgCode: '91350100M000100Y43' };
    const theirs = formatSignedCode(elsewhere, signWith(stranger.privateKey, signedMessage(elsewhere)));
    expect((await t.call('aid.verify', { text: theirs })).verdict).toBe('not-issued-here');
  });

  it('reprints a range of serials after a printer jam, shows a bank account masked, and refuses payments not yet approved', async () => {
    const env = await aidOffice();
    const { t } = env;
    // A file with a bank account on record: the voucher shows its last four digits only.
    const file = await t.call(
      'files.saveDraft',
      draftOf(await fileForMember(env.t), { bankName: '工商银行', bankAccount: '6222020200112233445' }),
      'clerk',
    );
    const batchId = env.addBatch();
    const payments = PEOPLE.map((p, i) => env.addPayment({ ...p, batchId, method: 'bank', fileId: i === 0 ? file.id : null }));

    const jam = await printed(t, 'aid.printVouchers', { serialFrom: `${env.year}-2`, serialTo: `${env.year}-000003` });
    expect(jam.pageCount).toBe(2);
    expect(jam.flat[0]).toContain(`${env.year}-000002`);
    expect(jam.flat[1]).toContain(`${env.year}-000003`);
    expect(jam.name).toBe(`领取凭证-${env.year}-000002至${env.year}-000003.pdf`);
    expect(env.printCounts(payments.map((p) => p.id))).toEqual([0, 1, 1, 0]);

    const withAccount = await printed(t, 'aid.printVouchers', { ids: [payments[0]!.id] });
    expect(withAccount.flat[0]).toContain('银行转账****3445');
    expect(withAccount.flat[0]).not.toContain('6222020200112233445');

    const pending = env.addPayment({ ...PEOPLE[3]!, batchId: env.addBatch('第二批'), status: 'pending' });
    expect(await t.fail('aid.printVouchers', { ids: [payments[1]!.id, pending.id] }, 'clerk')).toMatchObject({
      code: 'AID_VOUCHER_NOT_APPROVED',
      params: { count: 1 },
    });
    expect((await t.fail('aid.printVouchers', { serialFrom: `${env.year}-000003`, serialTo: `${env.year}-000001` }, 'clerk')).code).toBe(
      'INVALID_INPUT',
    );
    expect(
      (await t.fail('aid.printVouchers', { serialFrom: `${env.year + 1}-000001`, serialTo: `${env.year + 1}-000009` }, 'clerk')).code,
    ).toBe('NOT_FOUND');
  });

  it('leaves nothing in the outbox and no print counted when the clerk cancels', async () => {
    const env = await aidOffice();
    const { t } = env;
    const batchId = env.addBatch();
    const payments = PEOPLE.map((p) => env.addPayment({ ...p, batchId }));
    const outbox = t.core.state.files.outboxDir;
    const before = readdirSync(outbox).length;
    const { jobId } = await t.call('aid.printVouchers', { batchId }, 'clerk');
    await t.call('jobs.cancel', { jobId }, 'clerk');
    while (!t.events.some((e) => e.type === 'job.finished' && e.jobId === jobId)) await new Promise((r) => setTimeout(r, 20));
    const finished = t.events.find((e) => e.type === 'job.finished' && e.jobId === jobId) as {
      result: { ok: boolean; error?: { code: string } };
    };
    expect(finished.result).toMatchObject({ ok: false, error: { code: 'JOB_CANCELLED' } });
    expect(readdirSync(outbox).length).toBe(before);
    expect(env.printCounts(payments.map((p) => p.id))).toEqual([0, 0, 0, 0]);
    expect(await auditOf(t, 'aid.printVouchers')).toHaveLength(0);
  });
});

describe('aid print: the payment sheet (发放表)', SLOW, () => {
  it('lists the batch without voided payments, a subtotal on every page, the grand total in 大写 and 第 x 页 共 y 页', async () => {
    const env = await aidOffice();
    const { t } = env;
    const batchId = env.addBatch();
    // 17 payments to pay (15 rows a page: two pages), one voided that is not paid, and one in another batch.
    for (let i = 0; i < 17; i++) env.addPayment({ ...PEOPLE[i % 4]!, batchId, amountFen: i === 16 ? 140_950 : 50_000 });
    env.addPayment({ ...PEOPLE[0]!, batchId, status: 'voided', amountFen: 990_000 });
    env.addPayment({ ...PEOPLE[1]!, batchId: env.addBatch('第二批'), amountFen: 70_000 });

    const sheet = await printed(t, 'aid.printSheet', { batchId });
    expect(sheet.pageCount).toBe(2);
    expect(sheet.name).toBe('发放表-春节送温暖第一批.pdf');
    expect(sheet.flat[0]).toContain('帮扶救助金发放表');
    expect(sheet.flat[0]).toContain(`救助项目：${env.year}年送温暖`);
    expect(sheet.flat[0]).toContain('资金来源：工会经费');
    expect(sheet.flat[0]).toContain('发放批次：春节送温暖第一批');
    expect(sheet.flat[0]).toContain('第1页共2页');
    expect(sheet.flat[1]).toContain('第2页共2页');
    expect(sheet.flat[0]).not.toContain(HEAD);
    // Page 1: 15 × ¥500 = ¥7,500; page 2: ¥500 + ¥1,409.50; all: ¥9,409.50 (the voided ¥9,900 and the other batch left out).
    expect(sheet.flat[0]).toContain('本页小计15人¥7,500.00');
    expect(sheet.flat[1]).toContain('本页小计2人¥1,909.50');
    expect(sheet.flat[1]).toContain('共17人¥9,409.50');
    expect(sheet.flat[1]).toContain('人民币玖仟肆佰零玖元伍角');
    expect(sheet.flat.join('')).not.toContain('9,900.00');

    const program = await printed(t, 'aid.printSheet', { programId: env.programId });
    expect(program.flat.at(-1)).toContain('共18人¥10,109.50');
    expect(program.flat[0]).toContain('发放批次：全部');

    const entries = await auditOf(t, 'aid.printSheet');
    expect(entries.map((e) => e.summary.params)).toEqual([
      { count: 18, pages: 2 },
      { count: 17, pages: 2 },
    ]);
  });
});

describe('aid print: the hardship certificate (困难职工证明)', SLOW, () => {
  it('is refused for a file not 在档; for an active file takes a serial once, is valid until the next review, and says 补打 when printed again', async () => {
    const env = await aidOffice();
    const { t, today, advanceDays } = env;
    let file = await t.call('files.saveDraft', draftOf(await fileForMember(t), consented(today)), 'clerk');
    expect(await t.fail('aid.printCertificate', { fileId: file.id }, 'clerk')).toMatchObject({ code: 'AID_CERTIFICATE_NOT_ACTIVE' });

    file = await toNotice(t, today, file);
    await advanceDays(10);
    file = await t.call('files.act', { id: file.id, rev: file.rev, action: 'endNotice' }, 'clerk');
    file = await t.call('files.act', { id: file.id, rev: file.rev, action: 'approve' }, 'reviewer');
    const approvedOn = (await t.call('policy.list', {})).today;
    const validUntil = `${Number(approvedOn.slice(0, 4)) + 1}${approvedOn.slice(4)}`; // the policy's 12 months
    const year = approvedOn.slice(0, 4);

    const first = await printed(t, 'aid.printCertificate', { fileId: file.id });
    expect(first.pageCount).toBe(1);
    expect(first.name).toBe(`困难职工证明-Z${year}-000001.pdf`);
    const page = first.flat[0]!;
    expect(page).toContain('困难职工证明');
    expect(page).toContain(`编号：Z${year}-000001`);
    expect(page).toContain('测试户主');
    expect(page).not.toContain(HEAD);
    expect(page).toContain('甲机械厂');
    expect(page).toContain('深度困难');
    expect(page).toContain(file.fileNo!);
    expect(page).not.toContain('补打');
    const [code] = qrCodesOn(first.path, 1);
    expect(parseSignedCode(code!)).toMatchObject({ ok: true, payload: { kind: 'certificate', serial: `Z${year}-000001`, validUntil } });
    expect(await t.call('aid.verify', { text: code! })).toMatchObject({ verdict: 'valid', summary: { validUntil } });

    const again = await printed(t, 'aid.printCertificate', { fileId: file.id, layout: 'a5' });
    expect(again.name).toBe(`困难职工证明-Z${year}-000001.pdf`);
    expect(again.flat[0]).toContain('补打（第1次）');
    expect(env.sqlite.prepare('SELECT count(*) AS n, max(print_count) AS prints FROM aid_certificates').get()).toEqual({ n: 1, prints: 2 });
    expect((await auditOf(t, 'aid.printCertificate')).map((e) => e.summary.params)).toEqual([
      { serial: `Z${year}-000001`, reprint: 'yes' },
      { serial: `Z${year}-000001`, reprint: 'no' },
    ]);
  });
});

describe('aid print: contact cards (联系卡)', SLOW, () => {
  it("prints ten cards a page with the file's number, name, category, its own 帮扶责任人 or the centre's phone, and 12351", async () => {
    const env = await aidOffice();
    const { t } = env;
    await t.call('org.update', {
      name: ORG.name,
      creditCode: ORG.creditCode,
      regionCode: ORG.regionCode,
      idleLockMinutes: 10,
      contactPhone: '010-66668888',
    });
    const fileIds: string[] = [];
    for (let i = 0; i < 11; i++) {
      const file = await fileForMember(
        t,
        idOf(`110105198001${String(i + 1).padStart(2, '0')}1${String(i).padStart(2, '0')}`),
        `持卡人${'甲乙丙丁戊己庚辛壬癸子'[i]}`,
      );
      fileIds.push(file.id);
    }
    const withContact = await t.call('files.get', { id: fileIds[1]! });
    await t.call(
      'files.saveDraft',
      draftOf(withContact, { contacts: [{ level: 'centre', name: '王帮扶', phone: '13800001111' }] }),
      'clerk',
    );

    const cards = await printed(t, 'aid.printContactCards', { fileIds: [...fileIds, fileIds[0]!] });
    expect(cards.pageCount).toBe(2);
    expect(cards.name).toBe('帮扶联系卡-11张.pdf');
    const [first, second] = cards.flat;
    for (const name of '甲乙丙丁戊己庚辛壬癸') expect(first).toContain(`持卡人${name}`);
    expect(second).toContain('持卡人子');
    expect(first!.match(/12351/g)).toHaveLength(10);
    expect(first!.match(/帮扶联系卡/g)).toHaveLength(10);
    expect(first).toContain('王帮扶13800001111');
    expect(first!.match(/帮扶中心010-66668888/g)).toHaveLength(9);
    expect(first).toContain('（待编号）'); // drafts have no file number yet
    expect((await auditOf(t, 'aid.printContactCards')).map((e) => e.summary.params)).toEqual([{ count: 11 }]);
  });
});

describe('aid print: with the payments made through their channels', SLOW, () => {
  it('prints the voucher a reviewer approved; its code verifies as unpaid, then paid, then voided', async () => {
    const env = await aidOffice();
    const { t, today } = env;
    const program = await saveProgram(
      t,
      'festival',
      { kind: 'fixed', amountFen: 50_000, byCategory: {} },
      { year: Number(today.slice(0, 4)) },
    );
    const { fileId } = insertFile(t, { headName: '周德胜' });
    const made = await t.call('aid.createPayment', { programId: program.id, fileId, amountFen: 50_000, method: 'bank' }, 'clerk');
    expect(await t.fail('aid.printVouchers', { ids: [made.id] }, 'clerk')).toMatchObject({ code: 'AID_VOUCHER_NOT_APPROVED' });
    const { serials } = await t.call('aid.approve', { ids: [made.id] }, 'reviewer');

    const voucher = await printed(t, 'aid.printVouchers', { ids: [made.id] });
    expect(voucher.flat[0]).toContain(`编号：${serials!.first}`);
    expect(voucher.flat[0]).toContain('周德胜');
    expect(voucher.flat[0]).toContain('银行转账****3445');
    const [code] = qrCodesOn(voucher.path, 1);
    expect((await t.call('aid.verify', { text: code! })).verdict).toBe('valid-unpaid');
    await t.call('aid.markPaid', { ids: [made.id], paidOn: today }, 'clerk');
    expect((await t.call('aid.verify', { text: code! })).verdict).toBe('valid-paid');
    await t.call('aid.void', { id: made.id, reason: '重复发放' }, 'reviewer');
    expect((await t.call('aid.verify', { text: code! })).verdict).toBe('voided');
    const again = await printed(t, 'aid.printVouchers', { ids: [made.id] });
    expect(again.flat[0]).toContain('作废');
    expect(again.flat[0]).toContain('补打（第1次）');
  });
});
