import type { CompareCounts, CompareLine, CompareList, CompareView } from '@shared/contract/compare';
import { expectedOnList, ON_RECORD_STATUSES, type CompareListKind } from '@shared/domain/compare-list';
import { ENDED_STATUSES } from '@shared/domain/hardship-lifecycle';
import { maskIdNumber } from '@shared/domain/id-number';
import { AppError } from '@shared/errors';
import type { Sqlite } from '../../db/client';

/**
 * 信息比对, the comparison: a list's rows against the people of our files (heads and household members, file_household),
 * matched by the normalised ID number. Computed on each call from the tables, never stored: a file approved after the
 * list was imported shows at once. "Our files" are the files not ended (ENDED_STATUSES) — a household in the middle
 * of its application is ours too; "should be on the list" only asks of files 在档 (or 复核中).
 *
 * At a city's size (200,000 list rows against 100,000 files) the match is one probe per list row into
 * file_household_id_number, then one per match into hardship_files_compare for the file's status; "should be on the
 * list" reads the files' status and category from hardship_files_compare and their people from file_household_file.
 * Those are read from the index alone (INDEXED BY: SQLite otherwise takes the primary keys and visits each file's
 * row, its page decrypted with the draft beside it): migration 0032, bench/compare.bench.ts.
 */

const quoted = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');
const OPEN_FILE = `f.deleted_at IS NULL AND f.status NOT IN (${quoted(ENDED_STATUSES)})`;
const ON_RECORD = `f.deleted_at IS NULL AND f.status IN (${quoted(ON_RECORD_STATUSES)})`;
/** A name on the list that differs from ours (a list without a name says nothing). */
const NAME_DIFFERS = `r.name <> '' AND r.name <> h.name`;

/** Our people in open files, by ID number. */
const OUR_PEOPLE = `file_household h INDEXED BY file_household_id_number
  JOIN hardship_files f INDEXED BY hardship_files_compare ON f.id = h.file_id AND ${OPEN_FILE}`;

const MATCHED_FROM = `FROM compare_rows r
  JOIN file_household h INDEXED BY file_household_id_number ON h.id_number = r.id_number AND h.deleted_at IS NULL
  JOIN hardship_files f INDEXED BY hardship_files_compare ON f.id = h.file_id AND ${OPEN_FILE}
  WHERE r.list_ref = @listRef`;

const OUTREACH_FROM = `FROM compare_rows r WHERE r.list_ref = @listRef AND NOT EXISTS (
  SELECT 1 FROM ${OUR_PEOPLE} WHERE h.id_number = r.id_number AND h.deleted_at IS NULL)`;

const ON_LIST = `EXISTS (SELECT 1 FROM compare_rows r WHERE r.list_ref = @listRef AND r.id_number = h.id_number)`;

/** Our 在档 households that should be on the list and are not: by category, or by each disabled member. */
function missingFrom(kind: CompareListKind): string | null {
  const expected = expectedOnList(kind);
  if (!expected) return null;
  if (expected.by === 'category') {
    return `FROM hardship_files f INDEXED BY hardship_files_compare
        JOIN file_household h INDEXED BY file_household_file ON h.file_id = f.id AND h.relation = 'self' AND h.deleted_at IS NULL
      WHERE ${ON_RECORD} AND f.category = '${expected.category}' AND NOT EXISTS (
        SELECT 1 FROM file_household h INDEXED BY file_household_file
          JOIN compare_rows r ON r.list_ref = @listRef AND r.id_number = h.id_number
        WHERE h.file_id = f.id AND h.deleted_at IS NULL)`;
  }
  return `FROM hardship_files f JOIN file_household h ON h.file_id = f.id AND h.deleted_at IS NULL
    WHERE ${ON_RECORD} AND json_extract(h.details, '$.health') = 'disabled' AND NOT ${ON_LIST}`;
}

interface ListRow {
  ref: number;
  id: string;
  source: string;
  kind: CompareListKind;
  fileName: string;
  extraHeaders: string;
  rows: number;
  rejected: number;
  importedAt: string;
  importedBy: string | null;
}

const LIST_COLUMNS = `l.ref, l.id, l.source, l.kind, l.file_name AS fileName, l.extra_headers AS extraHeaders, l.row_count AS rows,
  l.rejected_count AS rejected, l.imported_at AS importedAt, u.display_name AS importedBy`;

/** A list as the contract shows it, and the integer its rows name it by (compare_rows.list_ref). */
export interface HeldList {
  list: CompareList;
  ref: number;
}

const toList = ({ ref, ...row }: ListRow): HeldList => ({ ref, list: { ...row, extraHeaders: JSON.parse(row.extraHeaders) as string[] } });

export function listLists(sqlite: Sqlite): CompareList[] {
  const rows = sqlite
    .prepare(`SELECT ${LIST_COLUMNS} FROM compare_lists l LEFT JOIN users u ON u.id = l.imported_by ORDER BY l.imported_at DESC`)
    .all() as ListRow[];
  return rows.map((row) => toList(row).list);
}

export function findList(sqlite: Sqlite, listId: string): HeldList {
  const row = sqlite
    .prepare(`SELECT ${LIST_COLUMNS} FROM compare_lists l LEFT JOIN users u ON u.id = l.imported_by WHERE l.id = ?`)
    .get(listId) as ListRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', { record: 'compareList' });
  return toList(row);
}

/**
 * The counts of the three lists in two passes: the matched lines (with their name flags and the distinct list rows
 * they cover: every other row is one with no file, so outreach needs no pass of its own), and the missing files.
 * The rows are counted as groups by ID number (unique within a list), which the list's rows are read in
 * (compare_rows_id_number): no sort, where count(DISTINCT row_number) built a temporary B-tree of every match.
 */
export function compareCounts(sqlite: Sqlite, { list, ref }: HeldList): CompareCounts {
  const matched = sqlite
    .prepare(
      `SELECT count(*) AS rows, coalesce(sum(lines), 0) AS lines, coalesce(sum(nameMismatch), 0) AS nameMismatch FROM (
        SELECT count(*) AS lines, sum(${NAME_DIFFERS}) AS nameMismatch
        ${MATCHED_FROM.replace('FROM compare_rows r', 'FROM compare_rows r INDEXED BY compare_rows_id_number')} GROUP BY r.id_number)`,
    )
    .get({ listRef: ref }) as { lines: number; nameMismatch: number; rows: number };
  const missing = missingFrom(list.kind);
  return {
    matched: matched.lines,
    nameMismatch: matched.nameMismatch,
    missing: missing === null ? null : (sqlite.prepare(`SELECT count(*) ${missing}`).pluck().get({ listRef: ref }) as number),
    outreach: list.rows - matched.rows,
  };
}

interface RawLine {
  rowNumber: number | null;
  listName: string | null;
  idNumber: string;
  extra: string | null;
  fileId: string | null;
  fileNo: string | null;
  fileStatus: string | null;
  category: string | null;
  headName: string | null;
  ourName: string | null;
  relation: string | null;
  nameMismatch: number;
  inRoster: number;
}

function selectFor(view: CompareView, kind: CompareListKind, onlyNameMismatch: boolean): string | null {
  switch (view) {
    case 'matched':
      return `SELECT r.row_number AS rowNumber, r.name AS listName, r.id_number AS idNumber, r.extra, f.id AS fileId,
          f.file_no AS fileNo, f.status AS fileStatus, f.category, f.head_name AS headName, h.name AS ourName, h.relation,
          (${NAME_DIFFERS}) AS nameMismatch, 0 AS inRoster
        ${MATCHED_FROM}${onlyNameMismatch ? ` AND ${NAME_DIFFERS}` : ''} ORDER BY r.row_number`;
    case 'outreach':
      return `SELECT r.row_number AS rowNumber, r.name AS listName, r.id_number AS idNumber, r.extra, NULL AS fileId,
          NULL AS fileNo, NULL AS fileStatus, NULL AS category, NULL AS headName, NULL AS ourName, NULL AS relation,
          0 AS nameMismatch, EXISTS (SELECT 1 FROM members m WHERE m.id_number = r.id_number AND m.deleted_at IS NULL) AS inRoster
        ${OUTREACH_FROM} ORDER BY r.row_number`;
    case 'missing': {
      const from = missingFrom(kind);
      return from === null
        ? null
        : `SELECT NULL AS rowNumber, NULL AS listName, h.id_number AS idNumber, NULL AS extra, f.id AS fileId, f.file_no AS fileNo,
            f.status AS fileStatus, f.category, f.head_name AS headName, h.name AS ourName, h.relation, 0 AS nameMismatch,
            0 AS inRoster
          ${from} ORDER BY f.file_no, f.id, h.position`;
    }
  }
}

/**
 * The lines of one view, in pages (`limit` null: all of them, for the export). ID numbers leave here masked; the
 * file's id is the link to the file.
 */
export function compareLines(
  sqlite: Sqlite,
  { list, ref }: HeldList,
  view: CompareView,
  options: { onlyNameMismatch?: boolean; limit: number | null; offset?: number },
): CompareLine[] {
  const select = selectFor(view, list.kind, options.onlyNameMismatch === true);
  if (select === null) return [];
  const paged = options.limit === null ? select : `${select} LIMIT @limit OFFSET @offset`;
  const params = options.limit === null ? { listRef: ref } : { listRef: ref, limit: options.limit, offset: options.offset ?? 0 };
  const rows = sqlite.prepare(paged).all(params) as RawLine[];
  return rows.map(({ idNumber, extra, nameMismatch, inRoster, ...rest }) => ({
    ...rest,
    idNumberMasked: maskIdNumber(idNumber),
    nameMismatch: nameMismatch === 1,
    inRoster: inRoster === 1,
    extra: extra === null ? [] : (JSON.parse(extra) as string[]),
  }));
}

export function viewTotal(counts: CompareCounts, view: CompareView, onlyNameMismatch: boolean): number {
  if (view === 'matched') return onlyNameMismatch ? counts.nameMismatch : counts.matched;
  return view === 'missing' ? (counts.missing ?? 0) : counts.outreach;
}
