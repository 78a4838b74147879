/**
 * Roster import, stage one: a file from a grassroots union → rows of cells → header row and suggested mapping.
 * Validation of the cells (ID numbers, dates, phones) is the next stage and lives in @shared/domain.
 */
export { openSpreadsheet, readSpreadsheet, type OpenOptions } from './read-spreadsheet';
export type { FileLocation } from './byte-file';
export { detectHeader, normalizeHeader, HEADER_SCAN_ROWS, type HeaderDetection, type UnmappedColumn } from './header';
export { FIELD_SYNONYMS } from './fields';
export type { RosterImportField as RosterField } from '@shared/contract/roster-import';
export { cellText, detached, normalizeName, normalizeText, toHalfWidth } from './text';
export { isBlankValue } from './cells';
export type { SpreadsheetProblem } from './errors';
export {
  DEFAULT_LIMITS,
  type CellValue,
  type ReadLimits,
  type SheetData,
  type SheetRow,
  type SheetSource,
  type SpreadsheetFormat,
  type TextEncoding,
} from './types';
