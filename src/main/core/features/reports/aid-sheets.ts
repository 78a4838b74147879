import { AID_TYPES, FUND_SOURCES } from '@shared/domain/aid';
import { SCHOOL_STAGES } from '@shared/domain/hardship-codes';
import type { ReportTableId } from '@shared/contract/reports';
import type { SheetCell } from '@shared/domain/report-sheet';
import { AID_TYPE_LABELS, FUND_SOURCE_LABELS, SCHOOL_LABELS } from '@shared/labels-zh';
import type { CallContext } from '../../context';
import { ALL, countPayments, type AidCell, type AidCounts, type PaymentFilter } from './aid-counts';
import { paymentsDrillKey } from './aid-drill';
import { paymentWindow } from './aid-window';
import type { ReportQuery, SheetBody } from './report-frame';

/**
 * The aid tables of the federation's report (帮扶救助 by type and fund source, 金秋助学 by school stage, 送温暖 by
 * program), as ReportSheets: the screen shows them, the writers print them. Every number carries the drill key of
 * the payments behind it (aid-drill.ts); 户数 of a total is counted, never added up from its cells (aid-counts.ts).
 */

/** What a builder gets (report-frame ReportQuery): the period, its days (to: cut at the as-of day) and the as-of day. */
export type AidSheetInput = Pick<ReportQuery, 'period' | 'from' | 'to' | 'asOf'>;

const MEASURES: SheetCell[] = [{ text: '户数' }, { text: '人次' }, { text: '金额' }];

/** 户数, 人次, 金额 of a cell, each linked to the same list of payments. */
function numbers(table: ReportTableId, cell: AidCell, input: AidSheetInput, filter: PaymentFilter): SheetCell[] {
  const drill = paymentsDrillKey(table, input, input.asOf, filter);
  return [
    { count: cell.households, drill },
    { count: cell.personTimes, drill },
    { fen: cell.fen, drill },
  ];
}

/** 帮扶救助情况统计表: aid types down, fund sources across (户数, 人次, 金额 each), with 合计 both ways. */
export function aidSheet(ctx: CallContext, input: AidSheetInput): SheetBody {
  const TABLE = 'aid';
  const counts = countPayments(ctx.sqlite, paymentWindow(input, input.asOf), 'type', 'source');
  const row = (type: string, filter: PaymentFilter) => [
    ...FUND_SOURCES.flatMap((source) => numbers(TABLE, counts.get(type, source), input, { ...filter, source })),
    ...numbers(TABLE, counts.get(type, ALL), input, filter),
  ];
  return {
    name: '帮扶救助',
    title: '困难职工帮扶救助情况统计表',
    unitsNote: '单位：户、人次、元',
    header: [
      [
        { text: '救助类型', rowSpan: 2 },
        ...FUND_SOURCES.map((source) => ({ text: FUND_SOURCE_LABELS[source], colSpan: 3 })),
        { text: '合计', colSpan: 3 },
      ],
      [...FUND_SOURCES.flatMap(() => MEASURES), ...MEASURES],
    ],
    body: AID_TYPES.map((type) => [{ text: AID_TYPE_LABELS[type] }, ...row(type, { type })]),
    totals: [{ text: '合计' }, ...row(ALL, {})],
    notes: [NOTE],
  };
}

const NOTE = '按发放日期统计：已发放且截至统计日未作废的款项；作废后重新发放的只计一次；户数按档案（无档案的临时救助按身份证号）去重。';

/** 金秋助学情况统计表: 助学 by the school stage paid for (户数 = households, 人次 = students paid). */
export function educationSheet(ctx: CallContext, input: AidSheetInput): SheetBody {
  const TABLE = 'education';
  const counts = countPayments(ctx.sqlite, paymentWindow(input, input.asOf), 'stage', null, { type: 'education' });
  // A payment without a stage (none is made so, but a synced or old row might be) gets its own row, never lost.
  const stages: string[] = [...SCHOOL_STAGES, ...(counts.get('').personTimes > 0 ? [''] : [])];
  return {
    name: '金秋助学',
    title: '困难职工子女助学（金秋助学）情况统计表',
    unitsNote: '单位：户、人次、元',
    header: [[{ text: '学段' }, ...MEASURES]],
    body: stages.map((stage) => [
      { text: stage === '' ? '未注明学段' : SCHOOL_LABELS[stage as (typeof SCHOOL_STAGES)[number]] },
      ...numbers(TABLE, counts.get(stage), input, { type: 'education', stage }),
    ]),
    totals: [{ text: '合计' }, ...numbers(TABLE, counts.get(ALL), input, { type: 'education' })],
    notes: [NOTE],
  };
}

/** 送温暖（两节慰问）情况统计表: one row per program with payments in the period, its fund source, and 合计. */
export function festivalSheet(ctx: CallContext, input: AidSheetInput): SheetBody {
  const TABLE = 'festival';
  const counts: AidCounts = countPayments(ctx.sqlite, paymentWindow(input, input.asOf), 'program', null, { type: 'festival' });
  const ids = counts.rows();
  const programs = ids.length
    ? (ctx.sqlite
        .prepare(
          `SELECT id, name, year, fund_source AS source FROM aid_programs WHERE id IN (SELECT value FROM json_each(?)) ORDER BY year, name, id`,
        )
        .all(JSON.stringify(ids)) as { id: string; name: string; year: number; source: (typeof FUND_SOURCES)[number] }[])
    : [];
  return {
    name: '送温暖',
    title: '送温暖（两节慰问）情况统计表',
    unitsNote: '单位：户、人次、元',
    header: [[{ text: '项目名称' }, { text: '年度' }, { text: '资金来源' }, ...MEASURES]],
    body: programs.map((p) => [
      { text: p.name },
      { text: String(p.year) },
      { text: FUND_SOURCE_LABELS[p.source] ?? p.source },
      ...numbers(TABLE, counts.get(p.id), input, { type: 'festival', program: p.id }),
    ]),
    totals: [{ text: '合计', colSpan: 3 }, ...numbers(TABLE, counts.get(ALL), input, { type: 'festival' })],
    notes: [NOTE],
  };
}
