import type { ChannelOutput, ParsedInput } from '@shared/contract';
import type { AidType } from '@shared/domain/aid';
import { CAUSES, type Cause } from '@shared/domain/hardship-codes';
import { HARDSHIP_CATEGORIES, type HardshipCategory } from '@shared/domain/means-test';
import { localDate } from '../../clock';
import type { CallContext } from '../../context';
import { nextDay, startOfLocalDay } from '../aid/payment-list';
import { centreSource, type DashboardSource } from './dashboard-source';
import { dashboardScope } from './dashboard-scope';
import { centreBars, federationSource } from './federation-source';

type Charts = ChannelOutput<'dashboard.charts'>;

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The local months of `year` up to `today` (the whole year when it is past), each as the span of instants the
 * payments list would take for the same from–to days (its first day to its last, or to today).
 */
function monthSpans(year: number, today: string): { month: number; from: string; to: string }[] {
  const spans: { month: number; from: string; to: string }[] = [];
  for (let month = 1; month <= 12; month++) {
    const first = `${year}-${pad(month)}-01`;
    if (first > today) break;
    const last = new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
    spans.push({ month, from: startOfLocalDay(first), to: nextDay(last < today ? last : today) });
  }
  return spans;
}

/** The spans the monthly chart asks its source for: each local month of last year and of this one up to today. */
export function chartSpans(today: string): { year: number; month: number; from: string; to: string }[] {
  const year = Number(today.slice(0, 4));
  return [year - 1, year].flatMap((y) => monthSpans(y, today).map((span) => ({ year: y, ...span })));
}

/** The charts from a source of rows (a centre's own tables, or a federation's copies of its centres'). */
export function chartsFrom(source: DashboardSource, today: string): Charts {
  const year = Number(today.slice(0, 4));
  const households = source.householdsInForce();
  const byCategory = new Map<string, number>();
  const byCause = new Map<string | null, number>();
  for (const row of households) {
    if (row.category) byCategory.set(row.category, (byCategory.get(row.category) ?? 0) + row.n);
    byCause.set(row.cause, (byCause.get(row.cause) ?? 0) + row.n);
  }
  const monthly: Charts['monthly'] = [];
  for (const span of chartSpans(today)) {
    for (const row of source.paymentsByType(span.from, span.to)) {
      monthly.push({ year: span.year, month: span.month, type: row.type as AidType, count: row.n, amountFen: row.fen });
    }
  }
  return {
    today,
    year,
    households: {
      total: households.reduce((sum, row) => sum + row.n, 0),
      byCategory: HARDSHIP_CATEGORIES.map((category: HardshipCategory) => ({ category, count: byCategory.get(category) ?? 0 })),
      byCause: [...CAUSES, null]
        .filter((cause) => byCause.has(cause))
        .map((cause) => ({ cause: cause as Cause | null, count: byCause.get(cause)! })),
    },
    monthly,
    programs: source.programsOfYear(year).map((p) => ({ ...p, type: p.type as AidType })),
  };
}

/**
 * dashboard.charts: as of the office's today, from a centre's own tables; at a federation, from the records of the
 * centre asked for or of all of them (dashboard-scope.ts), with every centre's bars besides.
 */
export function charts(ctx: CallContext, input: ParsedInput<'dashboard.charts'>): Charts {
  const today = localDate(ctx.clock);
  const scope = dashboardScope(ctx, input.centre);
  if (!scope) return chartsFrom(centreSource(ctx.sqlite), today);
  const year = Number(today.slice(0, 4));
  return {
    ...chartsFrom(federationSource(ctx.sqlite, scope.centres, chartSpans(today)), today),
    federation: { centre: scope.centre, label: scope.label, centres: centreBars(ctx.sqlite, scope.all, year) },
  };
}
