import type { DrillOutput, ReportTableId } from '@shared/contract/reports';
import { addDays } from '@shared/domain/calendar';
import { periodDays, periodLabel, type ReportPeriod } from '@shared/domain/report-period';
import type { ReportSheet } from '@shared/domain/report-sheet';
import { AppError } from '@shared/errors';
import type { CallContext } from '../../context';
import { localDateOf } from '../../clock';
import { readOrg } from '../org/org.repo';

/**
 * What every report table shares (docs/domain.md "Reports"): the days it covers, the instant its records stop at,
 * and the frame printed around it. A builder (SHEET_BUILDERS in reports.service.ts) gets these and returns one sheet;
 * a drill handler (DRILL_HANDLERS) gets back the payload its builder put in a cell's key.
 */
export interface ReportQuery {
  period: ReportPeriod;
  /** First day of the period, YYYY-MM-DD. */
  from: string;
  /** Last day counted: the period's last day, or the as-of day when that is earlier (a quarter still running). */
  to: string;
  /** The as-of day: records written after its end (local time) are not read. */
  asOf: string;
  /** The instant the as-of day ends, as stored instants are written (ISO, UTC): rows with `at` < this are read. */
  recordedBefore: string;
}

export interface ReportFrame {
  /** 填报单位: the office's name. */
  reportingUnit: string;
  /** 2026年第三季度 */
  period: string;
  /** 截至 2026-09-30 */
  asOf: string;
  /** 2026-10-08 09:12, local: the moment the numbers were computed. */
  computedAt: string;
  /** 填报日期: the office's today. */
  filledOn: string;
}

/** A table's own part of a sheet; the frame fills in the rest. */
export type SheetBody = Pick<ReportSheet, 'name' | 'title' | 'header' | 'body' | 'totals' | 'notes' | 'unitsNote'>;

export type SheetBuilder = (ctx: CallContext, query: ReportQuery) => SheetBody;

export interface DrillPage {
  limit: number;
  offset: number;
}

/** Lists the rows behind a drill key of its prefix; `payload` is what the builder encoded with drillKey. */
export type DrillHandler = (ctx: CallContext, payload: unknown, page: DrillPage) => DrillOutput;

/** The instant a local day ends: the start of the next local day, as an ISO instant (what `at` columns hold). */
export function endOfLocalDay(day: string): string {
  const next = addDays(day, 1);
  const [y, m, d] = next.split('-').map(Number);
  return new Date(y!, m! - 1, d!, 0, 0, 0, 0).toISOString();
}

/** YYYY-MM-DD HH:mm in the office's time zone. */
function localStamp(instant: Date): string {
  const local = new Date(instant.getTime() - instant.getTimezoneOffset() * 60_000).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 16)}`;
}

export function reportQuery(period: ReportPeriod, asOf: string): ReportQuery {
  const days = periodDays(period);
  // A report as of a day before its period would count nothing and say nothing: the clerk picked the wrong day.
  if (asOf < days.from) throw new AppError('REPORT_AS_OF_BEFORE_PERIOD', { from: days.from });
  return { period, from: days.from, to: asOf < days.to ? asOf : days.to, asOf, recordedBefore: endOfLocalDay(asOf) };
}

export function reportFrame(ctx: CallContext, query: ReportQuery): ReportFrame {
  const now = ctx.core.clock.now();
  return {
    reportingUnit: readOrg(ctx.db)?.name ?? '',
    period: periodLabel(query.period),
    asOf: `截至 ${query.asOf}`,
    computedAt: localStamp(now),
    filledOn: localDateOf(now.toISOString()),
  };
}

export function framed(frame: ReportFrame, body: SheetBody): ReportSheet {
  return { ...body, ...frame };
}

/**
 * A drill key: the handler's prefix and what it needs to list the rows again, as JSON. The key is opaque to the
 * screen and carries no personal data (days, codes, the table), so it may sit in the page's state.
 */
export function drillKey(prefix: string, table: ReportTableId, payload: object): string {
  return `${prefix}:${JSON.stringify({ t: table, ...payload })}`;
}

export function splitDrillKey(key: string): { prefix: string; payload: unknown } {
  const colon = key.indexOf(':');
  if (colon <= 0) throw new AppError('REPORT_DRILL_UNKNOWN');
  try {
    return { prefix: key.slice(0, colon), payload: JSON.parse(key.slice(colon + 1)) as unknown };
  } catch {
    throw new AppError('REPORT_DRILL_UNKNOWN');
  }
}
