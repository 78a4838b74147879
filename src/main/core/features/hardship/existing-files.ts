import type { z } from 'zod';
import type { EXISTING_ROW_PROBLEMS, existingFilesCheck } from '@shared/contract/hardship';
import type { MemberStatus } from '@shared/contract/roster';
import {
  categoryFromWord,
  EXISTING_FILE_FIELDS,
  EXISTING_FILE_HEADERS,
  FILE_NUMBER,
  REQUIRED_EXISTING_FIELDS,
  workerTypeFromWord,
  type ExistingFileField,
} from '@shared/domain/existing-files';
import { CAUSE_NAMES, CAUSES, type Cause } from '@shared/domain/hardship-codes';
import { ENDED_STATUSES } from '@shared/domain/hardship-lifecycle';
import { checkIdNumber, idNumberFromSheetCell } from '@shared/domain/id-number';
import type { HardshipCategory } from '@shared/domain/means-test';
import { parseSheetDate } from '@shared/domain/sheet-date';
import type { Sqlite } from '../../db/client';
import { blobToId } from '../roster/members.repo';
import { cellText, HEADER_SCAN_ROWS, normalizeHeader, normalizeName, type CellValue, type SheetData } from '../roster/import';
import { pendingImportKeepsNumber } from './file-imports.repo';
import { sqlStatuses } from './files.repo';

/**
 * 存量档案: the rows of an old-files sheet, each read into a file to create or refused with its reasons. Reading
 * (this module) decides everything; the service only writes what it was given, in one transaction.
 */

type CheckResult = z.infer<typeof existingFilesCheck>;
type Problem = CheckResult['problems'][number];

export interface ExistingFileRow {
  row: number;
  name: string;
  idNumber: string;
  category: HardshipCategory;
  /** The sheet's word for it (特困, 低保边缘户 …), kept in the file's timeline. */
  categoryWord: string;
  approvedOn: string;
  /** Kept when the sheet has one in the national form; otherwise the program numbers the file. */
  fileNo: string | null;
  /** 原档案编号: the sheet's own number when it is not in the national form (GL2023001 …), kept beside the new one. */
  legacyNo: string | null;
  workerType: 'urban' | 'migrant';
  mainCause: Cause | null;
  memberId: string | null;
}

/** The longest old number kept as 原档案编号 (a longer cell is not a number but a note in the wrong column). */
const MAX_LEGACY_NUMBER = 40;

/** Shown to the clerk at most; the count says how many there are in all. */
const PROBLEMS_SHOWN = 500;

/** The header row: among the first rows, the one naming the most of the sheet's columns (title rows sit above it). */
function findHeader(rows: SheetData['rows']): { index: number; columns: Partial<Record<ExistingFileField, number>> } | null {
  let best: { index: number; columns: Partial<Record<ExistingFileField, number>>; found: number } | null = null;
  rows.slice(0, HEADER_SCAN_ROWS).forEach((row, index) => {
    const columns: Partial<Record<ExistingFileField, number>> = {};
    row.cells.forEach((cell, column) => {
      const text = normalizeHeader(cell);
      const field = EXISTING_FILE_FIELDS.find((f) => columns[f] === undefined && EXISTING_FILE_HEADERS[f].includes(text));
      if (field) columns[field] = column;
    });
    const found = Object.keys(columns).length;
    if (found >= 2 && (!best || found > best.found)) best = { index, columns, found };
  });
  return best;
}

const causeByName = new Map<string, Cause>(
  CAUSES.flatMap(
    (code) =>
      [
        [code, code],
        [CAUSE_NAMES[code], code],
        [`${code}${CAUSE_NAMES[code]}`, code],
      ] as [string, Cause][],
  ),
);

/** Reads every row and checks it against the sheet itself and against the program's files and roster. */
export function checkExistingFiles(sqlite: Sqlite, sheet: SheetData, today: string): { check: CheckResult; rows: ExistingFileRow[] } {
  const header = findHeader(sheet.rows);
  const columns = header?.columns ?? {};
  const missingColumns = REQUIRED_EXISTING_FIELDS.filter((f) => columns[f] === undefined);
  const empty = { sheetName: sheet.sheetName, categories: [], members: 0, nonMembers: 0, keptNumbers: 0, newNumbers: 0 };
  if (!header || missingColumns.length > 0)
    return { check: { ...empty, rows: 0, missingColumns, problems: [], problemCount: 0 }, rows: [] };

  const problems: Problem[] = [];
  const rows: ExistingFileRow[] = [];
  const rowOfId = new Map<string, number>();
  const rowOfNumber = new Map<string, number>();
  const fileNoTaken = sqlite.prepare('SELECT 1 FROM hardship_files WHERE file_no = ?').pluck();
  const keptByPendingImport = pendingImportKeepsNumber(sqlite);
  const openFileOfHead = sqlite
    .prepare(
      `SELECT 1 FROM hardship_files WHERE head_id_number = ? AND deleted_at IS NULL AND status NOT IN (${sqlStatuses(ENDED_STATUSES)})`,
    )
    .pluck();
  const memberOfId = sqlite.prepare('SELECT id, status, name FROM members WHERE id_number = ? AND deleted_at IS NULL');
  const dataRows = sheet.rows.slice(header.index + 1);

  for (const { rowNumber: row, cells } of dataRows) {
    const problem = (field: ExistingFileField, code: (typeof EXISTING_ROW_PROBLEMS)[number], detail: string | number | null = null) =>
      problems.push({ row, field, problem: code, detail: detail === null ? null : String(detail) });
    const before = problems.length;
    const cell = (field: ExistingFileField): CellValue => (columns[field] === undefined ? null : (cells[columns[field]!] ?? null));
    const text = (field: ExistingFileField) => cellText(cell(field))?.trim() ?? '';
    // cellText gives a date cell as its yyyy-mm-dd text: a filled cell of any kind is never ''.
    for (const field of REQUIRED_EXISTING_FIELDS) if (text(field) === '') problem(field, 'REQUIRED');

    // Tidied as the roster tidies names (张  三 → 张三, 阿依古丽.买买提 → 阿依古丽·买买提), so that they compare.
    const name = normalizeName(text('name')) ?? '';
    let idNumber = '';
    if (text('idNumber') !== '') {
      const fromCell = idNumberFromSheetCell(cell('idNumber'));
      const checked = 'problem' in fromCell ? { ok: false as const, problem: fromCell.problem } : checkIdNumber(fromCell.raw, today);
      if (!checked.ok) problem('idNumber', 'ID_INVALID', checked.problem);
      else if (rowOfId.has(checked.id)) problem('idNumber', 'ID_TWICE', rowOfId.get(checked.id)!);
      else {
        idNumber = checked.id;
        rowOfId.set(idNumber, row);
      }
    }

    const category = text('category') === '' ? null : categoryFromWord(text('category'));
    if (text('category') !== '' && !category) problem('category', 'CATEGORY_UNKNOWN', text('category'));

    let approvedOn = '';
    if (text('approvedOn') !== '') {
      const date = parseSheetDate(cell('approvedOn'));
      if (!date.ok || date.precision !== 'day') problem('approvedOn', 'DATE_INVALID', text('approvedOn'));
      else if (date.date > today) problem('approvedOn', 'DATE_FUTURE', date.date);
      else approvedOn = date.date;
    }

    // A number in the national form is kept as the file's number; any other (a centre's own GL2023001) is kept as
    // 原档案编号 and the file is numbered as a new one is. The same old number twice in a sheet is a mistake either way.
    const rawNumber = text('fileNo').replace(/\s+/g, '');
    const national = FILE_NUMBER.test(rawNumber);
    if (rawNumber !== '') {
      if (!national && rawNumber.length > MAX_LEGACY_NUMBER) problem('fileNo', 'FILE_NO_FORMAT', rawNumber);
      else if (rowOfNumber.has(rawNumber)) problem('fileNo', 'FILE_NO_TAKEN', rowOfNumber.get(rawNumber)!);
      else if (national && (fileNoTaken.get(rawNumber) || keptByPendingImport(rawNumber))) problem('fileNo', 'FILE_NO_TAKEN');
      else rowOfNumber.set(rawNumber, row);
    }

    const workerType = workerTypeFromWord(text('workerType'));
    if (!workerType) problem('workerType', 'WORKER_TYPE_UNKNOWN', text('workerType'));
    const causeText = text('mainCause').replace(/[\s.、．]/g, '');
    const mainCause = causeText === '' ? null : (causeByName.get(causeText) ?? null);
    if (causeText !== '' && !mainCause) problem('mainCause', 'CAUSE_UNKNOWN', text('mainCause'));

    let memberId: string | null = null;
    if (idNumber) {
      if (openFileOfHead.get(idNumber)) problem('idNumber', 'FILE_OPEN');
      const member = memberOfId.get(idNumber) as { id: Buffer; status: MemberStatus; name: string } | undefined;
      memberId = member ? blobToId(member.id) : null;
      if (member && member.status !== 'active') problem('idNumber', 'MEMBER_LEFT', member.status);
      if (member && name && member.name !== name) problem('name', 'NAME_DIFFERS', member.name);
      if (!member && workerType === 'migrant') problem('workerType', 'MIGRANT_NOT_MEMBER');
    }

    if (problems.length === before && category && workerType) {
      rows.push({
        row,
        name,
        idNumber,
        category: category.category,
        categoryWord: category.word,
        approvedOn,
        fileNo: national ? rawNumber : null,
        legacyNo: rawNumber !== '' && !national ? rawNumber : null,
        workerType,
        mainCause,
        memberId,
      });
    }
  }

  const counts = new Map<string, { word: string; category: HardshipCategory; count: number }>();
  for (const r of rows) {
    const seen = counts.get(r.categoryWord) ?? { word: r.categoryWord, category: r.category, count: 0 };
    seen.count++;
    counts.set(r.categoryWord, seen);
  }
  return {
    check: {
      sheetName: sheet.sheetName,
      rows: dataRows.length,
      missingColumns: [],
      problems: problems.slice(0, PROBLEMS_SHOWN),
      problemCount: problems.length,
      categories: [...counts.values()],
      members: rows.filter((r) => r.memberId).length,
      nonMembers: rows.filter((r) => !r.memberId).length,
      keptNumbers: rows.filter((r) => r.fileNo).length,
      newNumbers: rows.filter((r) => !r.fileNo).length,
    },
    rows,
  };
}
