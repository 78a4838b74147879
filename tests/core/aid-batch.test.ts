import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { addUser, inboxUpload, outboxCopy, type TestCore } from './support/core';
import { office } from './support/hardship';
import { insertFiles, insertProgram, syntheticId } from './support/aid-batch';

/**
 * 批量发放 (issue 11, "A batch"): preview with filters, exclusions and adjustments with reasons, one payment per
 * household per batch, all or nothing, and the bank's transfer list. Programs and files are written straight into
 * the tables (support/aid-batch.ts); everything else goes through the channels.
 */

const sqliteOf = (t: TestCore) => t.core.state.conn!.sqlite;
const count = (t: TestCore, sql: string, ...params: unknown[]) =>
  sqliteOf(t)
    .prepare(sql)
    .pluck()
    .get(...params) as number;

/** Two units with files in every state a batch must tell apart. */
async function batchOffice() {
  const o = await office();
  const { t } = o;
  const jia = await t.call('roster.create', { name: '甲户主', idNumber: syntheticId(9001), unitName: '甲机械厂' });
  const yi = await t.call('roster.create', { name: '乙户主', idNumber: syntheticId(9002), unitName: '乙纺织厂' });
  const jia2 = await t.call('roster.create', { name: '甲户主二', idNumber: syntheticId(9003), unitName: '甲机械厂' });
  const [deepJia, relativeYi, reviewJia, notice, exited, noCategory] = insertFiles(sqliteOf(t), [
    { n: 1, category: 'deep', memberId: jia.id },
    { n: 2, category: 'relative', memberId: yi.id },
    { n: 3, category: 'deep', status: 'annualReview', memberId: jia2.id },
    { n: 4, status: 'notice' },
    { n: 5, status: 'exited' },
    { n: 6, category: null, bankAccount: null },
  ]);
  const files = {
    deepJia: deepJia!,
    relativeYi: relativeYi!,
    reviewJia: reviewJia!,
    notice: notice!,
    exited: exited!,
    noCategory: noCategory!,
  };
  // 送温暖: ¥500 a household, ¥600 for deep hardship.
  const programId = insertProgram(sqliteOf(t), { standard: { kind: 'fixed', amountFen: 50_000, byCategory: { deep: 60_000 } } });
  return { ...o, files, programId, units: { jia: jia.unitId!, yi: yi.unitId! } };
}

const noFilters = { categories: [], unitIds: [], statuses: [] };
/** Each test sets up an office (users signed in with scrypt): slow on a loaded machine, not the batches. */
const SLOW = { timeout: 90_000 };

describe('batch preview', SLOW, () => {
  it('lists every 在档 and 复核 file of the filters with its suggestion, masked, and the total', async () => {
    const { t, files, programId, units } = await batchOffice();
    const preview = (filters: object) => t.call('aid.batchPreview', { programId, filters: { ...noFilters, ...filters } }, 'clerk');

    const all = await preview({});
    expect(all.rows.map((r) => r.fileId).sort()).toEqual([files.deepJia, files.relativeYi, files.reviewJia, files.noCategory].sort());
    expect(all.totalFen).toBe(60_000 + 50_000 + 60_000 + 50_000);
    expect(all).toMatchObject({ budgetLeftFen: null, overBudgetRows: 0 });
    const row = all.rows.find((r) => r.fileId === files.deepJia)!;
    expect(row).toMatchObject({ headName: '户主1', unit: '甲机械厂', category: 'deep', studentId: null });
    expect(row.suggestion).toMatchObject({ eligible: true, suggestedFen: 60_000, maxFen: 60_000, basis: { rule: 'fixed' } });
    // Masked: the whole ID number and the whole account never reach the preview.
    expect(row.headIdMasked).not.toBe(syntheticId(1));
    expect(row.headIdMasked.slice(-4)).toBe(syntheticId(1).slice(-4));
    expect(row.accountMasked).toBe(`**** ${'62220200' + String(1).padStart(11, '0')}`.replace(/\d+$/, (d) => d.slice(-4)));
    expect(JSON.stringify(all)).not.toContain(syntheticId(1));
    expect(all.rows.find((r) => r.fileId === files.noCategory)!.accountMasked).toBeNull();

    const ids = async (filters: object) => (await preview(filters)).rows.map((r) => r.fileId).sort();
    expect(await ids({ statuses: ['active'] })).toEqual([files.deepJia, files.relativeYi, files.noCategory].sort());
    expect(await ids({ statuses: ['review'] })).toEqual([files.reviewJia]);
    expect(await ids({ categories: ['deep'] })).toEqual([files.deepJia, files.reviewJia].sort());
    expect(await ids({ unitIds: [units.jia] })).toEqual([files.deepJia, files.reviewJia].sort());
    expect(await ids({ unitIds: [units.yi], categories: ['deep'] })).toEqual([]);
  });

  it('gives 助学 one row per student, and holds a household’s students together to the yearly cap', async () => {
    const { t } = await batchOffice();
    await t.call('policy.add', { key: 'aidYearCapEducation', effectiveFrom: '2020-01-01', value: 300_000 });
    const [twoKids, noKids] = insertFiles(sqliteOf(t), [
      {
        n: 20,
        students: [
          { name: '学生甲', schoolStage: 'college' },
          { name: '学生乙', schoolStage: 'senior' },
        ],
      },
      { n: 21 },
    ]);
    const programId = insertProgram(sqliteOf(t), {
      type: 'education',
      name: '2026年金秋助学',
      standard: { kind: 'perStudent', byStage: { college: 200_000, senior: 150_000 } },
    });
    const { rows, totalFen } = await t.call('aid.batchPreview', { programId, filters: noFilters }, 'clerk');
    expect(rows.map((r) => [r.fileId, r.studentName, r.schoolStage])).toEqual([
      [twoKids, '学生甲', 'college'],
      [twoKids, '学生乙', 'senior'],
    ]);
    expect(rows.some((r) => r.fileId === noKids)).toBe(false);
    // ¥3,000 a year for the household: the first student takes ¥2,000, the second only the ¥1,000 left.
    expect(rows.map((r) => [r.suggestion.suggestedFen, r.suggestion.limitedBy])).toEqual([
      [200_000, null],
      [100_000, 'typeYear'],
    ]);
    expect(totalFen).toBe(300_000);
    const created = await t.call('aid.createBatch', { programId, name: '金秋助学第一批', method: 'cash', filters: noFilters }, 'clerk');
    expect(created).toMatchObject({ count: 2, totalFen: 300_000 });
    expect(sqliteOf(t).prepare('SELECT school_stage AS stage, amount_fen AS fen FROM aid_payments ORDER BY amount_fen DESC').all()).toEqual(
      [
        { stage: 'college', fen: 200_000 },
        { stage: 'senior', fen: 100_000 },
      ],
    );
  });
});

describe('creating a batch', SLOW, () => {
  it('creates every payment pending, leaves out the excluded with their reason and pays the lowered amount with its reason', async () => {
    const { t, files, programId } = await batchOffice();
    const created = await t.call(
      'aid.createBatch',
      {
        programId,
        name: '春节送温暖第一批',
        method: 'cash',
        filters: noFilters,
        excluded: [{ fileId: files.relativeYi, reason: '本人已调离本市' }],
        adjusted: [{ fileId: files.deepJia, amountFen: 40_000, reason: '已另行发放实物' }],
      },
      'clerk',
    );
    expect(created).toMatchObject({ count: 3, totalFen: 40_000 + 60_000 + 50_000 });
    const payments = sqliteOf(t)
      .prepare(
        `SELECT file_id AS fileId, amount_fen AS amountFen, suggested_fen AS suggestedFen, adjust_reason AS adjustReason, status, method,
                batch_id AS batchId, type, year FROM aid_payments ORDER BY file_id`,
      )
      .all();
    expect(payments).toEqual(
      [
        { fileId: files.deepJia, amountFen: 40_000, suggestedFen: 60_000, adjustReason: '已另行发放实物' },
        { fileId: files.reviewJia, amountFen: 60_000, suggestedFen: 60_000, adjustReason: null },
        { fileId: files.noCategory, amountFen: 50_000, suggestedFen: 50_000, adjustReason: null },
      ]
        .sort((a, b) => a.fileId.localeCompare(b.fileId))
        .map((p) => ({ ...p, status: 'pending', method: 'cash', batchId: created.batchId, type: 'festival', year: 2026 })),
    );
    const filters = JSON.parse(sqliteOf(t).prepare('SELECT filters FROM aid_batches').pluck().get() as string) as { excluded: unknown };
    expect(filters.excluded).toEqual([{ fileId: files.relativeYi, studentId: null, reason: '本人已调离本市' }]);

    const batch = await t.call('aid.batch', { id: created.batchId }, 'clerk');
    expect(batch).toMatchObject({
      name: '春节送温暖第一批',
      programName: '2026年两节送温暖',
      method: 'cash',
      counts: { pending: 3, approved: 0, paid: 0, voided: 0 },
      totalFen: 150_000,
      // What 整批审核's confirmation says it approves.
      pendingFen: 150_000,
    });
    expect((await t.call('aid.batches', { programId }, 'clerk')).batches.map((b) => b.id)).toEqual([created.batchId]);
    // The audit entry counts; it names nobody and no amount.
    const summary = sqliteOf(t).prepare("SELECT summary FROM audit_log WHERE action = 'aid.createBatch'").pluck().get() as string;
    expect(JSON.parse(summary)).toEqual({ event: 'aid.batchCreated', params: { type: 'festival', count: 3, excluded: 1, adjusted: 1 } });

    // 整批审核 approves what the reviewer confirmed or nothing: a count or total that no longer matches is refused.
    expect(await t.fail('aid.approve', { batchId: created.batchId, expected: { count: 3, amountFen: 149_999 } }, 'reviewer')).toMatchObject(
      { code: 'AID_BATCH_CHANGED', params: { count: 3 } },
    );
    expect(count(t, "SELECT count(*) FROM aid_payments WHERE status <> 'pending'")).toBe(0);
    const approved = await t.call('aid.approve', { batchId: created.batchId, expected: { count: 3, amountFen: 150_000 } }, 'reviewer');
    expect(approved.approved).toBe(3);
  });

  it('refuses an amount above the suggestion, and a reason is required to exclude or lower', async () => {
    const { t, files, programId } = await batchOffice();
    const base = { programId, name: '春节送温暖', method: 'cash' as const, filters: noFilters };
    expect(
      await t.fail('aid.createBatch', { ...base, adjusted: [{ fileId: files.deepJia, amountFen: 60_001, reason: '多发一分' }] }, 'clerk'),
    ).toMatchObject({ code: 'AID_OVER_CAP', params: { count: 1 } });
    expect((await t.fail('aid.createBatch', { ...base, excluded: [{ fileId: files.deepJia }] }, 'clerk')).code).toBe('INVALID_INPUT');
    expect(
      (await t.fail('aid.createBatch', { ...base, adjusted: [{ fileId: files.deepJia, amountFen: 100, reason: ' ' }] }, 'clerk')).code,
    ).toBe('INVALID_INPUT');
    // A file the batch cannot pay cannot be adjusted into it.
    expect(
      await t.fail('aid.createBatch', { ...base, adjusted: [{ fileId: files.notice, amountFen: 100, reason: '照顾' }] }, 'clerk'),
    ).toMatchObject({ code: 'AID_NOT_ELIGIBLE' });
    expect(count(t, 'SELECT count(*) FROM aid_payments') + count(t, 'SELECT count(*) FROM aid_batches')).toBe(0);
  });

  it('pays a household once per batch: a second batch of the program takes only those not yet paid', async () => {
    const { t, files, programId, units } = await batchOffice();
    const first = await t.call(
      'aid.createBatch',
      { programId, name: '甲机械厂', method: 'cash', filters: { ...noFilters, unitIds: [units.jia] } },
      'clerk',
    );
    expect(first.count).toBe(2);
    const preview = await t.call('aid.batchPreview', { programId, filters: noFilters }, 'clerk');
    const reasons = Object.fromEntries(preview.rows.map((r) => [r.fileId, r.suggestion.reason]));
    expect(reasons).toEqual({
      [files.deepJia]: 'capReached',
      [files.reviewJia]: 'capReached',
      [files.relativeYi]: null,
      [files.noCategory]: null,
    });
    const second = await t.call('aid.createBatch', { programId, name: '其余各户', method: 'cash', filters: noFilters }, 'clerk');
    expect(second).toMatchObject({ count: 2, totalFen: 100_000 });
    expect(await t.fail('aid.createBatch', { programId, name: '再来一批', method: 'cash', filters: noFilters }, 'clerk')).toMatchObject({
      code: 'AID_NOT_ELIGIBLE',
      params: { count: 0 },
    });
    // The database refuses a file twice in one batch, whatever a future code path tries.
    const sqlite = sqliteOf(t);
    expect(() =>
      sqlite
        .prepare(
          `INSERT INTO aid_payments (id, origin, updated_at, program_id, batch_id, file_id, year, type, recipient_name, recipient_id_number,
             amount_fen, suggested_fen, basis, method, status, entered_by, entered_at)
           SELECT '01900000-0000-7000-8000-000000000001', origin, updated_at, program_id, batch_id, file_id, year, type, recipient_name,
             recipient_id_number, amount_fen, suggested_fen, basis, method, 'pending', entered_by, entered_at
           FROM aid_payments WHERE batch_id = ? LIMIT 1`,
        )
        .run(second.batchId),
    ).toThrow(/UNIQUE/);
  });

  it('marks the rows a second batch of the program only tops up, and counts them', async () => {
    const { t, files, programId, units } = await batchOffice();
    // The first batch paid 甲机械厂's deep household less than its ¥600 (lowered with a reason), the other in full.
    await t.call(
      'aid.createBatch',
      {
        programId,
        name: '甲机械厂',
        method: 'cash',
        filters: { ...noFilters, unitIds: [units.jia] },
        adjusted: [{ fileId: files.deepJia, amountFen: 40_000, reason: '先发一部分' }],
      },
      'clerk',
    );
    const preview = await t.call('aid.batchPreview', { programId, filters: noFilters }, 'clerk');
    const row = (fileId: string) => preview.rows.find((r) => r.fileId === fileId)!;
    expect(row(files.deepJia)).toMatchObject({ paidInProgramFen: 40_000, suggestion: { eligible: true, maxFen: 20_000 } });
    expect(row(files.relativeYi)).toMatchObject({ paidInProgramFen: 0, suggestion: { maxFen: 50_000 } });
    // Paid in full: not payable, so not counted as topped up.
    expect(row(files.reviewJia)).toMatchObject({ paidInProgramFen: 60_000, suggestion: { eligible: false, reason: 'capReached' } });
    expect(preview).toMatchObject({ toppedUpRows: 1, totalFen: 20_000 + 50_000 + 50_000 });
    const first = await t.call('aid.batchPreview', { programId, filters: { ...noFilters, unitIds: [units.yi] } }, 'clerk');
    expect(first.toppedUpRows).toBe(0);
  });

  it('creates nothing at all when one payment fails to be written', async () => {
    const { t, files, programId } = await batchOffice();
    const auditBefore = count(t, 'SELECT count(*) FROM audit_log');
    // A failure half-way through the inserts (as a full disk would be): the last file of the batch is refused.
    sqliteOf(t).exec(
      `CREATE TEMP TRIGGER fail_one BEFORE INSERT ON aid_payments WHEN NEW.file_id = '${files.noCategory}'
       BEGIN SELECT RAISE(ABORT, 'disk full'); END`,
    );
    expect((await t.fail('aid.createBatch', { programId, name: '春节送温暖', method: 'cash', filters: noFilters }, 'clerk')).code).toBe(
      'INTERNAL',
    );
    expect(count(t, 'SELECT count(*) FROM aid_payments')).toBe(0);
    expect(count(t, 'SELECT count(*) FROM aid_batches')).toBe(0);
    expect(count(t, "SELECT count(*) FROM change_log WHERE table_name IN ('aid_payments', 'aid_batches')")).toBe(0);
    expect(count(t, 'SELECT count(*) FROM audit_log')).toBe(auditBefore);
    sqliteOf(t).exec('DROP TRIGGER temp.fail_one');
    expect((await t.call('aid.createBatch', { programId, name: '春节送温暖', method: 'cash', filters: noFilters }, 'clerk')).count).toBe(4);
  });

  it('refuses a bank batch with files that have no account, naming how many; excluded or in cash it goes', async () => {
    const { t, files, programId } = await batchOffice();
    const base = { programId, name: '春节送温暖', filters: noFilters };
    expect(await t.fail('aid.createBatch', { ...base, method: 'bank' }, 'clerk')).toMatchObject({
      code: 'AID_NO_BANK_ACCOUNT',
      params: { count: 1 },
    });
    const bank = await t.call(
      'aid.createBatch',
      { ...base, method: 'bank', excluded: [{ fileId: files.noCategory, reason: '无银行账号，另行现金发放' }] },
      'clerk',
    );
    expect(bank.count).toBe(3);
    const cash = await t.call('aid.createBatch', { ...base, name: '现金补发', method: 'cash' }, 'clerk');
    expect(cash.count).toBe(1);
  });

  it('goes past the program’s budget only for an administrator who gives a reason', async () => {
    const { t, programId: _, files } = await batchOffice();
    const programId = insertProgram(sqliteOf(t), { budgetFen: 150_000, standard: { kind: 'fixed', amountFen: 50_000, byCategory: {} } });
    const preview = await t.call('aid.batchPreview', { programId, filters: noFilters }, 'clerk');
    // The preview shows what the batch would pay, the budget apart: ¥2,000 against ¥1,500 left, one row past it.
    expect(preview).toMatchObject({ totalFen: 200_000, budgetLeftFen: 150_000, overBudgetRows: 1 });
    const input = { programId, name: '春节送温暖', method: 'cash' as const, filters: noFilters };
    expect(await t.fail('aid.createBatch', input, 'clerk')).toMatchObject({ code: 'AID_OVER_BUDGET', params: { count: 1 } });
    expect((await t.fail('aid.createBatch', { ...input, overBudgetReason: '追加预算已批' }, 'clerk')).code).toBe('AID_OVER_BUDGET');
    expect((await t.fail('aid.createBatch', input)).code).toBe('AID_OVER_BUDGET');
    const created = await t.call('aid.createBatch', { ...input, overBudgetReason: '追加预算已批，文件待下达' });
    expect(created).toMatchObject({ count: 4, totalFen: 200_000 });
    expect(count(t, 'SELECT count(*) FROM aid_payments WHERE over_budget_reason IS NOT NULL')).toBe(1);
    expect(count(t, `SELECT count(*) FROM audit_log WHERE json_extract(summary, '$.event') = 'aid.overBudget'`)).toBe(1);
    // Within the budget a clerk needs nothing more: one household fewer fits.
    const within = insertProgram(sqliteOf(t), {
      name: '另一项目',
      budgetFen: 150_000,
      standard: { kind: 'fixed', amountFen: 50_000, byCategory: {} },
    });
    expect(
      (
        await t.call(
          'aid.createBatch',
          { ...input, programId: within, excluded: [{ fileId: files.relativeYi, reason: '已另行慰问' }] },
          'clerk',
        )
      ).count,
    ).toBe(3);
  });

  it('refuses a closed program', async () => {
    const { t } = await batchOffice();
    const programId = insertProgram(sqliteOf(t), { status: 'closed' });
    expect((await t.fail('aid.createBatch', { programId, name: '春节送温暖', method: 'cash', filters: noFilters }, 'clerk')).code).toBe(
      'AID_PROGRAM_CLOSED',
    );
  });
});

describe('the bank transfer list', SLOW, () => {
  it('lists the approved bank payments with full accounts as text and yuan amounts; administrators only', async () => {
    const { t, files, programId } = await batchOffice();
    const { batchId } = await t.call(
      'aid.createBatch',
      {
        programId,
        name: '春节送温暖银行代发',
        method: 'bank',
        filters: noFilters,
        excluded: [{ fileId: files.noCategory, reason: '无银行账号' }],
        adjusted: [{ fileId: files.relativeYi, amountFen: 12_345, reason: '已领部分实物' }],
      },
      'clerk',
    );
    // Approval is the reviewers' (aid.approve); here two of the three are approved, one is still pending.
    sqliteOf(t)
      .prepare("UPDATE aid_payments SET status = 'approved' WHERE batch_id = ? AND file_id IN (?, ?)")
      .run(batchId, files.deepJia, files.relativeYi);

    expect(await t.fail('aid.exportBankList', { batchId }, 'clerk')).toMatchObject({ code: 'FORBIDDEN' });
    expect(await t.fail('aid.exportBankList', { batchId }, 'reviewer')).toMatchObject({ code: 'FORBIDDEN' });
    const { result } = await t.job('aid.exportBankList', { batchId });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await outboxCopy(t, result.data.fileId));
    const sheet = book.worksheets[0]!;
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const account = (n: number) => `62220200${String(n).padStart(11, '0')}`;
    expect(rows).toEqual(
      expect.arrayContaining([
        ['户名', '账号', '开户行', '金额', '用途'],
        ['户主1', account(1), '中国工商银行测试支行', 600, '2026年两节送温暖'],
        ['户主2', account(2), '中国工商银行测试支行', 123.45, '2026年两节送温暖'],
      ]),
    );
    expect(rows).toHaveLength(3);
    // Text, not a number: Excel keeps all 19 digits; amounts show two decimals.
    expect(sheet.getCell('B2').type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getCell('B2').numFmt).toBe('@');
    expect(sheet.getCell('D3').numFmt).toBe('0.00');
    const summary = sqliteOf(t).prepare("SELECT summary FROM audit_log WHERE action = 'aid.exportBankList'").pluck().get() as string;
    expect(JSON.parse(summary)).toEqual({ event: 'aid.bankListExported', params: { count: 2 } });
  });

  it('marks the approved bank payments paid from the bank’s return list and reports the other rows by number', async () => {
    const { t, files, programId } = await batchOffice();
    const { batchId } = await t.call(
      'aid.createBatch',
      {
        programId,
        name: '春节送温暖银行代发',
        method: 'bank',
        filters: noFilters,
        excluded: [{ fileId: files.noCategory, reason: '无银行账号' }],
      },
      'clerk',
    );
    sqliteOf(t).prepare("UPDATE aid_payments SET status = 'approved' WHERE batch_id = ?").run(batchId);
    const account = (n: number) => `62220200${String(n).padStart(11, '0')}`;
    const returned = async (rows: unknown[][]) => {
      const book = new ExcelJS.Workbook();
      const sheet = book.addWorksheet('回单');
      sheet.addRow(['代发回单']);
      sheet.addRow(['序号', '户名', '账号', '金额', '处理结果']);
      for (const row of rows) sheet.addRow(row);
      return inboxUpload(t, '回单.xlsx', Buffer.from(await book.xlsx.writeBuffer()));
    };
    const first = await returned([
      [1, '户主1', account(1), 600, '成功'],
      [2, '户主2', account(2), '500.00', '失败：账户已销户'],
      [3, '户主3', account(3), 600, '交易成功'],
      [4, '某人', account(77), 500, '成功'],
      // Excel turned this account into a number: its last digits are gone.
      [5, '户主1', Number(account(1)), 600, '成功'],
    ]);
    const result = await t.call('aid.markPaidFromReturn', { batchId, paidOn: '2026-03-09', ...first }, 'clerk');
    expect(result).toEqual({
      paid: 2,
      alreadyPaid: 0,
      problems: [
        { row: 4, problem: 'failed' },
        { row: 6, problem: 'noMatch' },
        { row: 7, problem: 'badAccount' },
      ],
      stillApproved: 1,
    });
    expect(
      sqliteOf(t)
        .prepare('SELECT file_id AS fileId, status, paid_on AS paidOn FROM aid_payments WHERE batch_id = ? ORDER BY file_id')
        .all(batchId),
    ).toEqual(
      [
        { fileId: files.deepJia, status: 'paid', paidOn: '2026-03-09' },
        { fileId: files.relativeYi, status: 'approved', paidOn: null },
        { fileId: files.reviewJia, status: 'paid', paidOn: '2026-03-09' },
      ].sort((a, b) => a.fileId.localeCompare(b.fileId)),
    );
    // The bank pays the failed one again; the list comes back with both rows: the paid one is not paid twice.
    const second = await returned([
      [1, '户主1', account(1), 600, '成功'],
      [2, '户主2', account(2), 500, '成功'],
    ]);
    expect(await t.call('aid.markPaidFromReturn', { batchId, paidOn: '2026-03-10', ...second }, 'clerk')).toEqual({
      paid: 1,
      alreadyPaid: 1,
      problems: [],
      stillApproved: 0,
    });
    await addUser(t, 'viewer', 'viewer.wu', 'viewer');
    expect(await t.fail('aid.markPaidFromReturn', { batchId, paidOn: '2026-03-09', ...(await returned([])) }, 'viewer')).toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});
