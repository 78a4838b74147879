import type { z } from 'zod';
import type { existingFilesCheck } from '@shared/contract/hardship';
import type { ImportStatus } from '@shared/domain/existing-files';
import type { Sqlite } from '../../db/client';

/** One staged file of an import: what confirming it needs besides the file's row (which holds the head). */
export interface StagedRow {
  fileId: string;
  /** The sheet's row number, as the clerk's check named rows. */
  row: number;
  /** The number the sheet keeps, reserved at staging; null: numbered at confirmation by the year filed. */
  fileNo: string | null;
  approvedOn: string;
  /** The sheet's category word (特困 …), kept in the timeline and the audit entry. */
  categoryWord: string;
}

export interface ImportRow {
  id: string;
  status: ImportStatus;
  sheetName: string;
  stagedBy: string;
  stagedByName: string | null;
  stagedAt: string;
  summary: z.infer<typeof existingFilesCheck>;
  rows: StagedRow[];
}

const SELECT_IMPORT = `
  SELECT i.id, i.status, i.sheet_name AS sheetName, i.staged_by AS stagedBy, u.display_name AS stagedByName,
         i.staged_at AS stagedAt, i.summary, i.rows
  FROM file_imports i LEFT JOIN users u ON u.id = i.staged_by`;

type StoredImport = Omit<ImportRow, 'summary' | 'rows'> & { summary: string; rows: string };
const parse = (row: StoredImport): ImportRow => ({ ...row, summary: JSON.parse(row.summary), rows: JSON.parse(row.rows) });

export function insertImport(
  sqlite: Sqlite,
  batch: { id: string; sheetName: string; stagedBy: string; stagedAt: string; summary: ImportRow['summary']; rows: StagedRow[] },
): void {
  sqlite
    .prepare("INSERT INTO file_imports (id, status, sheet_name, staged_by, staged_at, summary, rows) VALUES (?, 'pending', ?, ?, ?, ?, ?)")
    .run(batch.id, batch.sheetName, batch.stagedBy, batch.stagedAt, JSON.stringify(batch.summary), JSON.stringify(batch.rows));
}

export function findImport(sqlite: Sqlite, id: string): ImportRow | undefined {
  const row = sqlite.prepare(`${SELECT_IMPORT} WHERE i.id = ?`).get(id) as StoredImport | undefined;
  return row && parse(row);
}

export function pendingImports(sqlite: Sqlite): ImportRow[] {
  return (sqlite.prepare(`${SELECT_IMPORT} WHERE i.status = 'pending' ORDER BY i.staged_at, i.id`).all() as StoredImport[]).map(parse);
}

export function decideImportRow(sqlite: Sqlite, id: string, status: ImportStatus, by: string, at: string, reason: string | null): void {
  sqlite
    .prepare('UPDATE file_imports SET status = ?, decided_by = ?, decided_at = ?, reason = ? WHERE id = ?')
    .run(status, by, at, reason, id);
}

/** Whether a pending import keeps this file number for one of its rows (two sheets must not both keep it). */
export function pendingImportKeepsNumber(sqlite: Sqlite): (fileNo: string) => boolean {
  const statement = sqlite
    .prepare("SELECT 1 FROM file_imports i, json_each(i.rows) r WHERE i.status = 'pending' AND json_extract(r.value, '$.fileNo') = ?")
    .pluck();
  return (fileNo) => statement.get(fileNo) !== undefined;
}

/** The staged files' heads, as the one deciding the import sees them (fileId → head). */
export function stagedHeads(
  sqlite: Sqlite,
  fileIds: string[],
): Map<
  string,
  {
    headName: string;
    headIdNumber: string;
    category: 'deep' | 'relative' | 'accident';
    workerType: 'urban' | 'migrant';
    isMember: boolean;
    legacyNo: string | null;
  }
> {
  const rows = sqlite
    .prepare(
      `SELECT id, head_name AS headName, head_id_number AS headIdNumber, category, worker_type AS workerType, member_id IS NOT NULL AS isMember,
              legacy_no AS legacyNo
       FROM hardship_files WHERE id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(fileIds)) as {
    id: string;
    headName: string;
    headIdNumber: string;
    category: 'deep';
    workerType: 'urban';
    isMember: number;
    legacyNo: string | null;
  }[];
  return new Map(rows.map(({ id, isMember, ...head }) => [id, { ...head, isMember: isMember === 1 }]));
}
