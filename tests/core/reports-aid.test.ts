import { beforeEach, describe, expect, test } from 'vitest';
import type { SheetCell } from '@shared/domain/report-sheet';
import type { ReportPeriod } from '@shared/domain/report-period';
import { reportQuery } from '../../src/main/core/features/reports/report-frame';
import { CallContext } from '../../src/main/core/context';
import { drillPayments } from '../../src/main/core/features/reports/aid-drill';
import { aidSheet, educationSheet, festivalSheet } from '../../src/main/core/features/reports/aid-sheets';
import { insertFile, nextIdNumber, sqliteOf } from './support/aid';
import { startSetUpCore, type TestCore } from './support/core';
import { addPayment, addProgram } from './support/reports-aid';

/**
 * The aid tables (帮扶救助 by type × fund source, 金秋助学 by stage, 送温暖 by program) on a hand-built set whose every
 * cell is known: payments on the period's first and last days and just outside it, a voided payment and its reissue
 * (counted once), a payment voided after the as-of day (still counted as of that day), payments not yet paid, and
 * two emergency payments to one worker without a file (one household, two person-times).
 */
const Q3: ReportPeriod = { kind: 'quarter', year: 2026, quarter: 3 };
const yuan = (n: number) => n * 100;
/** The stored instant of a local moment (the clerk's time zone, as the core reads days). */
const local = (y: number, m: number, d: number, h = 10, min = 0) => new Date(y, m - 1, d, h, min).toISOString();

let t: TestCore;
let ids: Record<string, string>;

function ctxOf(core: TestCore): CallContext {
  return new CallContext(core.core.state, 'test', 'aid.payments', null);
}

beforeEach(async () => {
  t = await startSetUpCore();
  const sqlite = sqliteOf(t);
  const f1 = insertFile(t, {
    students: [
      { name: '甲', schoolStage: 'junior' },
      { name: '乙', schoolStage: 'college' },
    ],
  });
  const f2 = insertFile(t, { students: [{ name: '丙', schoolStage: 'junior' }] });
  const f3 = insertFile(t);
  const worker = nextIdNumber();
  const living = addProgram(sqlite, 'living', 'central', '2026年生活救助');
  const livingUnion = addProgram(sqlite, 'living', 'union', '2026年工会生活救助');
  const education = addProgram(sqlite, 'education', 'union', '2026年金秋助学');
  const autumn = addProgram(sqlite, 'festival', 'union', '2026年中秋送温暖');
  const gifts = addProgram(sqlite, 'festival', 'donation', '2026年爱心送温暖');
  const emergency = addProgram(sqlite, 'emergency', 'local', '2026年临时救助');
  const pay = (program: string, fileId: string | null, amount: number, paidOn: string | null, more = {}) =>
    addPayment(sqlite, { program, fileId, amountFen: yuan(amount), status: paidOn ? 'paid' : 'approved', paidOn, ...more });

  ids = {
    firstDay: pay(living, f1.fileId, 1000, '2026-07-01'),
    lastDay: pay(livingUnion, f1.fileId, 500, '2026-09-30'),
    dayBefore: pay(living, f2.fileId, 800, '2026-06-30'),
    dayAfter: pay(living, f2.fileId, 700, '2026-10-01'),
    voided: pay(living, f3.fileId, 600, '2026-08-10', { status: 'voided', voidedAt: local(2026, 8, 20) }),
    voidedLastMinute: pay(living, f2.fileId, 444, '2026-09-05', { status: 'voided', voidedAt: local(2026, 9, 30, 23, 59) }),
    voidedLater: pay(livingUnion, f2.fileId, 300, '2026-09-15', { status: 'voided', voidedAt: local(2026, 10, 2) }),
    approved: pay(living, f3.fileId, 999, null),
    pending: addPayment(sqlite, { program: living, fileId: f3.fileId, amountFen: yuan(888), status: 'pending' }),
    junior1: pay(education, f1.fileId, 3000, '2026-09-01', { studentId: f1.studentIds[0], schoolStage: 'junior' }),
    college: pay(education, f1.fileId, 5000, '2026-09-01', { studentId: f1.studentIds[1], schoolStage: 'college' }),
    junior2: pay(education, f2.fileId, 3000, '2026-09-02', { studentId: f2.studentIds[0], schoolStage: 'junior' }),
    autumn1: pay(autumn, f1.fileId, 500, '2026-09-20'),
    autumn2: pay(autumn, f2.fileId, 500, '2026-09-20'),
    gift: pay(gifts, f3.fileId, 800, '2026-09-21'),
    emergency1: pay(emergency, null, 200, '2026-07-15', { idNumber: worker }),
    emergency2: pay(emergency, null, 100, '2026-08-15', { idNumber: worker }),
  };
  ids.reissue = pay(living, f3.fileId, 650, '2026-08-25', { reissueOf: ids.voided });
});

/** The numbers of a row after its label cells: counts and fen as they are. */
const numbers = (row: SheetCell[]) => row.filter((c) => c.count !== undefined || c.fen !== undefined).map((c) => c.count ?? c.fen);
const rowOf = (sheet: { body: SheetCell[][] }, label: string) => numbers(sheet.body.find((r) => r[0]!.text === label)!);
const drillIds = (key: string) => drillPayments(sqliteOf(t), key, 500, 0)!.rows.map((r) => r.paymentId);

const input = (period: ReportPeriod, asOf: string) => reportQuery(period, asOf);

describe('帮扶救助 by type × fund source', () => {
  test('every cell as of the quarter end: boundary days in, neighbours out, void out, its reissue once, a later void in', () => {
    const sheet = aidSheet(ctxOf(t), input(Q3, '2026-09-30'));
    // 中央财政专项 (户, 人次, 元) | 地方财政 | 工会经费 | 社会捐助 | 合计
    expect(rowOf(sheet, '生活救助')).toEqual([2, 2, yuan(1650), 0, 0, 0, 2, 2, yuan(800), 0, 0, 0, 3, 4, yuan(2450)]);
    expect(rowOf(sheet, '助学')).toEqual([0, 0, 0, 0, 0, 0, 2, 3, yuan(11000), 0, 0, 0, 2, 3, yuan(11000)]);
    expect(rowOf(sheet, '送温暖')).toEqual([0, 0, 0, 0, 0, 0, 2, 2, yuan(1000), 1, 1, yuan(800), 3, 3, yuan(1800)]);
    expect(rowOf(sheet, '临时救助')).toEqual([0, 0, 0, 1, 2, yuan(300), 0, 0, 0, 0, 0, 0, 1, 2, yuan(300)]);
    expect(rowOf(sheet, '医疗救助')).toEqual(Array(15).fill(0));
    // 户数 of a total is counted: F1 has living, education and festival aid, and is one household.
    expect(numbers(sheet.totals!)).toEqual([2, 2, yuan(1650), 1, 2, yuan(300), 2, 7, yuan(12800), 1, 1, yuan(800), 4, 12, yuan(15550)]);
    expect(sheet.header[0]!.map((c) => c.text)).toEqual(['救助类型', '中央财政专项', '地方财政', '工会经费', '社会捐助', '合计']);
  });

  test('the lists behind the numbers are the payments counted', () => {
    const sheet = aidSheet(ctxOf(t), input(Q3, '2026-09-30'));
    const living = sheet.body.find((r) => r[0]!.text === '生活救助')!;
    expect(drillIds(living[1]!.drill!).sort()).toEqual([ids.firstDay, ids.reissue].sort());
    expect(drillIds(living[7]!.drill!).sort()).toEqual([ids.lastDay, ids.voidedLater].sort());
    // Every number's list has as many payments as its 人次, and amounts add up to its 金额.
    for (const row of [...sheet.body, sheet.totals!]) {
      for (let i = 1; i < row.length; i += 3) {
        const page = drillPayments(sqliteOf(t), row[i]!.drill!, 500, 0)!;
        expect(page.total).toBe(row[i + 1]!.count);
        expect(page.rows.reduce((sum, p) => sum + p.amountFen, 0)).toBe(row[i + 2]!.fen);
      }
    }
    const page = drillPayments(sqliteOf(t), sheet.totals!.at(-1)!.drill!, 5, 10)!;
    expect(page.total).toBe(12);
    expect(page.rows.map((r) => r.paymentId)).toHaveLength(2);
    expect(page.rows[0]!.recipientIdMasked).not.toMatch(/^\d{18}$/);
    expect(drillPayments(sqliteOf(t), 'files:{}', 5, 0)).toBeNull();
  });

  test('through the channels: the three aid sheets framed, in the report order, and the list behind a number', async () => {
    const { sheets } = await t.call('reports.tables', { tables: ['festival', 'aid', 'education'], period: Q3, asOf: '2026-09-30' });
    expect(sheets.map((s) => [s.name, s.period, s.reportingUnit])).toEqual([
      ['帮扶救助', '2026年第三季度', '测试区总工会职工帮扶中心'],
      ['金秋助学', '2026年第三季度', '测试区总工会职工帮扶中心'],
      ['送温暖', '2026年第三季度', '测试区总工会职工帮扶中心'],
    ]);
    const listed = await t.call('reports.drill', { key: sheets[0]!.totals!.at(-1)!.drill!, limit: 50, offset: 0 });
    expect(listed.kind).toBe('payments');
    expect(listed.total).toBe(12);
    expect((await t.fail('reports.drill', { key: 'payments:{"from":"x"}' })).code).toBe('REPORT_DRILL_UNKNOWN');
  });

  test('as of a later day: the payment voided on 2 October no longer counts for the same quarter', () => {
    const sheet = aidSheet(ctxOf(t), input(Q3, '2026-10-05'));
    expect(rowOf(sheet, '生活救助').slice(6, 9)).toEqual([1, 1, yuan(500)]);
    expect(rowOf(sheet, '生活救助').slice(12)).toEqual([2, 3, yuan(2150)]);
  });

  test('as of a day inside the period: later payments wait, and a payment voided after that day still counts instead of its reissue', () => {
    const sheet = aidSheet(ctxOf(t), input(Q3, '2026-08-15'));
    // firstDay ¥1000 and the payment voided on 20 August (¥600), not yet its reissue.
    expect(rowOf(sheet, '生活救助').slice(0, 3)).toEqual([2, 2, yuan(1600)]);
    expect(rowOf(sheet, '临时救助').slice(12)).toEqual([1, 2, yuan(300)]);
    expect(numbers(sheet.totals!).slice(12)).toEqual([3, 4, yuan(1900)]);
  });

  test('a month and a range: the boundary days belong to the period that holds them', () => {
    const june = aidSheet(ctxOf(t), input({ kind: 'month', year: 2026, month: 6 }, '2026-12-31'));
    expect(numbers(june.totals!).slice(12)).toEqual([1, 1, yuan(800)]);
    const range = aidSheet(ctxOf(t), input({ kind: 'range', from: '2026-09-30', to: '2026-10-01' }, '2026-12-31'));
    expect(numbers(range.totals!).slice(12)).toEqual([2, 2, yuan(1200)]);
  });
});

describe('金秋助学 and 送温暖', () => {
  test('education by school stage: households and students paid', () => {
    const sheet = educationSheet(ctxOf(t), input(Q3, '2026-09-30'));
    expect(rowOf(sheet, '初中')).toEqual([2, 2, yuan(6000)]);
    expect(rowOf(sheet, '大学')).toEqual([1, 1, yuan(5000)]);
    expect(rowOf(sheet, '小学')).toEqual([0, 0, 0]);
    expect(numbers(sheet.totals!)).toEqual([2, 3, yuan(11000)]);
    const junior = sheet.body.find((r) => r[0]!.text === '初中')!;
    expect(drillIds(junior[1]!.drill!).sort()).toEqual([ids.junior1, ids.junior2].sort());
  });

  test('festival by program with its fund source', () => {
    const sheet = festivalSheet(ctxOf(t), input(Q3, '2026-09-30'));
    expect(sheet.body.map((r) => [r[0]!.text, r[2]!.text, ...numbers(r)])).toEqual([
      ['2026年中秋送温暖', '工会经费', 2, 2, yuan(1000)],
      ['2026年爱心送温暖', '社会捐助', 1, 1, yuan(800)],
    ]);
    expect(numbers(sheet.totals!)).toEqual([3, 3, yuan(1800)]);
    expect(festivalSheet(ctxOf(t), input({ kind: 'month', year: 2026, month: 1 }, '2026-12-31')).body).toEqual([]);
  });
});
