import type { Sqlite } from '../../db/client';
import { MAIN_CAUSE, originOf, paymentTotals } from '../federation/records.repo';
import { IN_FORCE_STATUSES, type DashboardSource } from './dashboard-source';

/**
 * A federation's charts (docs/architecture.md "The director's charts"): the same DashboardSource, read from what its
 * centres sent (exchange_records, docs/exchange-format.md "Records by table"), one centre or several added up. It
 * reads exchange_records' view columns (migrations 0025 and 0042: status, category, year, entered_at, type,
 * amount_fen, program_id) from indexes alone, and the record's fields only for what no column holds (a program's name
 * and budget, from its few records); a file's main cause, inside its draft, from migration 0037's index. No TEMP
 * shadows as the reports make
 * (reports/federation-source.ts): filling them costs seconds at 50,000 files, where these few grouped reads cost a
 * fraction of that.
 */

type Span = { from: string; to: string };
type TypeSum = { type: string; n: number; fen: number };

/** A centre's live payments (alias `a`), written as the order index's partial WHERE says (migrations 0040, 0042). */
const livePayments = (a: string) => `${a}.centre_code = @centre AND ${a}.table_name = 'aid_payments' AND ${a}.deleted_at IS NULL`;

/**
 * `centres`: the credit codes counted; `spans`: the month spans the monthly chart asks for (chartSpans). All of them
 * are summed at the first ask, a centre at a time, in one read of the order index each (spanSums); a span not among
 * them is read on its own.
 */
export function federationSource(sqlite: Sqlite, centres: readonly string[], spans: readonly Span[]): DashboardSource {
  let sums: Map<string, TypeSum[]> | undefined;
  const key = (span: Span) => `${span.from} ${span.to}`;
  return {
    // One centre and status at a time, in the order of migration 0037's index, which holds the cause: no record is read.
    householdsInForce: () => {
      const count = sqlite.prepare(
        `SELECT r.category AS category, ${MAIN_CAUSE} AS cause, count(*) AS n
         FROM exchange_records r INDEXED BY exchange_records_file_in_force
         WHERE r.centre_code = @centre AND r.table_name = 'hardship_files' AND r.deleted_at IS NULL AND r.status = @status
         GROUP BY 1, 2`,
      );
      return centres.flatMap((centre) =>
        IN_FORCE_STATUSES.flatMap(
          (status) => count.all({ centre, status }) as { category: string | null; cause: string | null; n: number }[],
        ),
      );
    },
    paymentsByType: (from, to) => {
      sums ??= spanSums(sqlite, centres, spans, key);
      return sums.get(key({ from, to })) ?? spanSums(sqlite, centres, [{ from, to }], key).get(key({ from, to })) ?? [];
    },
    programsOfYear: (year) => centres.flatMap((centre) => programsOf(sqlite, centre, year)),
  };
}

/**
 * The payments not voided entered in each span, by type, all centres added up, keyed by `key(span)`, each span's
 * types in order (as a centre's GROUP BY type gives them). The order index leads with (centre, year, entered_at), and
 * a payment's year is its program's, not its entry's: the centre's years are found first, each by one seek (a
 * recursive min, SQLite's skip-scan needs statistics), and each year's part of the window is then one range of the
 * index, which holds type, status and amount_fen (migration 0042): no row is read. The span of each payment is
 * decided in SQL, so a few dozen groups come back, not one per payment or minute.
 */
function spanSums(sqlite: Sqlite, centres: readonly string[], spans: readonly Span[], key: (span: Span) => string): Map<string, TypeSum[]> {
  const sums = new Map<string, Map<string, TypeSum>>();
  if (spans.length === 0) return new Map();
  const params: Record<string, string> = {
    from: spans.reduce((min, s) => (s.from < min ? s.from : min), spans[0]!.from),
    to: spans.reduce((max, s) => (s.to > max ? s.to : max), spans[0]!.to),
  };
  const arms = spans.map((span, i) => {
    Object.assign(params, { [`f${i}`]: span.from, [`t${i}`]: span.to });
    return `WHEN r.entered_at >= @f${i} AND r.entered_at < @t${i} THEN ${i}`;
  });
  const read = sqlite.prepare(
    `WITH RECURSIVE years(year) AS (
       SELECT min(p.year) FROM exchange_records p INDEXED BY exchange_records_payment_order WHERE ${livePayments('p')}
       UNION ALL
       SELECT (SELECT min(p.year) FROM exchange_records p INDEXED BY exchange_records_payment_order
               WHERE ${livePayments('p')} AND p.year > years.year)
       FROM years WHERE years.year IS NOT NULL)
     SELECT CASE ${arms.join(' ')} END AS span, r.type AS type, count(*) AS n, sum(r.amount_fen) AS fen
     FROM exchange_records r INDEXED BY exchange_records_payment_order
     WHERE ${livePayments('r')} AND r.year IN (SELECT year FROM years WHERE year IS NOT NULL)
       AND r.entered_at >= @from AND r.entered_at < @to AND r.status <> 'voided'
     GROUP BY 1, 2`,
  );
  for (const centre of centres) {
    for (const g of read.all({ ...params, centre }) as ({ span: number | null } & TypeSum)[]) {
      if (g.span === null) continue;
      const spanKey = key(spans[g.span]!);
      const byType = sums.get(spanKey) ?? new Map<string, TypeSum>();
      const sum = byType.get(g.type) ?? { type: g.type, n: 0, fen: 0 };
      sum.n += g.n;
      sum.fen += g.fen;
      byType.set(g.type, sum);
      sums.set(spanKey, byType);
    }
  }
  return new Map(
    [...sums].map(([spanKey, byType]) => [spanKey, [...byType.values()].sort((a, b) => (a.type < b.type ? -1 : a.type > b.type ? 1 : 0))]),
  );
}

type Program = ReturnType<DashboardSource['programsOfYear']>[number] & { centreCode: string };

/**
 * A centre's programs of the year (through the primary key: origin, table, id) and what their payments not voided
 * come to, paid and pending or approved. A payment carries its program's year and id (view columns, the id since
 * migration 0042), both in the order index: the year's payments are summed per program from the index alone.
 */
function programsOf(sqlite: Sqlite, centre: string, year: number): Program[] {
  const origin = originOf(sqlite, centre);
  if (origin === null) return [];
  const sums = sqlite
    .prepare(
      `SELECT r.program_id AS program,
         coalesce(sum(CASE WHEN r.status = 'paid' THEN r.amount_fen END), 0) AS paidFen,
         coalesce(sum(CASE WHEN r.status IN ('pending', 'approved') THEN r.amount_fen END), 0) AS unpaidFen
       FROM exchange_records r INDEXED BY exchange_records_payment_order
       WHERE ${livePayments('r')} AND r.year = @year
       GROUP BY 1`,
    )
    .all({ centre, year }) as { program: string; paidFen: number; unpaidFen: number }[];
  const byProgram = new Map(sums.map((s) => [s.program, s]));
  const programs = sqlite
    .prepare(
      `SELECT r.id, json_extract(r.fields, '$.name') AS name, json_extract(r.fields, '$.type') AS type,
         json_extract(r.fields, '$.budget_fen') AS budgetFen
       FROM exchange_records r
       WHERE r.origin = @origin AND r.table_name = 'aid_programs' AND r.centre_code = @centre AND r.deleted_at IS NULL
         AND json_extract(r.fields, '$.year') = @year
       ORDER BY json_extract(r.fields, '$.created_at'), r.id`,
    )
    .all({ origin, centre, year }) as { id: string; name: string; type: string; budgetFen: number | null }[];
  return programs.map((p) => ({
    ...p,
    paidFen: byProgram.get(p.id)?.paidFen ?? 0,
    unpaidFen: byProgram.get(p.id)?.unpaidFen ?? 0,
    centreCode: centre,
  }));
}

/** Each centre's files in force (from the status index alone) and this year's payments paid (as its list sums them). */
export function centreBars(
  sqlite: Sqlite,
  centres: readonly { code: string; name: string }[],
  year: number,
): { code: string; name: string; inForce: number; paidCount: number; paidFen: number }[] {
  const inForce = sqlite
    .prepare(
      `SELECT count(*) FROM exchange_records r INDEXED BY exchange_records_file_status
       WHERE r.centre_code = @centre AND r.table_name = 'hardship_files' AND r.deleted_at IS NULL
         AND r.status IN (${IN_FORCE_STATUSES.map((s) => `'${s}'`).join(', ')})`,
    )
    .pluck();
  return centres.map(({ code, name }) => {
    const paid = paymentTotals(sqlite, { centre: code, year, status: 'paid' });
    return { code, name, inForce: inForce.get({ centre: code }) as number, paidCount: paid.count, paidFen: paid.amountFen };
  });
}
