import type { ByteFile } from './byte-file';
import { Readable } from 'node:stream';
import { crc32, createInflateRaw } from 'node:zlib';
import { spreadsheetError, tooLarge } from './errors';
import type { ResolvedLimits } from './types';
import { entryDataOffset, readZipDirectory, type ZipEntry } from './zip-directory';

/**
 * An .xlsx is a zip of XML parts. exceljs's streaming reader is handed not the file but a new, minimal zip that
 * this module streams to it:
 *
 * - only the parts it needs (workbook, its relationships, styles, shared strings, worksheets): images, themes,
 *   printer settings and anything else a hostile file packs are never inflated;
 * - in the order it needs them. exceljs can stream a worksheet only when the shared strings and relationships came
 *   before it in the zip; otherwise it copies the worksheet, inflated, to a temporary file (tmp in the OS temp
 *   folder). Excel and LibreOffice both write worksheets first — so without reordering every roster would leave
 *   its ID numbers in plain text in %TEMP% for a while, and dates would be missed when styles came late;
 * - inflated here, by Node's zlib, and passed on as stored (uncompressed) entries, so the sizes exceljs sees are
 *   the real ones. Every part is checked against its declared size and CRC as it streams, and the declared sizes
 *   are checked against the limits before anything is inflated: a zip bomb is refused from its directory, and one
 *   whose directory lies is stopped at the first byte past what it declared.
 */

const WORKBOOK = 'xl/workbook.xml';
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';
const STYLES = 'xl/styles.xml';
const SHARED_STRINGS = 'xl/sharedStrings.xml';
const WORKSHEET = /^xl\/worksheets\/sheet(\d+)\.xml$/;

/** A workbook without text cells has no shared-strings part; exceljs then defers every sheet to a temp file. */
const EMPTY_SHARED_STRINGS = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>',
);

export interface XlsxPart {
  name: string;
  entry: ZipEntry | null;
  /** Where the compressed bytes start in the file; for a synthesized part, its bytes instead. */
  dataStart: number;
  synthesized?: Buffer;
}

/** Recognises zips that are other office documents, to tell the clerk "wrong kind of file" rather than "damaged". */
function isOtherFormat(names: Set<string>): boolean {
  return names.has('mimetype') || names.has('word/document.xml') || names.has('ppt/presentation.xml') || names.has('content.xml');
}

/** Decides what will be read, in which order, and refuses what breaks a limit — without inflating anything. */
export async function planXlsxParts(handle: ByteFile, fileSize: number, limits: ResolvedLimits): Promise<XlsxPart[]> {
  const entries = await readZipDirectory(handle, fileSize);
  const byName = new Map(entries.map((e) => [e.name, e]));
  if (!byName.has(WORKBOOK) || !byName.has(WORKBOOK_RELS)) {
    throw spreadsheetError(isOtherFormat(new Set(byName.keys())) ? 'unsupported-format' : 'corrupt');
  }
  const sheets = entries
    .filter((e) => WORKSHEET.test(e.name))
    .sort((a, b) => Number(WORKSHEET.exec(a.name)![1]) - Number(WORKSHEET.exec(b.name)![1]));
  if (sheets.length === 0) throw spreadsheetError('empty');

  const wanted = [byName.get(WORKBOOK_RELS)!, byName.get(WORKBOOK)!, byName.get(STYLES), byName.get(SHARED_STRINGS), ...sheets];
  let total = 0;
  const parts: XlsxPart[] = [];
  for (const entry of wanted) {
    if (!entry) continue;
    if (entry.flags & 1) throw spreadsheetError('encrypted');
    if (entry.method !== 0 && entry.method !== 8) throw spreadsheetError('unsupported-format');
    if (entry.method === 0 && entry.compressedSize !== entry.uncompressedSize) throw spreadsheetError('corrupt');
    if (!WORKSHEET.test(entry.name) && entry.uncompressedSize > limits.maxPartBytes) throw tooLarge({ maxPartBytes: limits.maxPartBytes });
    total += entry.uncompressedSize;
    if (total > limits.maxUnzippedBytes) throw tooLarge({ maxUnzippedBytes: limits.maxUnzippedBytes });
    parts.push({ name: entry.name, entry, dataStart: await entryDataOffset(handle, entry, fileSize) });
  }
  if (!byName.has(SHARED_STRINGS)) {
    parts.splice(
      parts.findIndex((p) => WORKSHEET.test(p.name)),
      0,
      { name: SHARED_STRINGS, entry: null, dataStart: 0, synthesized: EMPTY_SHARED_STRINGS },
    );
  }
  return parts;
}

/** A local file header for a stored entry (APPNOTE 4.3.7): no data descriptor, sizes and CRC known up front. */
function storedHeader(name: string, size: number, crc: number): Buffer {
  const nameBytes = Buffer.from(name, 'utf8');
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4); // version needed: 2.0
  header.writeUInt16LE(0x0800, 6); // flags: UTF-8 name
  header.writeUInt16LE(0, 8); // method: stored
  header.writeUInt32LE(0, 10); // time and date: irrelevant here
  header.writeUInt32LE(crc >>> 0, 14);
  header.writeUInt32LE(size, 18);
  header.writeUInt32LE(size, 22);
  header.writeUInt16LE(nameBytes.length, 26);
  header.writeUInt16LE(0, 28);
  return Buffer.concat([header, nameBytes]);
}

/** An end-of-central-directory record with no entries: tells the zip reader the archive is over. */
const END_OF_ARCHIVE = (() => {
  const b = Buffer.alloc(22);
  b.writeUInt32LE(0x06054b50, 0);
  return b;
})();

async function* partBytes(file: ByteFile, part: XlsxPart): AsyncGenerator<Buffer> {
  const entry = part.entry!;
  if (entry.compressedSize === 0) throw spreadsheetError('corrupt');
  const raw = file.stream({ start: part.dataStart, end: part.dataStart + entry.compressedSize - 1 });
  const body = entry.method === 8 ? raw.pipe(createInflateRaw()) : raw;
  raw.on('error', (e) => body.destroy(e));
  let size = 0;
  let crc = 0;
  // The last chunk is held back until size and CRC are verified: the zip reader knows the part's length and ends
  // the part with its last byte, so a part that fails its check must not deliver that byte.
  let held: Buffer | null = null;
  let tail: Buffer | null = null;
  try {
    for await (const chunk of body as AsyncIterable<Buffer>) {
      size += chunk.length;
      // More than declared: the directory lied (a bomb in disguise, or damage). Stop before passing it on.
      if (size > entry.uncompressedSize) throw spreadsheetError('corrupt');
      crc = crc32(chunk, crc);
      if (held) {
        tail = held.subarray(-64);
        yield held;
      }
      held = chunk;
    }
  } catch (error) {
    throw error instanceof Error && 'code' in error && typeof error.code === 'string' && error.code.startsWith('Z_')
      ? spreadsheetError('corrupt')
      : error;
  } finally {
    raw.destroy();
    body.destroy();
  }
  if (size !== entry.uncompressedSize || crc >>> 0 !== entry.crc32 >>> 0) throw spreadsheetError('corrupt');
  // A worksheet cut short by a faulty writer (valid CRC, XML ending mid-row) would otherwise just end early and
  // lose its last rows without a word: the XML parser does not insist on the closing tag.
  if (WORKSHEET.test(part.name) && !endsWorksheet(tail, held)) throw spreadsheetError('corrupt');
  if (held) yield held;
}

function endsWorksheet(before: Buffer | null, last: Buffer | null): boolean {
  const end = Buffer.concat([before ?? Buffer.alloc(0), last ?? Buffer.alloc(0)])
    .subarray(-64)
    .toString('latin1');
  return /<\/([\w.-]+:)?worksheet>\s*$/.test(end);
}

async function* normalizedZip(file: ByteFile, parts: XlsxPart[]): AsyncGenerator<Buffer> {
  for (const part of parts) {
    if (part.synthesized) {
      yield storedHeader(part.name, part.synthesized.length, crc32(part.synthesized));
      yield part.synthesized;
      continue;
    }
    const entry = part.entry!;
    yield storedHeader(part.name, entry.uncompressedSize, entry.crc32);
    if (entry.uncompressedSize > 0) yield* partBytes(file, part);
  }
  yield END_OF_ARCHIVE;
}

/** The minimal stored zip described above, as a byte stream. It errors (never hangs) when a part fails its checks. */
export function xlsxPartsStream(file: ByteFile, parts: XlsxPart[]): Readable {
  return Readable.from(normalizedZip(file, parts), { objectMode: false });
}
