import { describe, expect, it } from 'vitest';
import { insertFile, nextIdNumber, saveProgram, setPolicy, sqliteOf } from './support/aid';
import { fileForMember, office } from './support/hardship';

/** Aid programs and single payments (docs/domain.md "Aid"), on a real database through the channels. */

const LIVING = { kind: 'lowLineMonths' as const, monthsByCategory: { deep: 10, relative: 8 } };

async function aidOffice() {
  const o = await office();
  // The 低保 line of the issue's example: ¥940 a month in the office's region.
  await o.t.call('policy.add', { key: 'lowIncomeLine', regionCode: '110105', effectiveFrom: '2021-01-01', value: 94_000 });
  return o;
}

const pay = (programId: string, fileId: string | null, amountFen: number, more: Record<string, unknown> = {}) => ({
  programId,
  fileId,
  amountFen,
  method: 'cash' as const,
  ...more,
});

describe('aid programs', () => {
  it('refuses a standard that does not fit the type, and names what is wrong', async () => {
    const { t } = await aidOffice();
    expect(
      await t.fail('aid.saveProgram', {
        type: 'living',
        name: '生活救助',
        year: 2026,
        fundSource: 'union',
        budgetFen: null,
        standard: { kind: 'fixed', amountFen: 50_000 },
      }),
    ).toMatchObject({
      code: 'AID_PROGRAM_INVALID',
      params: { problem: 'standardKind', expected: 'lowLineMonths' },
    });
    expect(
      await t.fail('aid.saveProgram', {
        type: 'education',
        name: '金秋助学',
        year: 2026,
        fundSource: 'union',
        budgetFen: null,
        standard: { kind: 'perStudent', byStage: {} },
      }),
    ).toMatchObject({
      code: 'AID_PROGRAM_INVALID',
      params: { problem: 'noStage' },
    });
    // A clerk cannot set up a program at all.
    expect(
      await t.fail(
        'aid.saveProgram',
        {
          type: 'festival',
          name: '送温暖',
          year: 2026,
          fundSource: 'union',
          budgetFen: null,
          standard: { kind: 'fixed', amountFen: 50_000 },
        },
        'clerk',
      ),
    ).toMatchObject({ code: 'FORBIDDEN' });

    const program = await saveProgram(t, 'festival', { kind: 'fixed', amountFen: 50_000, byCategory: {} }, { budgetFen: 1_000_000 });
    expect(program).toMatchObject({ status: 'open', createdBy: '管理员', usage: { payments: 0, committedFen: 0 } });
    const { fileId } = insertFile(t);
    await t.call('aid.createPayment', pay(program.id, fileId, 50_000), 'clerk');
    expect((await t.call('aid.program', { id: program.id })).usage).toMatchObject({
      payments: 1,
      pendingFen: 50_000,
      committedFen: 50_000,
    });
    expect(await t.fail('aid.saveProgram', { ...program, year: 2027 })).toMatchObject({ params: { problem: 'typeOrYearWithPayments' } });
    await t.call('aid.setProgramStatus', { id: program.id, status: 'closed' }, 'reviewer');
    expect(await t.fail('aid.createPayment', pay(program.id, fileId, 1_000), 'clerk')).toMatchObject({ code: 'AID_PROGRAM_CLOSED' });
    expect((await t.call('aid.programs', { includeClosed: false })).programs).toEqual([]);
  });
});

describe('aid suggestions and payments', () => {
  it('生活救助: deep, 10 × the ¥940 line, ¥3,000 already paid → at most ¥6,400', async () => {
    const { t } = await aidOffice();
    const program = await saveProgram(t, 'living', LIVING);
    const { fileId } = insertFile(t, { category: 'deep' });
    await t.call('aid.createPayment', pay(program.id, fileId, 300_000, { adjustReason: '上半年先发一部分' }), 'clerk');
    const suggestion = await t.call('aid.suggest', { programId: program.id, fileId }, 'clerk');
    expect(suggestion).toMatchObject({
      eligible: true,
      basis: { rule: 'lowLineMonths', category: 'deep', lowLineFen: 94_000, months: 10, amountFen: 940_000 },
      lines: [{ cap: 'standard', limitFen: 940_000, usedFen: 300_000, leftFen: 640_000 }],
      maxFen: 640_000,
      suggestedFen: 640_000,
      accountMasked: '**** 3445',
    });
    expect(await t.fail('aid.createPayment', pay(program.id, fileId, 640_001), 'clerk')).toMatchObject({
      code: 'AID_OVER_CAP',
      params: { maxFen: 640_000 },
    });
    // Lower than suggested needs a reason; the amount is checked again in the transaction, never taken from the screen.
    expect(await t.fail('aid.createPayment', pay(program.id, fileId, 600_000), 'clerk')).toMatchObject({
      code: 'INVALID_INPUT',
      issues: [{ path: ['adjustReason'] }],
    });
    const paid = await t.call('aid.createPayment', pay(program.id, fileId, 640_000, { method: 'bank' }), 'clerk');
    expect(paid).toMatchObject({
      status: 'pending',
      amountFen: 640_000,
      recipientName: '测试户主',
      accountMasked: '**** 3445',
      enteredBy: 'clerk-user',
    });
    expect(paid.recipientIdMasked).toMatch(/^110105\*{8}\d{3}[\dX]$/);
    expect(await t.call('aid.suggest', { programId: program.id, fileId }, 'clerk')).toMatchObject({
      eligible: false,
      reason: 'capReached',
      maxFen: 0,
    });
  });

  it('a file not 在档 cannot be paid, 复核 can; a file without an account cannot be paid by bank', async () => {
    const { t } = await aidOffice();
    const program = await saveProgram(t, 'living', LIVING);
    const notice = insertFile(t, { status: 'notice' });
    const review = insertFile(t, { status: 'annualReview', category: 'relative', bankAccount: null });
    expect(await t.call('aid.suggest', { programId: program.id, fileId: notice.fileId }, 'clerk')).toMatchObject({
      eligible: false,
      reason: 'fileNotActive',
    });
    expect(await t.fail('aid.createPayment', pay(program.id, notice.fileId, 1_000), 'clerk')).toMatchObject({
      code: 'AID_NOT_ELIGIBLE',
      params: { reason: 'fileNotActive' },
    });
    expect(await t.call('aid.suggest', { programId: program.id, fileId: review.fileId }, 'clerk')).toMatchObject({
      eligible: true,
      maxFen: 752_000,
    });
    expect(await t.fail('aid.createPayment', pay(program.id, review.fileId, 752_000, { method: 'bank' }), 'clerk')).toMatchObject({
      code: 'AID_NO_BANK_ACCOUNT',
    });
    // A yearly cap of the type (policy) holds the standard down, and says so.
    await setPolicy(t, 'aidYearCapLiving', 500_000);
    expect(await t.call('aid.suggest', { programId: program.id, fileId: review.fileId }, 'clerk')).toMatchObject({
      maxFen: 500_000,
      limitedBy: 'typeYear',
    });
  });

  it('医疗: a share of the self-paid part, capped by the category', async () => {
    const { t } = await aidOffice();
    const program = await saveProgram(t, 'medical', { kind: 'billShare', byCategory: { relative: { percent: 80, capFen: 1_600_000 } } });
    const { fileId } = insertFile(t, { category: 'relative' });
    const small = await t.call('aid.suggest', { programId: program.id, fileId, baseFen: 1_234_567 }, 'clerk');
    expect(small).toMatchObject({ basis: { shareFen: 987_653, amountFen: 987_653 }, maxFen: 987_653 });
    const large = await t.call('aid.suggest', { programId: program.id, fileId, baseFen: 3_000_000 }, 'clerk');
    expect(large).toMatchObject({ basis: { shareFen: 2_400_000, capFen: 1_600_000, amountFen: 1_600_000 }, maxFen: 1_600_000 });
    expect(await t.call('aid.suggest', { programId: program.id, fileId }, 'clerk')).toMatchObject({ eligible: false, reason: 'noBase' });
    const deep = insertFile(t, { category: 'deep' });
    expect(await t.call('aid.suggest', { programId: program.id, fileId: deep.fileId, baseFen: 100 }, 'clerk')).toMatchObject({
      reason: 'categoryNotCovered',
    });
  });

  it('助学: per student of the parent file, each on their own', async () => {
    const { t } = await aidOffice();
    const program = await saveProgram(t, 'education', { kind: 'perStudent', byStage: { college: 500_000, senior: 300_000 } });
    const { fileId, studentIds } = insertFile(t, {
      students: [
        { name: '大学生', schoolStage: 'college' },
        { name: '高中生', schoolStage: 'senior' },
        { name: '幼儿', schoolStage: null },
      ],
    });
    const [college, senior, toddler] = studentIds as [string, string, string];
    expect(await t.call('aid.suggest', { programId: program.id, fileId, studentId: toddler }, 'clerk')).toMatchObject({
      reason: 'notAStudent',
    });
    expect(await t.call('aid.suggest', { programId: program.id, fileId, studentId: null }, 'clerk')).toMatchObject({
      reason: 'notAStudent',
    });
    const first = await t.call('aid.createPayment', pay(program.id, fileId, 500_000, { studentId: college }), 'clerk');
    expect(first).toMatchObject({ studentName: '大学生', schoolStage: 'college', recipientName: '测试户主' });
    expect(await t.call('aid.suggest', { programId: program.id, fileId, studentId: college }, 'clerk')).toMatchObject({
      reason: 'capReached',
    });
    expect(await t.call('aid.suggest', { programId: program.id, fileId, studentId: senior }, 'clerk')).toMatchObject({
      eligible: true,
      maxFen: 300_000,
    });
  });

  it('临时救助 suggests what is left for the typed ID number this year, and flags a name other than the earlier one', async () => {
    const { t } = await aidOffice();
    const program = await saveProgram(t, 'emergency', { kind: 'emergency', capFen: 50_000 });
    const idNumber = nextIdNumber();
    const suggest = (recipient: { name: string; idNumber: string } | null) =>
      t.call('aid.suggest', { programId: program.id, fileId: null, recipient }, 'clerk');
    expect(await suggest({ name: '临时工', idNumber })).toMatchObject({
      maxFen: 50_000,
      countedIdNumber: true,
      nameMismatch: false,
    });
    await t.call(
      'aid.createPayment',
      pay(program.id, null, 30_000, { emergency: { name: '临时工', idNumber }, adjustReason: '先发' }),
      'clerk',
    );

    // The same ID number (typed with a lower-case x or spaces it would be the same): ¥300 of ¥500 already received.
    const again = await suggest({ name: '临时工', idNumber: ` ${idNumber} ` });
    expect(again).toMatchObject({ eligible: true, maxFen: 20_000, suggestedFen: 20_000, countedIdNumber: true, nameMismatch: false });
    expect(again.lines.find((l) => l.cap === 'standard')).toMatchObject({ usedFen: 30_000, leftFen: 20_000 });
    // Not yet a valid ID number (still being typed, or a wrong check digit): nothing is counted and the screen knows it.
    const typo = idNumber.slice(0, 17) + (idNumber[17] === '1' ? '2' : '1');
    expect(await suggest({ name: '临时工', idNumber: typo })).toMatchObject({
      maxFen: 50_000,
      countedIdNumber: false,
      nameMismatch: false,
    });
    expect(await suggest(null)).toMatchObject({ maxFen: 50_000, countedIdNumber: false });

    // Another name for the same ID number: flagged, not refused (names change; the clerk has the card in hand).
    const other = await suggest({ name: '王某某', idNumber });
    expect(other).toMatchObject({ eligible: true, maxFen: 20_000, nameMismatch: true });
    // Spaces and the form of a middle dot are not a different name.
    expect(await suggest({ name: '临 时工', idNumber })).toMatchObject({ nameMismatch: false });
    const paid = await t.call('aid.createPayment', pay(program.id, null, 20_000, { emergency: { name: '王某某', idNumber } }), 'clerk');
    // The payment keeps the flag for the reviewer, and the log says so without the names.
    expect(await t.call('aid.payment', { id: paid.id }, 'reviewer')).toMatchObject({ nameMismatch: true, amountFen: 20_000 });
    const audit = sqliteOf(t).prepare('SELECT summary FROM audit_log WHERE record_id = ? ORDER BY seq').pluck().all(paid.id) as string[];
    expect(audit.map((s) => (JSON.parse(s) as { event: string }).event)).toContain('aid.nameMismatch');
    expect(audit.join()).not.toContain('王某某');
    expect(audit.join()).not.toContain(idNumber);
    const firstPayment = (await t.call('aid.payments', { programId: program.id }, 'clerk')).rows.find((p) => p.recipientName === '临时工')!;
    expect(await t.call('aid.payment', { id: firstPayment.id }, 'clerk')).toMatchObject({ nameMismatch: false });

    // A member of the roster is an earlier registration of the ID number too.
    const member = nextIdNumber();
    await t.call('roster.create', { name: '登记人', idNumber: member, unitName: '某厂' });
    expect(await suggest({ name: '别人', idNumber: member })).toMatchObject({ nameMismatch: true, maxFen: 50_000 });
    expect(await suggest({ name: '登记人', idNumber: member })).toMatchObject({ nameMismatch: false });
  });

  it('临时救助 pays a worker without a file; 就业帮扶 records a service of ¥0', async () => {
    const { t } = await aidOffice();
    const program = await saveProgram(t, 'emergency', { kind: 'emergency', capFen: 200_000 });
    const emergency = { name: '临时工', idNumber: nextIdNumber(), unit: '某建筑工地' };
    expect(
      await t.fail(
        'aid.createPayment',
        pay(program.id, null, 100_000, { emergency: { ...emergency, idNumber: '110105197001011234' } }),
        'clerk',
      ),
    ).toMatchObject({
      code: 'INVALID_ID_NUMBER',
    });
    // 临时救助's sum is a most per case, not a standard: less than it needs no reason (every other standard does).
    const paid = await t.call('aid.createPayment', pay(program.id, null, 150_000, { emergency }), 'clerk');
    expect(paid).toMatchObject({
      fileId: null,
      recipientName: '临时工',
      recipientUnit: '某建筑工地',
      amountFen: 150_000,
      adjustReason: null,
    });
    // The same worker again: what was paid counts against the cap (by ID number, since there is no file).
    expect(await t.fail('aid.createPayment', pay(program.id, null, 100_000, { emergency }), 'clerk')).toMatchObject({
      code: 'AID_OVER_CAP',
      params: { maxFen: 50_000 },
    });
    // A worker whose household is on file (head or member, 在档 or 复核) is paid through the file, not this route.
    // The refusal names the file (its id and file number, not personal data) so the dialog can link to it.
    const head = nextIdNumber();
    const household = insertFile(t, { headIdNumber: head });
    sqliteOf(t).prepare("UPDATE hardship_files SET file_no = 'KN-2026-0042' WHERE id = ?").run(household.fileId);
    const onFile = { name: '户主', idNumber: head, unit: null };
    expect(await t.call('aid.suggest', { programId: program.id, fileId: null, recipient: onFile }, 'clerk')).toMatchObject({
      eligible: false,
      reason: 'hasActiveFile',
      activeFile: { id: household.fileId, fileNo: 'KN-2026-0042' },
    });
    expect(await t.fail('aid.createPayment', pay(program.id, null, 100, { emergency: onFile }), 'clerk')).toMatchObject({
      code: 'AID_NOT_ELIGIBLE',
    });
    // A file in any status may be paid on the emergency route.
    const ended = insertFile(t, { status: 'exited' });
    expect(await t.call('aid.suggest', { programId: program.id, fileId: ended.fileId }, 'clerk')).toMatchObject({
      eligible: true,
      maxFen: 200_000,
    });
    const living = await saveProgram(t, 'living', LIVING);
    expect(await t.fail('aid.createPayment', pay(living.id, null, 100, { emergency }), 'clerk')).toMatchObject({
      code: 'AID_NOT_ELIGIBLE',
    });

    const service = await saveProgram(t, 'employment', { kind: 'service' });
    const { fileId } = insertFile(t);
    expect(await t.call('aid.suggest', { programId: service.id, fileId }, 'clerk')).toMatchObject({
      eligible: true,
      maxFen: 0,
      basis: { rule: 'service' },
      lines: [],
    });
    expect(await t.fail('aid.createPayment', pay(service.id, fileId, 0), 'clerk')).toMatchObject({
      code: 'INVALID_INPUT',
      issues: [{ path: ['method'] }],
    });
    expect(
      await t.call('aid.createPayment', pay(service.id, fileId, 0, { method: 'service', note: '推荐参加技能培训' }), 'clerk'),
    ).toMatchObject({ amountFen: 0, method: 'service' });
  });

  it('over budget: refused for a clerk, allowed to an administrator with a reason (logged)', async () => {
    const { t } = await aidOffice();
    const program = await saveProgram(t, 'festival', { kind: 'fixed', amountFen: 50_000, byCategory: {} }, { budgetFen: 80_000 });
    const a = insertFile(t);
    const b = insertFile(t);
    await t.call('aid.createPayment', pay(program.id, a.fileId, 50_000), 'clerk');
    expect(await t.call('aid.suggest', { programId: program.id, fileId: b.fileId }, 'clerk')).toMatchObject({
      maxFen: 50_000,
      suggestedFen: 30_000,
      overBudget: true,
    });
    expect(await t.fail('aid.createPayment', pay(program.id, b.fileId, 50_000), 'clerk')).toMatchObject({
      code: 'AID_OVER_BUDGET',
      params: { leftFen: 30_000 },
    });
    expect(await t.fail('aid.createPayment', pay(program.id, b.fileId, 50_000))).toMatchObject({ code: 'AID_OVER_BUDGET' });
    const over = await t.call('aid.createPayment', pay(program.id, b.fileId, 50_000, { overBudgetReason: '春节前追加，预算随后调整' }));
    expect(over.overBudgetReason).toBe('春节前追加，预算随后调整');
    const events = sqliteOf(t).prepare("SELECT summary FROM audit_log WHERE action = 'aid.createPayment'").pluck().all() as string[];
    expect(events.map((s) => (JSON.parse(s) as { event: string }).event).sort()).toEqual([
      'aid.overBudget',
      'aid.paymentCreated',
      'aid.paymentCreated',
    ]);
    // No names, ID numbers or amounts in the audit log.
    expect(events.join()).not.toMatch(/测试户主|50000|110105/);
  });
});

describe('approval, paying, voiding and the list', () => {
  it('four eyes: a clerk cannot approve, nor a reviewer their own entry; serials in entry order; void keeps the serial; one reissue', async () => {
    const { t } = await aidOffice();
    const program = await saveProgram(t, 'festival', { kind: 'fixed', amountFen: 50_000, byCategory: { deep: 80_000 } });
    const files = [insertFile(t, { category: 'deep' }), insertFile(t, { category: 'relative' }), insertFile(t, { category: 'relative' })];
    const byClerk = [];
    for (const f of files.slice(0, 2))
      byClerk.push(await t.call('aid.createPayment', pay(program.id, f.fileId, f === files[0] ? 80_000 : 50_000), 'clerk'));
    const byReviewer = await t.call('aid.createPayment', pay(program.id, files[2]!.fileId, 50_000), 'reviewer');
    const all = [...byClerk.map((p) => p.id), byReviewer.id];

    expect(await t.fail('aid.approve', { ids: all }, 'clerk')).toMatchObject({ code: 'FORBIDDEN' });
    expect(await t.fail('aid.approve', { ids: all }, 'reviewer')).toMatchObject({ code: 'AID_OWN_ENTRY', params: { count: 1 } });
    // All or nothing: nothing was approved by the refused call.
    expect((await t.call('aid.payments', { programId: program.id })).totals.byStatus).toEqual({ pending: 3 });
    expect(await t.call('aid.approve', { ids: all }, 'reviewer2')).toEqual({
      approved: 3,
      serials: { first: '2026-000001', last: '2026-000003' },
    });
    const approved = await t.call('aid.payment', { id: byClerk[0]!.id });
    expect(approved).toMatchObject({ status: 'approved', voucherSerial: '2026-000001', approvedBy: 'reviewer-user' });
    expect(await t.fail('aid.approve', { ids: [byClerk[0]!.id] }, 'reviewer')).toMatchObject({ code: 'AID_WRONG_STATE' });

    expect(await t.fail('aid.markPaid', { ids: all, paidOn: '2099-01-01' }, 'clerk')).toMatchObject({
      code: 'INVALID_INPUT',
      issues: [{ path: ['paidOn'], message: 'FUTURE' }],
    });
    expect(await t.call('aid.markPaid', { ids: all.slice(0, 2), paidOn: '2026-03-09' }, 'clerk')).toEqual({ paid: 2 });
    expect(await t.fail('aid.markPaid', { ids: all.slice(0, 1), paidOn: '2026-03-09' }, 'clerk')).toMatchObject({
      code: 'AID_WRONG_STATE',
    });

    expect(await t.fail('aid.void', { id: all[0]!, reason: '金额错误' }, 'clerk')).toMatchObject({ code: 'FORBIDDEN' });
    expect(await t.fail('aid.reissue', { voidedId: all[0]!, amountFen: 80_000, method: 'cash' }, 'clerk')).toMatchObject({
      code: 'AID_WRONG_STATE',
    });
    await t.call('aid.void', { id: all[0]!, reason: '领款人签名有误' }, 'reviewer');
    const voided = await t.call('aid.payment', { id: all[0]! });
    expect(voided).toMatchObject({
      status: 'voided',
      voucherSerial: '2026-000001',
      voidReason: '领款人签名有误',
      voidedBy: 'reviewer-user',
    });
    // The voided payment no longer counts: the household may be paid again, once.
    const again = await t.call('aid.reissue', { voidedId: all[0]!, amountFen: 80_000, method: 'cash' }, 'clerk');
    expect(again).toMatchObject({ status: 'pending', reissueOf: all[0], amountFen: 80_000, voucherSerial: null });
    expect((await t.call('aid.payment', { id: all[0]! })).reissuedBy).toBe(again.id);
    expect(await t.fail('aid.reissue', { voidedId: all[0]!, amountFen: 80_000, method: 'cash' }, 'clerk')).toMatchObject({
      code: 'AID_WRONG_STATE',
    });
    // Over the standard: the reissue is checked like any payment.
    await t.call('aid.void', { id: again.id, reason: '重复录入' }, 'reviewer');
    expect(await t.fail('aid.reissue', { voidedId: again.id, amountFen: 80_001, method: 'cash' }, 'clerk')).toMatchObject({
      code: 'AID_OVER_CAP',
    });

    // Nothing deleted: every payment is still there, and the table refuses a delete.
    const list = await t.call('aid.payments', { programId: program.id });
    expect(list.total).toBe(4);
    // The voided ones are counted apart, with what they came to (¥800 and its voided reissue of ¥800).
    expect(list.totals).toEqual({ count: 2, amountFen: 100_000, byStatus: { voided: 2, paid: 1, approved: 1 }, voidedFen: 160_000 });
    // The kept totals (aid_payment_totals, by triggers) agree with a count of the rows themselves (a date filter).
    expect((await t.call('aid.payments', { programId: program.id, from: '2026-01-01' })).totals).toEqual(list.totals);
    expect((await t.call('aid.payments', { status: 'voided' })).totals).toEqual({
      count: 0,
      amountFen: 0,
      byStatus: { voided: 2 },
      voidedFen: 160_000,
    });
    expect(() => sqliteOf(t).prepare('DELETE FROM aid_payments').run()).toThrow(/hard delete refused/);
  });

  it('the list pages in SQL with filters and totals; a file page sums its aid and its caps', async () => {
    const { t } = await aidOffice();
    await setPolicy(t, 'aidYearCapTotal', 1_000_000);
    const festival = await saveProgram(t, 'festival', { kind: 'fixed', amountFen: 50_000, byCategory: {} });
    const living = await saveProgram(t, 'living', LIVING);
    const files = Array.from({ length: 5 }, () => insertFile(t));
    for (const f of files) await t.call('aid.createPayment', pay(festival.id, f.fileId, 50_000), 'clerk');
    await t.call('aid.createPayment', pay(living.id, files[0]!.fileId, 400_000, { adjustReason: '分两次发放' }), 'clerk');

    const page1 = await t.call('aid.payments', { pageSize: 4 });
    expect(page1.rows).toHaveLength(4);
    expect(page1.total).toBe(6);
    expect(page1.rows[0]).toMatchObject({ type: 'living', programName: '测试living项目' });
    const page2 = await t.call('aid.payments', { pageSize: 4, page: 2 });
    expect(page2.rows.map((r) => r.id)).not.toContain(page1.rows[0]!.id);
    expect(page2.rows).toHaveLength(2);
    expect((await t.call('aid.payments', { type: 'festival' })).totals).toEqual({
      count: 5,
      amountFen: 250_000,
      byStatus: { pending: 5 },
      voidedFen: 0,
    });
    expect((await t.call('aid.payments', { fileId: files[0]!.fileId })).total).toBe(2);
    expect((await t.call('aid.payments', { from: '2026-03-10', to: '2026-03-10' })).total).toBe(6);
    expect((await t.call('aid.payments', { from: '2026-03-11' })).total).toBe(0);
    // A unit's payments: those of its members' files (the head's unit in the roster today).
    const member = await fileForMember(t);
    sqliteOf(t).prepare("UPDATE hardship_files SET status = 'active', category = 'deep' WHERE id = ?").run(member.id);
    const ofUnit = await t.call('aid.createPayment', pay(festival.id, member.id, 50_000), 'clerk');
    expect(ofUnit.recipientUnit).toBe('甲机械厂');
    const unitId = sqliteOf(t).prepare("SELECT id FROM units WHERE name = '甲机械厂'").pluck().get() as string;
    const byUnit = await t.call('aid.payments', { unitId });
    expect(byUnit.rows.map((r) => r.id)).toEqual([ofUnit.id]);
    expect(byUnit.totals).toEqual({ count: 1, amountFen: 50_000, byStatus: { pending: 1 }, voidedFen: 0 });

    const summary = await t.call('aid.fileSummary', { fileId: files[0]!.fileId });
    expect(summary).toMatchObject({
      year: 2026,
      byYear: [
        {
          year: 2026,
          totalFen: 450_000,
          byType: [
            { type: 'living', count: 1, amountFen: 400_000 },
            { type: 'festival', count: 1, amountFen: 50_000 },
          ],
        },
      ],
      // Entered, not paid out yet: not income for the annual review.
      last12MonthsFen: 0,
    });
    expect(summary.caps[0]).toEqual({ key: 'aidYearCapTotal', type: null, limitFen: 1_000_000, usedFen: 450_000, leftFen: 550_000 });
    expect(summary.caps.find((c) => c.type === 'living')).toMatchObject({ limitFen: null, usedFen: 400_000, leftFen: null });
    // The total cap of the year now holds the living aid down: ¥5,500 left of ¥10,000.
    expect(await t.call('aid.suggest', { programId: living.id, fileId: files[0]!.fileId }, 'clerk')).toMatchObject({
      maxFen: 540_000,
      limitedBy: null,
    });
  });
});

describe('aid at the annual review', () => {
  it('counts the aid paid out in the last 12 months (not pending, not voided) as income in the means test of a file in 复核', async () => {
    const { t, advanceDays } = await aidOffice();
    const program = await saveProgram(t, 'living', LIVING);
    const review = insertFile(t, { status: 'annualReview', category: 'relative' });
    const active = insertFile(t, { status: 'active', category: 'relative' });
    const kept = await t.call('aid.createPayment', pay(program.id, review.fileId, 300_000, { adjustReason: '分期发放' }), 'clerk');
    const voided = await t.call('aid.createPayment', pay(program.id, review.fileId, 100_000, { adjustReason: '分期发放' }), 'clerk');
    await t.call('aid.void', { id: voided.id, reason: '录入错误' }, 'reviewer');
    // Entered and approved, not yet paid out: not income.
    const approved = await t.call('aid.createPayment', pay(program.id, review.fileId, 50_000, { adjustReason: '分期发放' }), 'clerk');
    await t.call('aid.approve', { ids: [approved.id] }, 'reviewer');
    await t.call('aid.createPayment', pay(program.id, active.fileId, 300_000, { adjustReason: '分期发放' }), 'clerk');
    await t.call('aid.approve', { ids: [kept.id] }, 'reviewer');
    await t.call('aid.markPaid', { ids: [kept.id], paidOn: '2026-03-10' }, 'clerk');

    const inReview = await t.call('files.get', { id: review.fileId }, 'clerk');
    expect(inReview.meansTest).toMatchObject({ aidReceivedFen: 300_000, result: { netAnnualIncomeFen: 300_000 } });
    const notInReview = await t.call('files.get', { id: active.fileId }, 'clerk');
    expect(notInReview.meansTest).toMatchObject({ aidReceivedFen: null, result: { netAnnualIncomeFen: 0 } });
    expect((await t.call('aid.fileSummary', { fileId: review.fileId })).last12MonthsFen).toBe(300_000);

    // Paid a year and a day ago: no longer in the last 12 months.
    await advanceDays(366);
    expect((await t.call('files.get', { id: review.fileId }, 'clerk')).meansTest).toMatchObject({ aidReceivedFen: 0 });
  });
});
