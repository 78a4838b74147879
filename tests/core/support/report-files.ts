import { v7 as uuidv7 } from 'uuid';
import type { ReportSheet } from '@shared/domain/report-sheet';
import type { Sqlite } from '../../../src/main/core/db/client';
import { idCheckChar } from '@shared/domain/id-number';

/** Synthetic, valid ID numbers (never a real person). */
const idOf = (first17: string) => first17 + idCheckChar(first17);

/**
 * Hardship files for the report tests, written straight into the tables with the timeline a file's life leaves
 * (file_events: approve, confirmImport, exit, close, as lifecycle.service.ts and file-imports.service.ts write them),
 * each step recorded at a chosen instant, so that every cell of the tables is known. Used by the core tests and the
 * E2E spec (which writes into the web host's database), so it imports nothing of vitest.
 */
export interface HandFile {
  key: string;
  category: 'deep' | 'relative' | 'accident' | null;
  worker: 'urban' | 'migrant';
  entry: 'new' | 'existing' | 'relapsed';
  cause: string | null;
  status: string;
  /** [action, recorded at (ISO instant), the day it names (on_date)] in order. */
  steps: [string, string, string?][];
}

export function writeHandFiles(sqlite: Sqlite, files: HandFile[]): Map<string, string> {
  const origin = sqlite.prepare('SELECT id FROM org').pluck().get() as string;
  const admin = sqlite.prepare("SELECT id FROM users WHERE role = 'admin'").pluck().get() as string;
  const ids = new Map<string, string>();
  const insertFile = sqlite.prepare(
    `INSERT INTO hardship_files (id, origin, updated_at, file_no, status, head_name, head_id_number, worker_type, entry_kind, category, draft, entered_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertEvent = sqlite.prepare(
    'INSERT INTO file_events (file_id, at, user_id, action, from_status, to_status, on_date) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const TO: Record<string, string> = {
    approve: 'active',
    confirmImport: 'active',
    startAnnualReview: 'annualReview',
    exit: 'exited',
    close: 'closed',
  };
  files.forEach((file, n) => {
    const id = uuidv7();
    ids.set(file.key, id);
    const numbered = file.steps.some(([action]) => action === 'approve' || action === 'confirmImport');
    insertFile.run(
      id,
      origin,
      '2026-01-01T00:00:00.000Z',
      numbered ? `1101052026${String(n + 1).padStart(5, '0')}` : null,
      file.status,
      `户主${file.key}`,
      idOf(`11010519800101${String(100 + n)}`),
      file.worker,
      file.entry,
      file.category,
      JSON.stringify({ mainCause: file.cause }),
      admin,
    );
    insertEvent.run(id, '2020-01-01T00:00:00.000Z', admin, 'create', null, 'draft', null);
    let status = 'draft';
    for (const [action, at, onDate] of file.steps) {
      insertEvent.run(id, at, admin, action, status, TO[action] ?? status, onDate ?? null);
      status = TO[action] ?? status;
    }
  });
  return ids;
}

/** A sheet's body and totals as label → counts (the first cell's text, then every count in order). */
export function countsOf(sheet: ReportSheet): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const row of [...sheet.body, ...(sheet.totals ? [sheet.totals] : [])]) {
    out[row[0]!.text!] = row.slice(1).map((cell) => cell.count!);
  }
  return out;
}

/** The drill key of a sheet's cell: the row labelled `label`, the `column`-th number. */
export function drillOf(sheet: ReportSheet, label: string, column: number): string {
  const row = [...sheet.body, ...(sheet.totals ? [sheet.totals] : [])].find((r) => r[0]!.text === label)!;
  return row[column + 1]!.drill!;
}
