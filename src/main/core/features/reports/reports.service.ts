import type { ChannelOutput, ParsedInput } from '@shared/contract';
import { REPORT_TABLES, type ReportTableId } from '@shared/contract/reports';
import type { ReportPeriod } from '@shared/domain/report-period';
import type { ReportSheet } from '@shared/domain/report-sheet';
import { AppError } from '@shared/errors';
import type { CallContext } from '../../context';
import { withSharedStates } from './file-states';
import { filesDrill } from './files-drill';
import { framed, reportFrame, reportQuery, splitDrillKey, type DrillHandler, type SheetBuilder } from './report-frame';
import { causesSheet, householdsSheet, movementsSheet } from './files-sheets';
import { parsePaymentsPayload, PAYMENTS_DRILL_PREFIX, paymentsDrill } from './aid-drill';
import { paymentWindow } from './aid-window';
import type { ShadowPayments } from './federation-source';
import { aidSheet, educationSheet, festivalSheet } from './aid-sheets';
import { peopleDrill, peopleSheet } from './people-sheet';
import { inScope, reportScope, scopedTitle, withCentres } from './report-scope';

/**
 * The reports (统计报表, docs/domain.md "Reports"): each table is a builder computing its sheet from the records as of
 * a day; nothing is stored. The screen (reports.tables), the .xlsx and the PDF writers all call buildSheets, so they
 * show the same numbers. The builders read the centre's own tables; in federation mode the same builders read a
 * centre's or all centres' records from exchange_records (report-scope.ts, federation-source.ts).
 */
export const SHEET_BUILDERS: Partial<Record<ReportTableId, SheetBuilder>> = {
  households: householdsSheet,
  causes: causesSheet,
  movements: movementsSheet,
  // repaid: the aid tables (aid-sheets.ts) and the people table (people-sheet.ts).
  aid: aidSheet,
  education: educationSheet,
  festival: festivalSheet,
  people: peopleSheet,
};

/** Drill keys are `<prefix>:<payload>`; each prefix's handler lists the rows (files here; payments: the aid tables). */
export const DRILL_HANDLERS: Record<string, DrillHandler> = {
  files: filesDrill,
  // repaid: the payments behind an aid number; the files the people of the people table are in.
  [PAYMENTS_DRILL_PREFIX]: paymentsDrill,
  people: peopleDrill,
};

const TABLES_READING_STATES = new Set<ReportTableId>(['households', 'causes', 'movements', 'people']);

export interface SheetsRequest {
  tables: readonly ReportTableId[];
  period: ReportPeriod;
  asOf: string;
  /** Federation mode: one centre's code or 'all' (report-scope.ts). */
  centre?: string;
}

/** The sheets asked for, in REPORT_TABLES order, each framed alike; a table without a builder yet is left out. */
export function buildSheets(ctx: CallContext, request: SheetsRequest): ReportSheet[] {
  const query = reportQuery(request.period, request.asOf);
  const scope = reportScope(ctx, request.centre);
  const frame = reportFrame(ctx, query);
  const build = () => {
    const sheets: ReportSheet[] = [];
    for (const table of REPORT_TABLES) {
      const builder = request.tables.includes(table) ? SHEET_BUILDERS[table] : undefined;
      if (!builder) continue;
      const body = builder(ctx, query);
      sheets.push(framed(frame, { ...body, title: scopedTitle(body.title, scope) }));
    }
    return sheets;
  };
  // The file tables and the people table read the files' states: grouped once when two or more of them are asked
  // for (file-states.ts); for one alone, writing the states to a table first would only add to its time.
  const readingStates = request.tables.filter((table) => TABLES_READING_STATES.has(table)).length;
  // Every aid table counts the payments paid within [from, to] (aid-window.ts): a federation shadows those alone.
  const payments = { paidFrom: query.from, paidTo: query.to };
  return inScope(ctx, scope, () => (readingStates > 1 ? withSharedStates(ctx.sqlite, query, build) : build()), payments);
}

export function tables(ctx: CallContext, input: ParsedInput<'reports.tables'>): ChannelOutput<'reports.tables'> {
  // One read transaction: every table sees the same records even if a clerk saves meanwhile.
  return ctx.sqlite.transaction(() => {
    const sheets = buildSheets(ctx, input);
    return { sheets, computedAt: sheets[0]?.computedAt ?? reportFrame(ctx, reportQuery(input.period, input.asOf)).computedAt };
  })();
}

export function drill(ctx: CallContext, input: ParsedInput<'reports.drill'>): ChannelOutput<'reports.drill'> {
  const { prefix, payload } = splitDrillKey(input.key);
  const handler = Object.prototype.hasOwnProperty.call(DRILL_HANDLERS, prefix) ? DRILL_HANDLERS[prefix] : undefined;
  if (!handler) throw new AppError('REPORT_DRILL_UNKNOWN');
  const scope = reportScope(ctx, input.centre);
  return ctx.sqlite.transaction(() =>
    inScope(
      ctx,
      scope,
      () => withCentres(ctx, scope, handler(ctx, payload, { limit: input.limit, offset: input.offset })),
      drillPayments(prefix, payload),
    ),
  )();
}

/** The payments a drill-down reads: those its aid number counted; none for the files and people behind a number. */
function drillPayments(prefix: string, payload: unknown): ShadowPayments {
  if (prefix !== PAYMENTS_DRILL_PREFIX) return 'none';
  const parsed = parsePaymentsPayload(payload);
  if (!parsed) throw new AppError('REPORT_DRILL_UNKNOWN');
  const window = paymentWindow(parsed, parsed.asOf);
  return { paidFrom: window.from, paidTo: window.to };
}
