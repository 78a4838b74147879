import type { FileDraft } from '@shared/contract/hardship';
import { ENDED_STATUSES, type FileStatus } from '@shared/domain/hardship-lifecycle';
import type { Sqlite } from '../../db/client';

export interface FileRow {
  id: string;
  rev: number;
  updatedAt: string;
  fileNo: string | null;
  status: FileStatus;
  memberId: string | null;
  headName: string;
  headIdNumber: string;
  workerType: 'urban' | 'migrant';
  entryKind: 'new' | 'existing' | 'relapsed';
  category: 'deep' | 'relative' | 'accident' | null;
  draft: string;
  enteredBy: string;
  visitsCountFrom: string | null;
  noticeEndsOn: string | null;
  annualReviewBy: string | null;
  /** 原档案编号 (an imported old file's own number). */
  legacyNo: string | null;
}

/** The draft without the household (kept in file_household), as the file's JSON column holds it. */
export type StoredDraft = Omit<FileDraft, 'household'>;

/** Statuses as SQL literals for `status IN (…)` (fixed codes, never input). */
export const sqlStatuses = (statuses: readonly FileStatus[]): string => statuses.map((s) => `'${s}'`).join(', ');

const SELECT_FILE = `
  SELECT id, rev, updated_at AS updatedAt, file_no AS fileNo, status, member_id AS memberId, head_name AS headName,
         head_id_number AS headIdNumber, worker_type AS workerType, entry_kind AS entryKind, category, draft,
         entered_by AS enteredBy, visits_count_from AS visitsCountFrom, notice_ends_on AS noticeEndsOn,
         annual_review_by AS annualReviewBy, legacy_no AS legacyNo
  FROM hardship_files`;

export function findFile(sqlite: Sqlite, id: string): FileRow | undefined {
  return sqlite.prepare(`${SELECT_FILE} WHERE id = ? AND deleted_at IS NULL`).get(id) as FileRow | undefined;
}

/** Files of this head, newest first (one file per household: at most one not ended). */
export function filesOfHead(sqlite: Sqlite, idNumber: string): FileRow[] {
  return sqlite.prepare(`${SELECT_FILE} WHERE head_id_number = ? AND deleted_at IS NULL ORDER BY id DESC`).all(idNumber) as FileRow[];
}

export interface HouseholdRow {
  id: string;
  position: number;
  relation: string;
  name: string;
  idNumber: string;
  details: string;
}

export function householdOf(sqlite: Sqlite, fileId: string): HouseholdRow[] {
  return sqlite
    .prepare(
      'SELECT id, position, relation, name, id_number AS idNumber, details FROM file_household WHERE file_id = ? AND deleted_at IS NULL ORDER BY position',
    )
    .all(fileId) as HouseholdRow[];
}

/** Files not ended, other than `fileId`, whose household holds one of these ID numbers. */
export function otherActiveFiles(
  sqlite: Sqlite,
  fileId: string,
  idNumbers: string[],
): Map<string, { id: string; fileNo: string | null; status: FileStatus }[]> {
  const found = new Map<string, { id: string; fileNo: string | null; status: FileStatus }[]>();
  if (idNumbers.length === 0) return found;
  const rows = sqlite
    .prepare(
      `SELECT h.id_number AS idNumber, f.id, f.file_no AS fileNo, f.status
       FROM file_household h JOIN hardship_files f ON f.id = h.file_id
       WHERE h.deleted_at IS NULL AND f.deleted_at IS NULL AND f.id <> ? AND f.status NOT IN (${sqlStatuses(ENDED_STATUSES)})
         AND h.id_number IN (SELECT value FROM json_each(?))`,
    )
    .all(fileId, JSON.stringify(idNumbers)) as { idNumber: string; id: string; fileNo: string | null; status: FileStatus }[];
  for (const { idNumber, ...file } of rows) found.set(idNumber, [...(found.get(idNumber) ?? []), file]);
  return found;
}

/** The file's row changed (its parts too): rev and the change log follow through the sync triggers. */
export function touchFile(sqlite: Sqlite, id: string, now: string, changes: Record<string, string | number | null> = {}): void {
  const columns = Object.keys(changes);
  sqlite
    .prepare(`UPDATE hardship_files SET ${[...columns.map((c) => `${c} = @${c}`), 'updated_at = @now'].join(', ')} WHERE id = @id`)
    .run({ ...changes, now, id });
}
