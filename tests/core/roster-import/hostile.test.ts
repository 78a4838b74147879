import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openSpreadsheet } from '../../../src/main/core/features/roster/import';
import { LIMITS, expectReadError, fixture, makeZip, minimalXlsxParts, read, sheetXml, tempDir, tempFile } from './support';

/**
 * Files from outside are hostile input (ARCHITECTURE §4): every one of these must end in a clear AppError — never
 * a crash, a hang, or memory and disk filled by what a small file unpacks to.
 */

const MiB = 1024 * 1024;

/** A worksheet that inflates to `bytes` of XML (mostly whitespace between rows): a few KB compressed. */
function bloatedSheet(bytes: number): string {
  const head = sheetXml([['姓名'], ['测试张三']]).replace('</sheetData>', '');
  return `${head}${' '.repeat(bytes - head.length - 30)}</sheetData></worksheet>`;
}

describe('refused before parsing', () => {
  it('refuses a file over maxBytes from its size alone (garbage inside is never looked at)', async () => {
    const path = tempFile('huge.xlsx', Buffer.alloc(4096, 0x5a));
    await expectReadError(read(path, { maxBytes: 1000 }), 'FILE_TOO_LARGE', { maxBytes: 1000 });
  });

  it('says FILE_NOT_FOUND for a missing file', async () => {
    await expectReadError(read('/nonexistent/roster.xlsx'), 'FILE_NOT_FOUND');
    await expectReadError(read(tempDir()), 'FILE_NOT_FOUND'); // a folder is not a file
  });

  it('refuses a text file renamed to .xlsx (committed fixture) as a format mismatch', async () => {
    await expectReadError(read('renamed-text.xlsx'), 'INVALID_INPUT', { reason: 'format-mismatch' });
  });

  it('refuses an HTML table saved "as Excel" by a web system', async () => {
    const path = tempFile('export.xls', '<html><body><table><tr><td>姓名</td></tr></table></body></html>');
    await expectReadError(read(path), 'INVALID_INPUT', { reason: 'format-mismatch' });
  });

  it('refuses binary files that are no spreadsheet, whatever their name', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    await expectReadError(read(tempFile('photo.csv', png)), 'INVALID_INPUT', { reason: 'unsupported-format' });
    await expectReadError(read(tempFile('scan.csv', '%PDF-1.7\n')), 'INVALID_INPUT', { reason: 'unsupported-format' });
    await expectReadError(read(tempFile('data.bin', Buffer.from('a\0b\0\0\0c'))), 'INVALID_INPUT', { reason: 'unsupported-format' });
    await expectReadError(read(tempFile('roster.docx', 'text')), 'INVALID_INPUT', { reason: 'unsupported-format' });
  });

  it('takes the content over the name: a real .xlsx called .csv is read as a workbook', async () => {
    const path = tempFile('roster.csv', readFileSync(fixture('roster-title.xlsx')));
    expect((await read(path)).format).toBe('xlsx');
  });
});

describe('zip-bomb-ish .xlsx', () => {
  it('refuses a worksheet whose declared unpacked size exceeds maxUnzippedBytes, before inflating it', async () => {
    const path = tempFile('bomb.xlsx', makeZip(minimalXlsxParts(bloatedSheet(20 * MiB))));
    expect(readFileSync(path).length).toBeLessThan(100 * 1024);
    await expectReadError(read(path, { maxUnzippedBytes: 8 * MiB }), 'FILE_TOO_LARGE', { maxUnzippedBytes: 8 * MiB });
  });

  it('stops a worksheet that inflates past the size its directory declares (a lying bomb)', async () => {
    const parts = minimalXlsxParts(bloatedSheet(20 * MiB)).map((p) => (p.name.includes('sheet1') ? { ...p, declaredSize: 4096 } : p));
    await expectReadError(read(tempFile('liar.xlsx', makeZip(parts)), { maxUnzippedBytes: 8 * MiB }), 'INVALID_INPUT', {
      reason: 'corrupt',
    });
  });

  it('refuses shared strings larger than maxPartBytes', async () => {
    const sst = `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${'<si><t>x</t></si>'.repeat(200_000)}</sst>`;
    const path = tempFile('sst.xlsx', makeZip(minimalXlsxParts(sheetXml([['a']]), [{ name: 'xl/sharedStrings.xml', data: sst }])));
    await expectReadError(read(path, { maxPartBytes: MiB }), 'FILE_TOO_LARGE', { maxPartBytes: MiB });
  });

  it('never inflates parts it does not need (a bomb in an image is ignored)', async () => {
    const bomb = { name: 'xl/media/image1.png', data: Buffer.alloc(50 * MiB) };
    const path = tempFile('image-bomb.xlsx', makeZip(minimalXlsxParts(sheetXml([['姓名'], ['测试张三']]), [bomb])));
    const data = await read(path, { maxUnzippedBytes: MiB });
    expect(data.rows).toHaveLength(2);
  });

  it('catches a CRC mismatch as corrupt', async () => {
    const parts = minimalXlsxParts(sheetXml([['姓名']])).map((p) => (p.name.includes('sheet1') ? { ...p, declaredCrc: 12345 } : p));
    await expectReadError(read(tempFile('crc.xlsx', makeZip(parts))), 'INVALID_INPUT', { reason: 'corrupt' });
  });

  it('refuses encrypted zip entries and unknown compression methods', async () => {
    const encrypted = minimalXlsxParts(sheetXml([['a']])).map((p) => (p.name.includes('sheet1') ? { ...p, flags: 1 } : p));
    await expectReadError(read(tempFile('enc.xlsx', makeZip(encrypted))), 'INVALID_INPUT', { reason: 'encrypted' });
    const lzma = minimalXlsxParts(sheetXml([['a']])).map((p) => (p.name.includes('sheet1') ? { ...p, method: 14 } : p));
    await expectReadError(read(tempFile('lzma.xlsx', makeZip(lzma))), 'INVALID_INPUT', { reason: 'unsupported-format' });
  });

  it('refuses a truncated .xlsx (a copy cut short on a USB stick) as corrupt', async () => {
    const bytes = readFileSync(fixture('roster-title.xlsx'));
    await expectReadError(read(tempFile('cut.xlsx', bytes.subarray(0, bytes.length >> 1))), 'INVALID_INPUT', { reason: 'corrupt' });
  });

  it('refuses garbage after a zip signature as corrupt', async () => {
    const path = tempFile('garbage.xlsx', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(2000, 0x33)]));
    await expectReadError(read(path), 'INVALID_INPUT', { reason: 'corrupt' });
  });

  it('refuses deflate data that is not deflate as corrupt', async () => {
    const parts = minimalXlsxParts(sheetXml([['a']])).map((p) =>
      p.name.includes('sheet1') ? { ...p, data: Buffer.alloc(300, 0xff), store: true, method: 8 } : p,
    );
    await expectReadError(read(tempFile('bad-deflate.xlsx', makeZip(parts))), 'INVALID_INPUT', { reason: 'corrupt' });
  });

  it('refuses malformed worksheet XML as corrupt', async () => {
    const path = tempFile(
      'bad-xml.xlsx',
      makeZip(
        minimalXlsxParts('<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></row></c></sheetData></worksheet>'),
      ),
    );
    await expectReadError(read(path), 'INVALID_INPUT', { reason: 'corrupt' });
  });

  it('refuses a worksheet whose XML stops mid-way (a faulty writer, CRC intact) instead of losing its last rows', async () => {
    const cut = sheetXml([['姓名'], ['测试张三'], ['测试李四']]).replace(
      /<row r="3">.*$/,
      '<row r="3"><c r="A3" t="inlineStr"><is><t>测试',
    );
    await expectReadError(read(tempFile('cut-xml.xlsx', makeZip(minimalXlsxParts(cut)))), 'INVALID_INPUT', { reason: 'corrupt' });
  });

  it('refuses other zipped documents (.ods, .docx) as unsupported, and a workbook without rows as empty', async () => {
    const ods = makeZip([
      { name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet', store: true },
      { name: 'content.xml', data: '<x/>' },
    ]);
    await expectReadError(read(tempFile('roster.xlsx', ods)), 'INVALID_INPUT', { reason: 'unsupported-format' });
    const docx = makeZip([{ name: 'word/document.xml', data: '<x/>' }]);
    await expectReadError(read(tempFile('letter.xlsx', docx)), 'INVALID_INPUT', { reason: 'unsupported-format' });
    const empty = makeZip(minimalXlsxParts(sheetXml([])));
    await expectReadError(read(tempFile('empty.xlsx', empty)), 'INVALID_INPUT', { reason: 'empty' });
  });

  it('refuses a sheet with more rows than maxRows while streaming', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => [`r${i}`]);
    const path = tempFile('rows.xlsx', makeZip(minimalXlsxParts(sheetXml(rows))));
    const source = await openSpreadsheet(path, { ...LIMITS, maxRows: 20 });
    const read = async () => {
      for await (const _ of source.rows) void _;
    };
    await expectReadError(read(), 'FILE_TOO_LARGE', { maxRows: 20 });
  });
});
