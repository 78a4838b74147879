import type { BatchRecord } from '../../exchange/format';

/**
 * A record of a centre's batch turned into what the federation's store writes (import-store.ts): the row's values in
 * RECORD_COLUMNS order, and for a file the people it names. Pure (no database), so that the import's reader thread
 * (import-entries.ts) prepares records while the core's thread writes the previous ones.
 */

/** A file in force: 在档, or in its annual review (复核中). */
const ACTIVE_FILE_STATUSES = new Set(['active', 'annualReview']);

/** The columns of exchange_records a record fills, in the order of PreparedRecord.values. */
export const RECORD_COLUMNS = `origin, table_name, id, centre_code, rev, updated_at, deleted_at, fields, sequence,
       status, category, file_no, name, id_tail, year, entered_at, type, amount_fen, id_number, program_id, paid_on`;

type ViewColumns = [
  status: string | null,
  category: string | null,
  fileNo: string | null,
  name: string | null,
  idTail: string | null,
  year: number | null,
  enteredAt: string | null,
  type: string | null,
  amountFen: number | null,
  idNumber: string | null,
  programId: string | null,
  paidOn: string | null,
];
const NO_VIEW_COLUMNS: ViewColumns = [null, null, null, null, null, null, null, null, null, null, null, null];
const textOrNull = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const integerOrNull = (v: unknown): number | null => (Number.isSafeInteger(v) ? (v as number) : null);
const tail = (v: unknown): string | null => (typeof v === 'string' ? v.slice(-4) : null);

/**
 * The columns the federation's views read (schema/exchange.ts, migrations 0025, 0035, 0042 and 0043), from the record's parsed
 * fields: the values those migrations backfill with json_extract (text kept only as text, integers only as integers).
 */
export function viewColumns(record: Pick<BatchRecord, 'table' | 'fields'>): ViewColumns {
  const f = record.fields;
  switch (record.table) {
    case 'hardship_files':
      return [
        textOrNull(f.status),
        textOrNull(f.category),
        textOrNull(f.file_no),
        textOrNull(f.head_name),
        tail(f.head_id_number),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
      ];
    case 'members':
      return [null, null, null, textOrNull(f.name), tail(f.id_number), null, null, null, null, null, null, null];
    case 'aid_payments':
      return [
        textOrNull(f.status),
        null,
        null,
        null,
        null,
        integerOrNull(f.year),
        textOrNull(f.entered_at),
        textOrNull(f.type),
        integerOrNull(f.amount_fen),
        textOrNull(f.recipient_id_number),
        textOrNull(f.program_id),
        textOrNull(f.paid_on),
      ];
    default:
      return NO_VIEW_COLUMNS;
  }
}

/** A person a file names in exchange_people: the head, or a household member. */
export type FilePerson = [idNumber: string, role: 'head' | 'member'];

export interface PreparedRecord {
  table: string;
  id: string;
  rev: number;
  /** exchange_records' values in RECORD_COLUMNS order. */
  values: (string | number | null)[];
  /** A file's people (head first) and whether the file is in force; null for other tables. */
  people: { persons: FilePerson[]; active: 0 | 1 } | null;
}

/** A file's people: its head and household, each once; a payment's one recipient is a column of its record (0035). */
function filePeople(record: BatchRecord): PreparedRecord['people'] {
  const f = record.fields;
  const active = record.deleted_at === null && ACTIVE_FILE_STATUSES.has(String(f.status)) ? 1 : 0;
  const head = String(f.head_id_number);
  const persons: FilePerson[] = [[head, 'head']];
  const household = Array.isArray(f.household) ? (f.household as Record<string, unknown>[]) : [];
  const named = new Set([head]);
  for (const person of household) {
    const id = String(person.id_number);
    // The head is in the household too (relation self); a person taken off the list is not named.
    if (person.relation === 'self' || (person.deleted_at ?? null) !== null || named.has(id)) continue;
    named.add(id);
    persons.push([id, 'member']);
  }
  return { persons, active };
}

export function prepareRecord(record: BatchRecord, centreCode: string, sequence: number): PreparedRecord {
  return {
    table: record.table,
    id: record.id,
    rev: record.rev,
    values: [
      record.origin,
      record.table,
      record.id,
      centreCode,
      record.rev,
      record.updated_at,
      record.deleted_at,
      record.fieldsJson ?? JSON.stringify(record.fields),
      sequence,
      ...viewColumns(record),
    ],
    people: record.table === 'hardship_files' ? filePeople(record) : null,
  };
}
