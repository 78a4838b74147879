import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatSignedCode, parseSignedCode, signedMessage } from '@shared/domain/signed-code';
import { generateEd25519, signWith } from '../../src/main/core/keys/ed25519';
import { insertFile, saveProgram } from './support/aid';
import { aidOffice, auditOf, PEOPLE, printed, qrCodesOn, SLOW } from './support/aid-print';
import { draftOf, fileForMember, HEAD } from './support/hardship';

/**
 * The printed aid documents through their channels, on a real database file, read back from the real PDFs (pdftotext,
 * pdfinfo) and, for the QR codes, from a picture of the page (pdftoppm + zbarimg), then checked by aid.verify.
 */

async function batchOfFour() {
  const env = await aidOffice();
  const batchId = env.addBatch();
  const payments = PEOPLE.map((p, i) => env.addPayment({ ...p, batchId, amountFen: [50_000, 140_950, 600_714, 32_504][i]! }));
  return { ...env, batchId, payments };
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
