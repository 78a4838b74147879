import type { Sqlite } from '../../db/client';
import { MAIN_CAUSE, originOf, paymentTotals } from '../federation/records.repo';
import { IN_FORCE_STATUSES, type DashboardSource } from './dashboard-source';

/**
 * A federation's charts (docs/architecture.md "The director's charts"): the same DashboardSource, read from what its
 * centres sent (exchange_records, docs/exchange-format.md "Records by table"), one centre or several added up. It
 * reads exchange_records' view columns (migration 0025: status, category, year, entered_at, type, amount_fen) where
 * they hold the value, and the record's fields only for what no column holds (a payment's program, a program's name
 * and budget); a file's main cause, inside its draft, from migration 0037's index. No TEMP shadows as the reports make
 * (reports/federation-source.ts): filling them costs seconds at 50,000 files, where these few grouped reads cost a
 * fraction of that.
 */

type Group = { minute: string; type: string; n: number; fen: number };

/**
 * `centres`: the credit codes counted; `window`: the instants [from, to) the monthly chart can ask about (last year's
 * first local day to the end of today). The payments of the window are read once, grouped by the minute they were
 * entered in and type, and each month's span is summed from those groups: a local day begins on a whole minute in
 * every time zone, so the spans cut them exactly as the centre's payments list cuts its rows.
 */
export function federationSource(sqlite: Sqlite, centres: readonly string[], window: { from: string; to: string }): DashboardSource {
  let groups: Group[] | undefined;
  const paymentGroups = (): Group[] => {
    const read = sqlite.prepare(
      `SELECT substr(r.entered_at, 1, 16) AS minute, r.type AS type, count(*) AS n, sum(r.amount_fen) AS fen
       FROM exchange_records r INDEXED BY exchange_records_payment_order
       WHERE r.centre_code = @centre AND r.table_name = 'aid_payments' AND r.deleted_at IS NULL
         AND r.entered_at >= @from AND r.entered_at < @to AND r.status <> 'voided'
       GROUP BY 1, 2`,
    );
    groups ??= centres.flatMap((centre) => read.all({ centre, ...window }) as Group[]);
    return groups;
  };
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
      const [start, end] = [from.slice(0, 16), to.slice(0, 16)];
      const byType = new Map<string, { type: string; n: number; fen: number }>();
      for (const g of paymentGroups()) {
        if (g.minute < start || g.minute >= end) continue;
        const sum = byType.get(g.type) ?? { type: g.type, n: 0, fen: 0 };
        sum.n += g.n;
        sum.fen += g.fen;
        byType.set(g.type, sum);
      }
      // In the types' order, as a centre's GROUP BY type gives them.
      return [...byType.values()].sort((a, b) => (a.type < b.type ? -1 : a.type > b.type ? 1 : 0));
    },
    programsOfYear: (year) => centres.flatMap((centre) => programsOf(sqlite, centre, year)),
  };
}

type Program = ReturnType<DashboardSource['programsOfYear']>[number] & { centreCode: string };

/**
 * A centre's programs of the year (through the primary key: origin, table, id) and what their payments not voided
 * come to, paid and pending or approved. A payment carries its program's year (the view column), so the year's
 * payments are the only ones read for their program id.
 */
function programsOf(sqlite: Sqlite, centre: string, year: number): Program[] {
  const origin = originOf(sqlite, centre);
  if (origin === null) return [];
  const sums = sqlite
    .prepare(
      `SELECT json_extract(r.fields, '$.program_id') AS program,
         coalesce(sum(CASE WHEN r.status = 'paid' THEN r.amount_fen END), 0) AS paidFen,
         coalesce(sum(CASE WHEN r.status IN ('pending', 'approved') THEN r.amount_fen END), 0) AS unpaidFen
       FROM exchange_records r INDEXED BY exchange_records_payment_order
       WHERE r.centre_code = @centre AND r.table_name = 'aid_payments' AND r.deleted_at IS NULL AND r.year = @year
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
