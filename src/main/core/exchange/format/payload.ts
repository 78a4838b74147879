import { createHash } from 'node:crypto';
import { BatchFormatError } from './reasons';

/**
 * The plaintext of a batch: NDJSON, one JSON object per line, each ending in `\n` (docs/exchange-format.md).
 * The first line is the manifest; then one line per record and one per attachment, in any order. Key order inside
 * a line carries no meaning. Lines are UTF-8; a newline never occurs inside one (JSON escapes it).
 */

export interface BatchManifest {
  /** True for a centre's first batch (everything it holds), false for changes since the previous batch. */
  snapshot: boolean;
  /** The change-log positions covered: after `after` (exclusive) through `through` (inclusive). */
  changes: { after: number; through: number };
  /** How many record lines of each table follow (tables with none may be left out). */
  counts: Record<string, number>;
  /** How many attachment lines follow. */
  attachments: number;
}

export interface BatchRecord {
  table: string;
  id: string;
  /** The code of the organisation that created the record. */
  origin: string;
  /** Incremented on each change: (origin, id, rev) names one version. */
  rev: number;
  /** ISO-8601 UTC instants. */
  updated_at: string;
  deleted_at: string | null;
  /** The record's own columns, as the exporter names them (the format does not look inside). */
  fields: Record<string, unknown>;
  /**
   * Set by the reader, never written: `fields` as the line's own JSON text, when the line has `fields` last as
   * `entryLine` writes it, so an importer stores the text it read instead of writing it again.
   */
  readonly fieldsJson?: string;
}

export interface BatchAttachment {
  id: string;
  /** The record the attachment belongs to. */
  table: string;
  record: string;
  name: string;
  mime: string;
  data: Uint8Array;
}

/**
 * Records already written as their NDJSON lines (each ending in `\n`), `count` of them, all of `table`, as UTF-8
 * bytes: an exporter that builds the lines itself (in SQL, for the bulk tables) hands over a page at a time, and no
 * object nor JavaScript string is made per record. The lines must be what `entryLine` would write for those records.
 */
export interface BatchLines {
  table: string;
  count: number;
  utf8: Buffer;
}

export type BatchEntry = { kind: 'record'; record: BatchRecord } | { kind: 'attachment'; attachment: BatchAttachment };

/** What a writer takes: entries, or pages of records already as lines (a reader sees those as records). */
export type BatchWriteEntry = BatchEntry | { kind: 'lines'; lines: BatchLines };

export function manifestLine(manifest: BatchManifest): string {
  const { snapshot, changes, counts, attachments } = manifest;
  return JSON.stringify({ kind: 'manifest', snapshot, changes, counts, attachments }) + '\n';
}

export function entryLine(entry: BatchEntry): string {
  if (entry.kind === 'record') {
    const { table, id, origin, rev, updated_at, deleted_at, fields } = entry.record;
    return JSON.stringify({ kind: 'record', table, id, origin, rev, updated_at, deleted_at, fields }) + '\n';
  }
  const { id, table, record, name, mime, data } = entry.attachment;
  const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return (
    JSON.stringify({ kind: 'attachment', id, table, record, name, mime, bytes: bytes.length, sha256, data: bytes.toString('base64') }) +
    '\n'
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
const count = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

function bad(detail: string): never {
  throw new BatchFormatError('bad-payload', detail);
}

function parseLine(line: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    bad('a line is not JSON');
  }
  if (!isObject(value)) bad('a line is not a JSON object');
  return value;
}

export function parseManifest(line: string): BatchManifest {
  const value = parseLine(line);
  const { kind, snapshot, changes, counts, attachments } = value;
  if (kind !== 'manifest') bad('the first line is not the manifest');
  if (typeof snapshot !== 'boolean' || !isObject(changes) || !count(changes.after) || !count(changes.through)) bad('manifest fields');
  if (!isObject(counts) || !Object.values(counts).every(count) || !count(attachments)) bad('manifest counts');
  return { snapshot, changes: { after: changes.after, through: changes.through }, counts: counts as Record<string, number>, attachments };
}

const RECORD_START = '{"kind":"record",';
const FIELDS_KEY = ',"fields":';

/**
 * A record line as `entryLine` writes it (`kind` first, `fields` last, no space), read as its two parts: the
 * members before `fields`, and the text of `fields`, which the caller keeps. The first `,"fields":` in a valid line
 * is a key (inside a string its quote would be escaped), and unless it is the outer object's the first part does
 * not parse, so when both parts parse the line means exactly `{...head, fields}`; else null, and the line is read
 * whole.
 */
function splitRecordLine(line: string): { head: Record<string, unknown>; fieldsJson: string } | null {
  if (!line.startsWith(RECORD_START) || !line.endsWith('}')) return null;
  const at = line.indexOf(FIELDS_KEY);
  if (at < 0) return null;
  try {
    const head: unknown = JSON.parse(line.slice(0, at) + '}');
    const fieldsJson = line.slice(at + FIELDS_KEY.length, -1);
    const fields: unknown = JSON.parse(fieldsJson);
    if (!isObject(head) || !isObject(fields)) return null;
    head.fields = fields;
    return { head, fieldsJson };
  } catch {
    return null;
  }
}

export function parseEntry(line: string): BatchEntry {
  const split = splitRecordLine(line);
  const v = split?.head ?? parseLine(line);
  if (v.kind === 'record') {
    const { table, id, origin, rev, updated_at, deleted_at, fields } = v;
    if (!nonEmpty(table) || !nonEmpty(id) || !nonEmpty(origin) || !count(rev) || !nonEmpty(updated_at)) bad('record fields');
    if (deleted_at !== null && !nonEmpty(deleted_at)) bad('record deleted_at');
    if (!isObject(fields)) bad('record fields');
    const record: BatchRecord = { table, id, origin, rev, updated_at, deleted_at, fields };
    // Not enumerable: a record read back still equals the record written (and spreads or logs without it).
    if (split) Object.defineProperty(record, 'fieldsJson', { value: split.fieldsJson, enumerable: false });
    return { kind: 'record', record };
  }
  if (v.kind === 'attachment') {
    const { id, table, record, name, mime, bytes, sha256, data } = v;
    if (!nonEmpty(id) || !nonEmpty(table) || !nonEmpty(record) || typeof name !== 'string' || typeof mime !== 'string') {
      bad('attachment fields');
    }
    if (!count(bytes) || typeof sha256 !== 'string' || typeof data !== 'string') bad('attachment fields');
    const decoded = Buffer.from(data, 'base64');
    if (decoded.length !== bytes || createHash('sha256').update(decoded).digest('hex') !== sha256) bad('attachment bytes');
    return { kind: 'attachment', attachment: { id, table, record, name, mime, data: decoded } };
  }
  bad('a line of an unknown kind');
}

/**
 * Splits a byte stream into lines without holding more than the line being read. Splitting bytes at 0x0A is safe
 * for UTF-8 (no multi-byte character contains that byte). A line longer than `maxLineBytes` is refused rather than
 * buffered without end; a stream that does not end in `\n` is refused too (every line ends in one).
 */
export async function* splitLines(chunks: AsyncIterable<Buffer>, maxLineBytes: number): AsyncGenerator<string> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  for await (const chunk of chunks) {
    let start = 0;
    let end = chunk.indexOf(0x0a, start);
    while (end >= 0) {
      const piece = chunk.subarray(start, end);
      const line = pending.length === 0 ? piece : Buffer.concat([...pending, piece]);
      pending = [];
      pendingBytes = 0;
      if (line.length > maxLineBytes) bad('a line is too long');
      yield line.toString('utf8');
      start = end + 1;
      end = chunk.indexOf(0x0a, start);
    }
    if (start < chunk.length) {
      pending.push(chunk.subarray(start));
      pendingBytes += chunk.length - start;
      if (pendingBytes > maxLineBytes) bad('a line is too long');
    }
  }
  if (pendingBytes > 0) bad('the last line does not end in a newline');
}
