import { readFileSync } from 'node:fs';
import { CFB } from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { PEOPLE, expectReadError, fixture, read, tempFile } from './support';

const utcDate = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

describe('xls reader (BIFF8 written by LibreOffice)', () => {
  it('reads the same titled roster as the .xlsx, row for row', async () => {
    const xls = await read('roster-title.xls');
    const xlsx = await read('roster-title.xlsx');
    expect(xls.format).toBe('xls');
    expect(xls.sheetName).toBe('会员名册');
    expect(xls.rows).toEqual(xlsx.rows);
  });

  it('keeps types: cached formula results, dates, text IDs', async () => {
    const rows = (await read('roster-title.xls')).rows;
    expect(rows[0]!.cells).toEqual(['示例公司工会会员名册（2024年度）']);
    const first = rows[2]!.cells;
    expect(first[0]).toBe(1);
    expect(first[1]).toBe('测试张三');
    expect(first[3]).toBe(PEOPLE[0]!.id);
    expect(first[4]).toEqual(utcDate(PEOPLE[0]!.birth));
  });

  it('refuses an OLE2 file that is not a workbook (a Word document) as an unsupported format', async () => {
    const cfb = CFB.utils.cfb_new();
    CFB.utils.cfb_add(cfb, '/WordDocument', Buffer.from('not a workbook'));
    const path = tempFile('letter.xls', CFB.write(cfb, { type: 'buffer' }) as Buffer);
    await expectReadError(read(path), 'INVALID_INPUT', { reason: 'unsupported-format' });
  });

  it('refuses a password-protected workbook as encrypted', async () => {
    // Office wraps an encrypted .xlsx in an OLE2 file with these two streams.
    const cfb = CFB.utils.cfb_new();
    CFB.utils.cfb_add(cfb, '/EncryptionInfo', Buffer.alloc(64, 1));
    CFB.utils.cfb_add(cfb, '/EncryptedPackage', Buffer.alloc(64, 2));
    const path = tempFile('locked.xlsx', CFB.write(cfb, { type: 'buffer' }) as Buffer);
    await expectReadError(read(path), 'INVALID_INPUT', { reason: 'encrypted' });
  });

  it('refuses a damaged .xls as corrupt, not with a crash', async () => {
    const bytes = readFileSync(fixture('roster-title.xls'));
    const damaged = Buffer.concat([bytes.subarray(0, 512), Buffer.alloc(bytes.length - 512, 0xff)]);
    await expectReadError(read(tempFile('damaged.xls', damaged)), 'INVALID_INPUT');
  });
});
