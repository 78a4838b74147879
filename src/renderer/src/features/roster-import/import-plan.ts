/** The clerk's choices for one file, as the screens hold them and as the contract's plan takes them. */
import type { ChannelOutput } from '@shared/contract';
import { REQUIRED_IMPORT_FIELDS, type ColumnMapping, type DuplicatePolicy, type RosterImportField } from '@shared/contract/roster-import';

export type Inspection = ChannelOutput<'rosterImport.inspect'>;

/** A picked file and what the core read from its header. */
export interface PickedFile {
  uploadId: string;
  fileName: string;
  inspection: Inspection;
}

/** Per column of the sheet, the member field it is imported as (null: not imported). */
export type ColumnFields = (RosterImportField | null)[];

export function columnsFromMapping(mapping: ColumnMapping, columnCount: number): ColumnFields {
  const columns: ColumnFields = Array.from({ length: columnCount }, () => null);
  for (const [field, column] of Object.entries(mapping) as [RosterImportField, number | undefined][]) {
    if (column !== undefined && column < columnCount) columns[column] = field;
  }
  return columns;
}

export function mappingFromColumns(columns: ColumnFields): ColumnMapping {
  const mapping: ColumnMapping = {};
  columns.forEach((field, column) => {
    if (field) mapping[field] = column;
  });
  return mapping;
}

/** Gives `column` the field; a field comes from one column only, so another column that had it lets it go. */
export function assignField(columns: ColumnFields, column: number, field: RosterImportField | null): ColumnFields {
  return columns.map((current, index) => (index === column ? field : field !== null && current === field ? null : current));
}

export function missingRequired(columns: ColumnFields): RosterImportField[] {
  return REQUIRED_IMPORT_FIELDS.filter((field) => !columns.includes(field));
}

export interface ImportPlan {
  uploadId: string;
  fileName: string;
  mapping: ColumnMapping;
  policy: DuplicatePolicy;
}
