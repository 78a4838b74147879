import type { ByteFile } from './byte-file';

type FileHandle = Pick<ByteFile, 'read'>;
import { spreadsheetError } from './errors';

/**
 * Reads a zip file's central directory — the table of contents at the end of the file — without inflating
 * anything, so that an .xlsx can be judged (which parts, how big once unpacked, encrypted?) before any parser
 * touches it. Only what an .xlsx needs: one disk, stored or deflated entries, zip64 sizes when present.
 * (APPNOTE.TXT 6.3: §4.3.12 central directory header, §4.3.16 end of central directory, §4.3.14–15 zip64.)
 */

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated; anything else is refused by the caller. */
  method: number;
  /** General-purpose flags; bit 0 = encrypted. */
  flags: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const EOCD_SIZE = 22;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const MAX_COMMENT = 0xffff;

/** An .xlsx has a few dozen parts; thousands mean something else or an attack on the directory parser. */
export const MAX_ZIP_ENTRIES = 10_000;
/** The directory of 10,000 entries with long names stays far below this. */
const MAX_DIRECTORY_BYTES = 16 * 1024 * 1024;

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  if (bytesRead !== length) throw spreadsheetError('corrupt');
  return buffer;
}

/** 64-bit little-endian sizes and offsets; a file we accept is far below 2^53. */
function u64(buffer: Buffer, offset: number): number {
  const value = buffer.readBigUInt64LE(offset);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw spreadsheetError('corrupt');
  return Number(value);
}

interface Directory {
  offset: number;
  size: number;
  count: number;
}

async function findDirectory(handle: FileHandle, fileSize: number): Promise<Directory> {
  if (fileSize < EOCD_SIZE) throw spreadsheetError('corrupt');
  const tailLength = Math.min(fileSize, EOCD_SIZE + MAX_COMMENT);
  const tailStart = fileSize - tailLength;
  const tail = await readAt(handle, tailStart, tailLength);
  let at = -1;
  for (let i = tail.length - EOCD_SIZE; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD_SIGNATURE) {
      at = i;
      break;
    }
  }
  if (at < 0) throw spreadsheetError('corrupt');
  const count = tail.readUInt16LE(at + 10);
  const size = tail.readUInt32LE(at + 12);
  const offset = tail.readUInt32LE(at + 16);
  if (count !== 0xffff && size !== 0xffffffff && offset !== 0xffffffff) return { offset, size, count };

  // Zip64: the locator sits right before the classic record and points to the zip64 end record.
  const locatorAt = tailStart + at - 20;
  if (locatorAt < 0) throw spreadsheetError('corrupt');
  const locator = await readAt(handle, locatorAt, 20);
  if (locator.readUInt32LE(0) !== ZIP64_LOCATOR_SIGNATURE) throw spreadsheetError('corrupt');
  const record = await readAt(handle, u64(locator, 8), 56);
  if (record.readUInt32LE(0) !== ZIP64_EOCD_SIGNATURE) throw spreadsheetError('corrupt');
  return { count: u64(record, 32), size: u64(record, 40), offset: u64(record, 48) };
}

/** Zip64 extended information (header id 1) holds, in this order, whichever of the three fields were saturated. */
function applyZip64Extra(entry: ZipEntry, extra: Buffer): void {
  let at = 0;
  while (at + 4 <= extra.length) {
    const id = extra.readUInt16LE(at);
    const length = extra.readUInt16LE(at + 2);
    const body = extra.subarray(at + 4, at + 4 + length);
    if (id === 1) {
      let p = 0;
      const take = () => {
        if (p + 8 > body.length) throw spreadsheetError('corrupt');
        const v = u64(body, p);
        p += 8;
        return v;
      };
      if (entry.uncompressedSize === 0xffffffff) entry.uncompressedSize = take();
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = take();
      if (entry.localHeaderOffset === 0xffffffff) entry.localHeaderOffset = take();
      return;
    }
    at += 4 + length;
  }
}

export async function readZipDirectory(handle: FileHandle, fileSize: number): Promise<ZipEntry[]> {
  const dir = await findDirectory(handle, fileSize);
  if (dir.count > MAX_ZIP_ENTRIES) throw spreadsheetError('unsupported-format');
  if (dir.size > MAX_DIRECTORY_BYTES || dir.offset + dir.size > fileSize) throw spreadsheetError('corrupt');
  const table = await readAt(handle, dir.offset, dir.size);
  const entries: ZipEntry[] = [];
  let at = 0;
  for (let i = 0; i < dir.count; i++) {
    if (at + 46 > table.length || table.readUInt32LE(at) !== CENTRAL_SIGNATURE) throw spreadsheetError('corrupt');
    const nameLength = table.readUInt16LE(at + 28);
    const extraLength = table.readUInt16LE(at + 30);
    const commentLength = table.readUInt16LE(at + 32);
    const end = at + 46 + nameLength + extraLength + commentLength;
    if (end > table.length) throw spreadsheetError('corrupt');
    const entry: ZipEntry = {
      flags: table.readUInt16LE(at + 8),
      method: table.readUInt16LE(at + 10),
      crc32: table.readUInt32LE(at + 16),
      compressedSize: table.readUInt32LE(at + 20),
      uncompressedSize: table.readUInt32LE(at + 24),
      localHeaderOffset: table.readUInt32LE(at + 42),
      // Part names in an .xlsx are ASCII; bit 11 would say UTF-8, otherwise CP437 — both agree on ASCII.
      name: table.toString('utf8', at + 46, at + 46 + nameLength),
    };
    applyZip64Extra(entry, table.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength));
    entries.push(entry);
    at = end;
  }
  return entries;
}

/** Where an entry's compressed bytes start: after its local header, whose name and extra lengths may differ. */
export async function entryDataOffset(handle: FileHandle, entry: ZipEntry, fileSize: number): Promise<number> {
  if (entry.localHeaderOffset + 30 > fileSize) throw spreadsheetError('corrupt');
  const header = await readAt(handle, entry.localHeaderOffset, 30);
  if (header.readUInt32LE(0) !== LOCAL_SIGNATURE) throw spreadsheetError('corrupt');
  const start = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  if (start + entry.compressedSize > fileSize) throw spreadsheetError('corrupt');
  return start;
}
