// The contract's lists: the mapping the clerk confirms names the same fields the reader suggests.
import { REQUIRED_IMPORT_FIELDS, ROSTER_IMPORT_FIELDS, type RosterImportField } from '@shared/contract/roster-import';
import { FIELD_SYNONYMS } from './fields';
import { toHalfWidth } from './text';
import type { CellValue, SheetRow } from './types';

/**
 * Finds the header row of a roster and suggests which column holds which field. The clerk confirms or changes the
 * suggestion on the mapping screen; nothing here is final.
 *
 * Rosters have title rows above the header ("XX公司工会会员名册" merged across the top, "填报单位：…", a blank row),
 * so the header is the row among the first ones whose cells name the most fields, not row 1.
 */

/** How many (non-blank) rows from the top are considered. Title blocks are a few rows; 20 is generous. */
export const HEADER_SCAN_ROWS = 20;

/** Bracketed annotations: （必填）, (yyyy-mm-dd), 【选填】, [18位]. */
const ANNOTATION = /[（(【[［〔][^）)】\]］〕]*[）)】\]］〕]/g;
/** Everything that is not a letter or digit of any script: spaces, ：*、·/-_ and the like. */
const NOT_WORD = /[^\p{L}\p{N}]+/gu;

/**
 * Header text as it is matched: full-width → half-width, annotations in brackets dropped, spaces and punctuation
 * dropped, Latin letters lower-cased. "公民身份号码（必填）*" → "公民身份号码"; "姓  名" → "姓名"; "联系电话：" → "联系电话".
 */
export function normalizeHeader(value: CellValue): string {
  if (typeof value !== 'string') return '';
  return toHalfWidth(value).replace(ANNOTATION, '').replace(NOT_WORD, '').toLowerCase();
}

/**
 * A header that merely contains a synonym ("身份证号码18位", "现工作单位") is a weaker match than an exact one. Longer
 * texts are sentences (a note above the table: "注：身份证号必须填写18位"), not headers.
 */
const MAX_CONTAINS_LENGTH = 10;

interface Candidate {
  field: RosterImportField;
  column: number;
  score: number;
}

/** Exact synonyms score 100 minus their rank in the list; contained ones 50 minus rank (and must be 2+ characters). */
function scoreHeader(text: string, field: RosterImportField): number {
  const synonyms = FIELD_SYNONYMS[field];
  let best = 0;
  synonyms.forEach((synonym, rank) => {
    if (text === synonym) best = Math.max(best, 100 - rank);
    else if (text.length <= MAX_CONTAINS_LENGTH && synonym.length >= 2 && text.includes(synonym)) best = Math.max(best, 50 - rank);
  });
  return best;
}

function candidatesOf(row: SheetRow): Candidate[] {
  const out: Candidate[] = [];
  row.cells.forEach((cell, column) => {
    const text = normalizeHeader(cell);
    if (text === '') return;
    for (const field of ROSTER_IMPORT_FIELDS) {
      const score = scoreHeader(text, field);
      if (score > 0) out.push({ field, column, score });
    }
  });
  return out;
}

/**
 * Each field to at most one column and each column to at most one field, best scores first (ties: the leftmost
 * column). "单位" inside "所属基层工会单位" thus loses to an exact "工作单位" elsewhere.
 */
function assign(candidates: Candidate[]): Map<RosterImportField, Candidate> {
  const sorted = [...candidates].sort((a, b) => b.score - a.score || a.column - b.column);
  const byField = new Map<RosterImportField, Candidate>();
  const usedColumns = new Set<number>();
  for (const c of sorted) {
    if (byField.has(c.field) || usedColumns.has(c.column)) continue;
    byField.set(c.field, c);
    usedColumns.add(c.column);
  }
  return byField;
}

export interface UnmappedColumn {
  column: number;
  /** The header cell's text as the file has it (trimmed), '' when the header cell is blank. */
  header: string;
}

export interface HeaderDetection {
  /** Index of the header row in the rows given. */
  headerIndex: number;
  /** Its row number in the file. */
  headerRowNumber: number;
  /** Header text per column as the file has it (trimmed), for the mapping screen and the rejected-rows export. */
  headers: string[];
  /** Suggested field → 0-based column. */
  mapping: Partial<Record<RosterImportField, number>>;
  /**
   * Every other column up to the widest row seen (blank headers included: a column of data without a header is
   * still the clerk's data), so that the rejected-rows export can give the grassroots union its own columns back.
   */
  unmapped: UnmappedColumn[];
  /** Required fields with no column: the import cannot start until the clerk maps them. */
  missingRequired: RosterImportField[];
}

/** A header row names at least this many fields; a title row that happens to contain 单位 names one. */
const MIN_FIELDS = 2;

/**
 * Looks at the first HEADER_SCAN_ROWS rows (readers have already dropped blank ones) and returns the best header
 * row, or null when no row names at least two fields — then the clerk must be told this is not a roster we can
 * read, or map by hand.
 */
export function detectHeader(rows: readonly SheetRow[]): HeaderDetection | null {
  const scan = rows.slice(0, HEADER_SCAN_ROWS);
  let best: { index: number; mapping: Map<RosterImportField, Candidate>; score: number } | null = null;
  for (let index = 0; index < scan.length; index++) {
    const mapping = assign(candidatesOf(scan[index]!));
    if (mapping.size < MIN_FIELDS) continue;
    const score = [...mapping.values()].reduce((sum, c) => sum + c.score, 0);
    // Strictly greater: on a tie the upper row wins (a second header-like row is usually a repeated header).
    if (!best || score > best.score) best = { index, mapping, score };
  }
  if (!best) return null;
  const { index, mapping } = best;
  const headerRow = scan[index]!;

  const width = Math.max(...scan.map((r) => r.cells.length));
  const headers = Array.from({ length: width }, (_, i) => {
    const v = headerRow.cells[i];
    return typeof v === 'string' ? v.trim() : v === null || v === undefined ? '' : String(v);
  });
  const suggested: Partial<Record<RosterImportField, number>> = {};
  for (const field of ROSTER_IMPORT_FIELDS) {
    const c = mapping.get(field);
    if (c) suggested[field] = c.column;
  }
  const mappedColumns = new Set(Object.values(suggested));
  return {
    headerIndex: index,
    headerRowNumber: headerRow.rowNumber,
    headers,
    mapping: suggested,
    unmapped: headers.map((header, column) => ({ column, header })).filter((c) => !mappedColumns.has(c.column)),
    missingRequired: REQUIRED_IMPORT_FIELDS.filter((f) => suggested[f] === undefined),
  };
}
