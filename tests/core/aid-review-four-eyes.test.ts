import { describe, expect, it } from 'vitest';
import { insertFile, nextIdNumber, saveProgram, sqliteOf } from './support/aid';
import { office } from './support/hardship';

/**
 * What the clerk's walk found on the aid screens, checked where the rules live (a real database through the
 * channels): the file page's overdue review flag is the certificate's own rule on the core's clock; the four-eyes
 * refusal names the reviewer's own payments; who marked a payment paid; the file's account for a reissue by bank.
 */

// Each test starts an office (users' passwords hashed): about 8 s alone, more on a machine shared by other runs.
const SHARED_MACHINE = { timeout: 60_000 };

const cash = (programId: string, fileId: string | null, amountFen: number, more: Record<string, unknown> = {}) => ({
  programId,
  fileId,
  amountFen,
  method: 'cash' as const,
  ...more,
});

describe('the annual review on the file page', SHARED_MACHINE, () => {
  it('is overdue the day after its next review date, on the core clock, as the certificate refuses it', async () => {
    const { t, advanceDays } = await office();
    const sqlite = sqliteOf(t);
    const reviewed = (fileId: string, sqlDate: string) =>
      sqlite
        .prepare(`UPDATE hardship_files SET file_no = ?, reviewed_on = ${sqlDate} WHERE id = ?`)
        .run(`TEST-${fileId.slice(-6)}`, fileId);
    const today = (await t.call('policy.list', {})).today;

    // Reviewed twelve months ago (the policy's interval): due today, not overdue yet.
    const dueToday = insertFile(t).fileId;
    reviewed(dueToday, `date('${today}', '-12 months')`);
    expect(await t.call('files.get', { id: dueToday }, 'clerk')).toMatchObject({ nextReviewOn: today, reviewOverdue: false });

    // Reviewed a day longer ago: overdue, and the certificate is refused for that reason.
    const overdue = insertFile(t).fileId;
    reviewed(overdue, `date('${today}', '-12 months', '-1 day')`);
    const late = await t.call('files.get', { id: overdue }, 'clerk');
    expect(late.reviewOverdue).toBe(true);
    expect(late.nextReviewOn! < today).toBe(true);
    expect(await t.fail('aid.printCertificate', { fileId: overdue }, 'clerk')).toMatchObject({
      code: 'AID_CERTIFICATE_NOT_ACTIVE',
      params: { reviewDue: true },
    });

    // A draft has no review yet; a file under review (复核) is not 在档, so not "overdue" (its status says why).
    const draft = insertFile(t, { status: 'draft', category: null }).fileId;
    expect(await t.call('files.get', { id: draft }, 'clerk')).toMatchObject({ nextReviewOn: null, reviewOverdue: false });
    const inReview = insertFile(t, { status: 'annualReview' }).fileId;
    reviewed(inReview, `date('${today}', '-13 months')`);
    expect(await t.call('files.get', { id: inReview }, 'clerk')).toMatchObject({ reviewOverdue: false });

    // The clock moves on: the file due today is overdue tomorrow.
    await advanceDays(1);
    expect(await t.call('files.get', { id: dueToday }, 'clerk')).toMatchObject({ nextReviewOn: today, reviewOverdue: true });
  });
});

describe('four eyes on a bulk approval', SHARED_MACHINE, () => {
  it("names the reviewer's own payments by file number (临时救助 without one), the first three and the count", async () => {
    const { t } = await office();
    const sqlite = sqliteOf(t);
    const festival = await saveProgram(t, 'festival', { kind: 'fixed', amountFen: 50_000, byCategory: {} });
    const emergency = await saveProgram(t, 'emergency', { kind: 'emergency', capFen: 200_000 });
    const files = [0, 1, 2, 3, 4].map((i) => {
      const { fileId } = insertFile(t);
      sqlite.prepare('UPDATE hardship_files SET file_no = ? WHERE id = ?').run(`110105-2026-${String(i + 1).padStart(4, '0')}`, fileId);
      return fileId;
    });
    const byClerk = await t.call('aid.createPayment', cash(festival.id, files[0]!, 50_000), 'clerk');
    const worker = { name: '临时工', idNumber: nextIdNumber(), unit: null };
    const own = [
      await t.call('aid.createPayment', cash(festival.id, files[1]!, 50_000), 'reviewer'),
      await t.call('aid.createPayment', cash(emergency.id, null, 200_000, { emergency: worker }), 'reviewer'),
      await t.call('aid.createPayment', cash(festival.id, files[2]!, 50_000), 'reviewer'),
      await t.call('aid.createPayment', cash(festival.id, files[3]!, 50_000), 'reviewer'),
    ];
    // The list tells the reviewer's rows apart by who entered them (an id, not a display name two users may share).
    const reviewerId = own[0]!.enteredById;
    expect(own.every((p) => p.enteredById === reviewerId)).toBe(true);
    expect(byClerk.enteredById).not.toBe(reviewerId);

    const refused = await t.fail('aid.approve', { ids: [byClerk.id, ...own.map((p) => p.id)] }, 'reviewer');
    expect(refused).toMatchObject({
      code: 'AID_OWN_ENTRY',
      params: { count: 4, fileNos: ['110105-2026-0002', '', '110105-2026-0003'], ids: own.slice(0, 3).map((p) => p.id) },
    });
    // No names or ID numbers in what the refusal carries.
    expect(JSON.stringify(refused)).not.toMatch(/测试户主|临时工|11010519/);
    // All or nothing: none approved.
    expect((await t.call('aid.payments', { programId: festival.id })).totals.byStatus).toEqual({ pending: 4 });

    // Untick their own and the rest goes through; then who marked it paid is kept and shown.
    expect(await t.call('aid.approve', { ids: [byClerk.id] }, 'reviewer')).toMatchObject({ approved: 1 });
    await t.call('aid.markPaid', { ids: [byClerk.id], paidOn: (await t.call('policy.list', {})).today }, 'clerk');
    const paid = await t.call('aid.payment', { id: byClerk.id });
    expect(paid).toMatchObject({ status: 'paid', paidBy: 'clerk-user', approvedBy: 'reviewer-user', enteredBy: 'clerk-user' });
    expect(own[0]!.paidBy).toBeNull();
  });
});

describe('a reissue by bank', SHARED_MACHINE, () => {
  it("sees the file's account even when the voided payment was cash, and none when the file has none", async () => {
    const { t } = await office();
    const festival = await saveProgram(t, 'festival', { kind: 'fixed', amountFen: 50_000, byCategory: {} });
    const withAccount = await t.call('aid.createPayment', cash(festival.id, insertFile(t).fileId, 50_000), 'clerk');
    expect(withAccount).toMatchObject({ method: 'cash', accountMasked: null, fileAccountMasked: '**** 3445' });
    const without = await t.call('aid.createPayment', cash(festival.id, insertFile(t, { bankAccount: null }).fileId, 50_000), 'clerk');
    expect(without).toMatchObject({ accountMasked: null, fileAccountMasked: null });

    // The voided cash payment is reissued by bank to the account on file.
    await t.call('aid.void', { id: withAccount.id, reason: '改为银行代发' }, 'reviewer');
    const reissued = await t.call('aid.reissue', { voidedId: withAccount.id, amountFen: 50_000, method: 'bank' }, 'clerk');
    expect(reissued).toMatchObject({ method: 'bank', accountMasked: '**** 3445', reissueOf: withAccount.id });
    await t.call('aid.void', { id: without.id, reason: '改为银行代发' }, 'reviewer');
    expect(await t.fail('aid.reissue', { voidedId: without.id, amountFen: 50_000, method: 'bank' }, 'clerk')).toMatchObject({
      code: 'AID_NO_BANK_ACCOUNT',
    });
  });
});
