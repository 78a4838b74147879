import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { Sqlite } from '../src/main/core/db/client';
import { writeDemoFilesFor } from '../src/main/tools/demo-hardship-files';
import { writeDemoCsv } from '../src/main/tools/demo-roster-file';
import { insertProgram } from '../tests/core/support/aid-batch';
import { newCore, timedImport, type BenchCore } from './support';

/** A centre's data at scale for the benches (aid, exchange): a roster with files, and years of payments. */

/** A roster of `files` members and as many demo files, every one 在档 with a category and a bank account (a festival batch's case). */
export async function officeWithFiles(files: number): Promise<BenchCore> {
  const office = await newCore();
  await timedImport(office, (path) => writeDemoCsv(path, files), 'roster.csv');
  expect(writeDemoFilesFor(office.core, files)).toBe(files);
  office.core.state.conn!.sqlite.exec(
    `UPDATE hardship_files SET status = 'active', category = coalesce(category, 'relative'),
       draft = json_set(draft, '$.bankAccount', '6222020200' || substr('000000000' || rowid, -9), '$.bankName', '中国工商银行')`,
  );
  return office;
}

/**
 * `payments` payments written straight into the table in one transaction (a INSERT … SELECT over a counter): ten years
 * of a large centre's aid, spread over the files, 40 programs, batches, every state.
 */
export function seedPayments(sqlite: Sqlite, year: number, payments: number) {
  const programs = Array.from({ length: 40 }, (_, i) =>
    insertProgram(sqlite, {
      year: year - (i % 10),
      type: (['festival', 'living', 'education', 'medical'] as const)[i % 4],
      name: `项目${i}`,
      standard:
        i % 4 === 0
          ? { kind: 'fixed', amountFen: 50_000, byCategory: {} }
          : i % 4 === 1
            ? { kind: 'lowLineMonths', monthsByCategory: { deep: 10, relative: 8 } }
            : i % 4 === 2
              ? { kind: 'perStudent', byStage: { primary: 100_000 } }
              : { kind: 'billShare', byCategory: { deep: { percent: 80, capFen: 1_600_000 } } },
    }),
  );
  sqlite.exec(`CREATE TEMP TABLE bench_programs (n INTEGER PRIMARY KEY, id TEXT, type TEXT, year INTEGER)`);
  const addProgram = sqlite.prepare('INSERT INTO bench_programs SELECT ?, id, type, year FROM aid_programs WHERE id = ?');
  programs.forEach((id, n) => addProgram.run(n, id));
  // Each file with its member's unit: a payment carries the unit it was paid through (aid.repo paymentInserter).
  sqlite.exec(`CREATE TEMP TABLE bench_files (n INTEGER PRIMARY KEY, id TEXT, name TEXT, id_number TEXT, unit_ref INTEGER);
    INSERT INTO bench_files SELECT row_number() OVER (ORDER BY f.id) - 1, f.id, f.head_name, f.head_id_number, m.unit_ref
      FROM hardship_files f LEFT JOIN members m ON m.id = f.member_key`);
  const files = sqlite.prepare('SELECT count(*) FROM bench_files').pluck().get() as number;
  const origin = sqlite.prepare('SELECT id FROM org').pluck().get() as string;
  const admin = sqlite.prepare("SELECT id FROM users WHERE role = 'admin'").pluck().get() as string;
  const started = performance.now();
  // Rows first, then the indexes and triggers as the migration has them: one sort per index instead of a million
  // B-tree inserts into each (862 s against a few minutes on a loaded 2-core machine). The bench reads; the change
  // log of these synthetic rows is not needed.
  const schema = sqlite
    .prepare(
      "SELECT type, name, sql FROM sqlite_master WHERE tbl_name = 'aid_payments' AND type IN ('index', 'trigger') AND sql IS NOT NULL",
    )
    .all() as { type: string; name: string; sql: string }[];
  sqlite.transaction(() => {
    for (const item of schema) sqlite.exec(`DROP ${item.type.toUpperCase()} ${item.name}`);
    // A batch for every 2,000 payments; the first program's payments are in them, 50 a batch, each to a file of its
    // own (a file is paid once a batch: aid_payments_batch_file), so their files are taken in turn, not spread.
    sqlite
      .prepare(
        `WITH RECURSIVE b(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM b WHERE i < @payments / 2000)
         INSERT INTO aid_batches (id, origin, updated_at, program_id, name, method, filters, created_by, created_at)
         SELECT printf('b0000000-0000-7000-8000-%012d', i), @origin, '2026-01-01T00:00:00.000Z', (SELECT id FROM bench_programs WHERE n = 0),
                '批次' || i, 'bank', '{}', @admin, '2026-01-01T00:00:00.000Z' FROM b`,
      )
      .run({ payments, origin, admin });
    sqlite
      .prepare(
        `WITH RECURSIVE c(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM c WHERE i < @payments - 1)
         INSERT INTO aid_payments (id, origin, updated_at, program_id, batch_id, file_id, year, type, recipient_name, recipient_id_number,
           amount_fen, suggested_fen, basis, method, status, entered_by, entered_at, approved_by, approved_at, voucher_serial, paid_on, unit_ref)
         SELECT printf('a%07x-0000-7000-8000-%012d', i, i), @origin, at, pid, CASE WHEN pn = 0 THEN printf('b0000000-0000-7000-8000-%012d', i / 2000) END,
                fid, year, type, name, id_number, 20000 + (i % 50) * 1000, 20000 + (i % 50) * 1000, '{"rule":"fixed","amountFen":50000}',
                CASE WHEN i % 3 = 0 THEN 'cash' ELSE 'bank' END, status, @admin, at,
                CASE WHEN status <> 'pending' THEN @admin END, CASE WHEN status <> 'pending' THEN at END,
                CASE WHEN status <> 'pending' THEN printf('%d-%06d', year, i) END, CASE WHEN status = 'paid' THEN substr(at, 1, 10) END, unit_ref
         FROM (SELECT c.i, p.id AS pid, p.n AS pn, p.type, p.year, f.id AS fid, f.name, f.id_number, f.unit_ref,
                 CASE WHEN c.i % 100 < 85 THEN 'paid' WHEN c.i % 100 < 93 THEN 'approved' WHEN c.i % 100 < 98 THEN 'pending' ELSE 'voided' END AS status,
                 strftime('%Y-%m-%dT%H:%M:%fZ', p.year || '-01-01', '+' || (c.i % 360) || ' days', '+' || (c.i % 86400) || ' seconds') AS at
               FROM c JOIN bench_programs p ON p.n = c.i % 40
                 JOIN bench_files f ON f.n = CASE WHEN c.i % 40 = 0 THEN (c.i / 40) % @files ELSE (c.i * 7919) % @files END)`,
      )
      .run({ payments, origin, admin, files });
    for (const item of schema) sqlite.exec(item.sql);
    // The list's totals as the dropped insert trigger would have kept them (migration 0019 aid_payment_totals_insert),
    // counted again from every payment: a batch made earlier through the router is in them already, and the
    // backfill statements below expect empty tables.
    sqlite.exec('DELETE FROM aid_payment_totals; DELETE FROM aid_payment_unit_totals; DELETE FROM aid_payment_period_totals');
    sqlite.exec(`INSERT INTO aid_payment_totals (program_id, batch_id, type, status, count, amount_fen)
      SELECT program_id, coalesce(batch_id, ''), type, status, count(*), sum(amount_fen) FROM aid_payments WHERE deleted_at IS NULL
      GROUP BY program_id, coalesce(batch_id, ''), type, status
      ON CONFLICT (program_id, batch_id, type, status) DO UPDATE SET count = count + excluded.count, amount_fen = amount_fen + excluded.amount_fen`);
    // And the totals by unit and by period as migration 0020 fills them (its backfill statements, verbatim).
    for (const statement of readFileSync('resources/migrations/0020_payment_list_totals.sql', 'utf8').split('--> statement-breakpoint')) {
      if (/^\s*INSERT INTO aid_payment_(unit|period)_totals/.test(statement)) sqlite.exec(statement);
    }
  })();
  return { programs, seconds: (performance.now() - started) / 1000 };
}

/**
 * Every file's household as a centre's lists have them (the demo files hold the worker alone): a spouse in six files
 * of ten, no child in three, one in five, two in two (about 2.5 people a file); adults with a 文化程度, children born
 * 2004–2021 with the school stage of their age, a few adults with none recorded. ID numbers carry the birth date and
 * sex where GB 11643 puts them (the check character is not read by the reports). Returns the people written.
 */
export function seedHouseholds(sqlite: Sqlite): number {
  sqlite.exec(`
    CREATE TEMP TABLE bench_people AS
      SELECT id AS file_id, rowid AS n, 1 AS position, 'spouse' AS relation, 1970 + rowid % 25 AS born, 0 AS k FROM hardship_files WHERE rowid % 10 < 6
      UNION ALL SELECT id, rowid, 2, 'child', 2004 + (rowid * 7) % 18, 1 FROM hardship_files WHERE rowid % 10 >= 3
      UNION ALL SELECT id, rowid, 3, 'child', 2004 + (rowid * 11) % 18, 2 FROM hardship_files WHERE rowid % 10 >= 8;
    INSERT INTO file_household (id, file_id, position, relation, name, id_number, details)
      SELECT printf('h%07x-0000-7000-8000-%012d', n, position), file_id, position, relation, '成员' || position,
        '440106' || born || printf('%02d%02d', 1 + n % 12, 1 + n % 28) || printf('%03d', (n * 3 + k) % 1000) || 'X',
        CASE WHEN relation = 'spouse' THEN
          CASE WHEN n % 17 = 0 THEN '{}' ELSE json_object('educationLevel', CASE n % 5 WHEN 0 THEN 'primary' WHEN 1 THEN 'junior'
            WHEN 2 THEN 'junior' WHEN 3 THEN 'senior' ELSE 'associate' END) END
        ELSE json_object('schoolStage', CASE WHEN born > 2020 THEN 'preschool' WHEN born > 2014 THEN 'primary' WHEN born > 2011 THEN 'junior'
          WHEN born > 2008 THEN CASE n % 3 WHEN 0 THEN 'vocational' ELSE 'senior' END ELSE 'college' END,
          'educationLevel', CASE WHEN born <= 2008 THEN 'senior' WHEN born <= 2011 THEN 'junior' WHEN born <= 2014 THEN 'primary' END) END
      FROM bench_people;
    DROP TABLE temp.bench_people;
  `);
  return sqlite.prepare('SELECT count(*) FROM file_household WHERE deleted_at IS NULL').pluck().get() as number;
}
