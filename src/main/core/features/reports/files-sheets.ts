import { z } from 'zod';
import { CAUSE_NAMES, CAUSES, ENTRY_KINDS, WORKER_TYPES } from '@shared/domain/hardship-codes';
import { HARDSHIP_CATEGORIES } from '@shared/domain/means-test';
import type { SheetCell } from '@shared/domain/report-sheet';
import { CATEGORY_LABELS, ENTRY_LABELS, WORKER_LABELS } from '@shared/labels-zh';
import type { ReportTableId } from '@shared/contract/reports';
import type { CallContext } from '../../context';
import { periodParams, SELECTIONS, SELECTION_SQL, statesParts, type Selection } from './file-states';
import { drillKey, type ReportQuery, type SheetBody } from './report-frame';

/**
 * The three tables of files (docs/domain.md "Reports"): households on record by category × urban/migrant ×
 * new/existing/relapsed, main cause × category, and the period's movements with the check that they add up. Each
 * count is one GROUP BY over the files' states (file-states.ts); each number's drill key names the same selection,
 * so the list behind it is exactly the files counted.
 */

/** What the files drill-down needs to list a number's files again (kept small: it travels in every cell). */
export const filesDrillPayload = z.object({
  t: z.enum(['households', 'causes', 'movements']),
  from: z.string(),
  to: z.string(),
  asOf: z.string(),
  sel: z.enum(SELECTIONS),
  c: z.enum(HARDSHIP_CATEGORIES).optional(),
  w: z.enum(WORKER_TYPES).optional(),
  k: z.enum(ENTRY_KINDS).optional(),
  /** Entry kinds other than 返困 (movements' 新增 counts new and old files alike). */
  notRelapsed: z.literal(true).optional(),
  /** A main cause, or 'none' for files without one. */
  m: z.union([z.enum(CAUSES), z.literal('none')]).optional(),
});
export type FilesDrillPayload = z.infer<typeof filesDrillPayload>;
type Filter = Omit<FilesDrillPayload, 't' | 'from' | 'to' | 'asOf' | 'sel'>;

function countCell(table: ReportTableId, query: ReportQuery, sel: Selection, filter: Filter, count: number): SheetCell {
  const payload = { from: query.from, to: query.to, asOf: query.asOf, sel, ...filter };
  return { count, drill: drillKey('files', table, payload) };
}

const text = (value: string, more: Partial<SheetCell> = {}): SheetCell => ({ text: value, ...more });

interface GroupRow {
  category: string | null;
  worker_type: string;
  entry_kind: string;
  main_cause: string | null;
  n: number;
}

/** The counts by `columns`, a row per group of each part of the states (statesParts): the callers add rows up. */
function groups(ctx: CallContext, query: ReportQuery, sel: Selection, columns: string): GroupRow[] {
  const params = periodParams(query);
  return statesParts(ctx.sqlite, params).flatMap(
    (states) =>
      ctx.sqlite
        .prepare(`WITH ${states} SELECT ${columns}, count(*) AS n FROM states s WHERE ${SELECTION_SQL[sel]} GROUP BY ${columns}`)
        .all(params) as GroupRow[],
  );
}

/** 困难职工家庭情况统计表: files on record at the end of the period (or of the as-of day), in the three ways. */
export function householdsSheet(ctx: CallContext, query: ReportQuery): SheetBody {
  const rows = groups(ctx, query, 'closing', 's.category, s.worker_type, s.entry_kind');
  const count = (filter: { c?: string; w?: string; k?: string }) =>
    rows
      .filter(
        (r) =>
          (!filter.c || r.category === filter.c) && (!filter.w || r.worker_type === filter.w) && (!filter.k || r.entry_kind === filter.k),
      )
      .reduce((sum, r) => sum + r.n, 0);
  const line = (c: Filter['c']): SheetCell[] => {
    const cells: SheetCell[] = [countCell('households', query, 'closing', { c }, count({ c }))];
    for (const w of WORKER_TYPES) {
      cells.push(countCell('households', query, 'closing', { c, w }, count({ c, w })));
      for (const k of ENTRY_KINDS) cells.push(countCell('households', query, 'closing', { c, w, k }, count({ c, w, k })));
    }
    return cells;
  };
  return {
    name: '困难职工家庭',
    title: '困难职工家庭情况统计表',
    unitsNote: '单位：户',
    header: [
      [text('困难类别', { rowSpan: 2 }), text('合计', { rowSpan: 2 }), ...WORKER_TYPES.map((w) => text(WORKER_LABELS[w], { colSpan: 4 }))],
      WORKER_TYPES.flatMap(() => [text('小计'), ...ENTRY_KINDS.map((k) => text(ENTRY_LABELS[k]))]),
    ],
    body: HARDSHIP_CATEGORIES.map((c) => [text(CATEGORY_LABELS[c]), ...line(c)]),
    totals: [text('合计'), ...line(undefined)],
    notes: [`在档户数：截至 ${query.to} 当日结束时在档（含年度复核中）的困难职工家庭，按其建档类型（新增/存量/返困）计。`],
  };
}

/** 困难职工致困原因统计表: the same files by main cause × category. */
export function causesSheet(ctx: CallContext, query: ReportQuery): SheetBody {
  // Grouped by the codes before the cause too: the order of the files' kept states (file-states.ts), so no sort.
  const rows = groups(ctx, query, 'closing', 's.category, s.worker_type, s.entry_kind, s.main_cause');
  const count = (m: string | undefined, c: string | undefined) =>
    rows
      .filter((r) => (m === undefined || (r.main_cause ?? 'none') === m) && (c === undefined || r.category === c))
      .reduce((sum, r) => sum + r.n, 0);
  const line = (m: Filter['m']): SheetCell[] => [
    countCell('causes', query, 'closing', { m }, count(m, undefined)),
    ...HARDSHIP_CATEGORIES.map((c) => countCell('causes', query, 'closing', { m, c }, count(m, c))),
  ];
  // Old files imported without a cause are counted on a line of their own, shown only when there are some.
  const causes: Filter['m'][] = [...CAUSES, ...(count('none', undefined) > 0 ? (['none'] as const) : [])];
  return {
    name: '致困原因',
    title: '困难职工家庭致困原因统计表',
    unitsNote: '单位：户',
    header: [[text('主要致困原因'), text('合计'), ...HARDSHIP_CATEGORIES.map((c) => text(CATEGORY_LABELS[c]))]],
    body: causes.map((m) => [text(m === 'none' ? '未填写' : `${m} ${CAUSE_NAMES[m!]}`), ...line(m)]),
    totals: [text('合计'), ...line(undefined)],
    notes: [`按档案的主要致困原因计；截至 ${query.to} 当日结束时在档（含年度复核中）的家庭。`],
  };
}

interface MovementRow {
  category: string | null;
  opening: number;
  fresh: number;
  exited: number;
  closed: number;
  relapsed: number;
  closing: number;
}

/** 困难职工档案增减变动表: opening + new − out − closed + relapsed = closing, per category, with the check. */
export function movementsSheet(ctx: CallContext, query: ReportQuery): SheetBody {
  const sum = (sel: Selection, extra = '') => `sum(CASE WHEN ${SELECTION_SQL[sel]}${extra} THEN 1 ELSE 0 END)`;
  const params = periodParams(query);
  // A row per category of each part of the states (statesParts), added up by `of`.
  const rows = statesParts(ctx.sqlite, params).flatMap(
    (states) =>
      ctx.sqlite
        .prepare(
          `WITH ${states}
       SELECT s.category, ${sum('opening')} AS opening, ${sum('entered', " AND s.entry_kind <> 'relapsed'")} AS fresh,
         ${sum('exited')} AS exited, ${sum('closed')} AS closed, ${sum('entered', " AND s.entry_kind = 'relapsed'")} AS relapsed,
         ${sum('closing')} AS closing
       FROM states s WHERE s.entered_on <= @to AND (s.left_on IS NULL OR s.left_on >= @from)
       GROUP BY s.category`,
        )
        .all(params) as MovementRow[],
  );
  const of = (c: string | undefined): MovementRow => {
    const picked = rows.filter((r) => c === undefined || r.category === c);
    const add = (key: keyof Omit<MovementRow, 'category'>) => picked.reduce((s, r) => s + r[key], 0);
    return {
      category: c ?? null,
      opening: add('opening'),
      fresh: add('fresh'),
      exited: add('exited'),
      closed: add('closed'),
      relapsed: add('relapsed'),
      closing: add('closing'),
    };
  };
  const line = (c: Filter['c']): SheetCell[] => {
    const m = of(c);
    return [
      countCell('movements', query, 'opening', { c }, m.opening),
      countCell('movements', query, 'entered', { c, notRelapsed: true }, m.fresh),
      countCell('movements', query, 'exited', { c }, m.exited),
      countCell('movements', query, 'closed', { c }, m.closed),
      countCell('movements', query, 'entered', { c, k: 'relapsed' }, m.relapsed),
      countCell('movements', query, 'closing', { c }, m.closing),
    ];
  };
  const total = of(undefined);
  const computed = total.opening + total.fresh - total.exited - total.closed + total.relapsed;
  const check =
    computed === total.closing
      ? `核对：期初 ${total.opening} + 新增 ${total.fresh} − 脱困 ${total.exited} − 注销 ${total.closed} + 返困 ${total.relapsed} = 期末 ${total.closing}，相符。`
      : `核对不符：期初 ${total.opening} + 新增 ${total.fresh} − 脱困 ${total.exited} − 注销 ${total.closed} + 返困 ${total.relapsed} = ${computed}，期末在档 ${total.closing}，相差 ${total.closing - computed}。`;
  return {
    name: '增减变动',
    title: '困难职工档案增减变动表',
    unitsNote: '单位：户',
    header: [
      [text('困难类别'), text('期初户数'), text('本期新增'), text('本期脱困'), text('本期注销'), text('本期返困'), text('期末户数')],
    ],
    body: HARDSHIP_CATEGORIES.map((c) => [text(CATEGORY_LABELS[c]), ...line(c)]),
    totals: [text('合计'), ...line(undefined)],
    notes: [
      check,
      `期初：${query.from} 前一日结束时在档；期末：${query.to} 当日结束时在档。新增：本期批准建档（含确认导入的存量档案）；返困：本期建档且为返困；脱困按脱困日期、注销按办理日期计。`,
    ],
  };
}
