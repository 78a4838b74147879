import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { afterEach, expect } from 'vitest';
import { AppError } from '@shared/errors';
import { readSpreadsheet, type OpenOptions } from '../../../src/main/core/features/roster/import';
import type { SheetData } from '../../../src/main/core/features/roster/import/types';

export const FIXTURES = resolve('tests/fixtures/roster');
export const fixture = (name: string) => join(FIXTURES, name);

/** The synthetic people the fixtures were made from (scripts/make-roster-fixtures.mjs writes this file too). */
export interface Person {
  name: string;
  gender: string;
  birth: string;
  id: string;
  phone: string;
  unit: string;
  union: string;
  joined: string;
  card: string;
}
export const PEOPLE: Person[] = JSON.parse(readFileSync(fixture('people.json'), 'utf8'));

export const LIMITS: OpenOptions = { maxBytes: 10 * 1024 * 1024 };

/** A fixture by name, or any file by absolute path. */
export function read(name: string, options: Partial<OpenOptions> = {}): Promise<SheetData> {
  return readSpreadsheet(isAbsolute(name) ? name : fixture(name), { ...LIMITS, ...options });
}

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'roster-import-test-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export function tempFile(name: string, content: string | Uint8Array): string {
  const path = join(tempDir(), name);
  writeFileSync(path, content);
  return path;
}

/** Asserts the AppError a read fails with: its code and, for INVALID_INPUT, params.reason (or any params given). */
export async function expectReadError(promise: Promise<unknown>, code: string, params?: Record<string, unknown>): Promise<void> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, 'the read should have failed').toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  if (params) expect((error as AppError).params).toMatchObject(params);
}

// ---------------------------------------------------------------------------------------------------------------
// A tiny zip writer for hostile .xlsx files: every field can be made to lie.

export interface ZipPart {
  name: string;
  data: string | Buffer;
  /** Stored instead of deflated. */
  store?: boolean;
  /** Override what the directory declares. */
  declaredSize?: number;
  declaredCrc?: number;
  flags?: number;
  method?: number;
}

export function makeZip(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const raw = Buffer.isBuffer(part.data) ? part.data : Buffer.from(part.data);
    const body = part.store ? raw : deflateRawSync(raw);
    const name = Buffer.from(part.name);
    const crc = part.declaredCrc ?? crc32(raw);
    const size = part.declaredSize ?? raw.length;
    const method = part.method ?? (part.store ? 0 : 8);
    const flags = part.flags ?? 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(flags, 8);
    dir.writeUInt16LE(method, 10);
    dir.writeUInt32LE(crc >>> 0, 16);
    dir.writeUInt32LE(body.length, 20);
    dir.writeUInt32LE(size, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    central.push(dir, name);
    offset += local.length + name.length + body.length;
  }
  const centralBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(centralBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, centralBytes, end]);
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The smallest workbook exceljs accepts, with the given sheet XML (rows of inline strings by default). */
export function minimalXlsxParts(sheetXml: string, extra: ZipPart[] = []): ZipPart[] {
  return [
    {
      name: '[Content_Types].xml',
      data: '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    },
    { name: 'xl/worksheets/sheet1.xml', data: sheetXml },
    {
      name: 'xl/workbook.xml',
      data: `<?xml version="1.0"?><workbook xmlns="${NS}" xmlns:r="${REL_NS}"><sheets><sheet name="名册" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    },
    ...extra,
  ];
}

export function sheetXml(rows: string[][]): string {
  const body = rows
    .map(
      (cells, r) =>
        `<row r="${r + 1}">${cells.map((v, c) => `<c r="${String.fromCharCode(65 + c)}${r + 1}" t="inlineStr"><is><t>${v}</t></is></c>`).join('')}</row>`,
    )
    .join('');
  return `<?xml version="1.0"?><worksheet xmlns="${NS}"><sheetData>${body}</sheetData></worksheet>`;
}
