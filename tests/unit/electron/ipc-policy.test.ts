import { afterEach, describe, expect, it } from 'vitest';
import { CHANNEL_NAMES } from '../../../src/shared/contract';
import {
  acceptedExtensions,
  acceptToFilters,
  checkInvoke,
  matchesAccept,
  MAX_PICK_BYTES,
  pickLimit,
  safeFileName,
  saveFilters,
  viewerFileName,
} from '../../../src/main/electron/ipc-policy';
import { setMainLanguage } from '../../../src/main/electron/messages';

const APP = { url: 'app://bangfu/index.html', isMainFrame: true };

describe('checkInvoke', () => {
  it('passes every contract channel from the app', () => {
    for (const channel of CHANNEL_NAMES) expect(checkInvoke(APP, channel), channel).toBeNull();
  });

  it('refuses channels outside the contract, including inherited object keys', () => {
    for (const channel of ['nope', '__proto__', 'constructor', 'toString', '', 42, null, undefined, { a: 1 }]) {
      expect(checkInvoke(APP, channel)).toEqual({ code: 'UNKNOWN_CHANNEL' });
    }
  });

  it('checks the sender before the channel', () => {
    const forbidden = { code: 'FORBIDDEN', params: { reason: 'sender' } };
    expect(checkInvoke({ url: 'https://evil.example/', isMainFrame: true }, 'system.status')).toEqual(forbidden);
    expect(checkInvoke({ url: 'app://bangfu/index.html', isMainFrame: false }, 'system.status')).toEqual(forbidden);
    expect(checkInvoke({ url: null, isMainFrame: true }, 'nope')).toEqual(forbidden);
  });

  it('accepts the dev server only when it is configured', () => {
    const dev = { url: 'http://localhost:5173/', isMainFrame: true };
    expect(checkInvoke(dev, 'system.status')).toEqual({ code: 'FORBIDDEN', params: { reason: 'sender' } });
    expect(checkInvoke(dev, 'system.status', 'http://localhost:5173')).toBeNull();
  });
});

describe('pick dialog filters', () => {
  it('turns accept into one filter of plain extensions', () => {
    expect(acceptToFilters(['.db', '.XLSX'])).toEqual([{ name: '支持的文件 (.db, .xlsx)', extensions: ['db', 'xlsx'] }]);
    expect(acceptedExtensions(['xlsx', '.xlsx', ' .csv '])).toEqual(['xlsx', 'csv']);
  });

  it('drops anything that is not a plain extension', () => {
    expect(acceptedExtensions(['*', '.tar.gz', 'image/*', '../x', '.a b', 7, null])).toEqual([]);
    expect(acceptToFilters(['image/*'])).toEqual([]);
    expect(acceptToFilters('not an array')).toEqual([]);
  });

  it('checks the chosen file against accept again', () => {
    expect(matchesAccept('名单.XLSX', ['.xlsx'])).toBe(true);
    expect(matchesAccept('backup.db', ['.db', '.xlsx'])).toBe(true);
    expect(matchesAccept('evil.exe', ['.xlsx'])).toBe(false);
    expect(matchesAccept('xlsx', ['.xlsx'])).toBe(false);
    expect(matchesAccept('.xlsx', ['.xlsx'])).toBe(false);
    expect(matchesAccept('anything.bin', [])).toBe(true);
  });

  it('caps the size limit at the host maximum', () => {
    expect(pickLimit(undefined)).toBe(MAX_PICK_BYTES);
    expect(pickLimit(1024)).toBe(1024);
    expect(pickLimit(MAX_PICK_BYTES * 10)).toBe(MAX_PICK_BYTES);
    for (const bad of [0, -1, Number.NaN, Number.POSITIVE_INFINITY, '5']) expect(pickLimit(bad)).toBe(MAX_PICK_BYTES);
  });
});

describe('file names we write', () => {
  it('removes separators, forbidden and control characters', () => {
    expect(safeFileName('..\\..\\Windows/system32:evil*?.pdf')).toBe('_.._Windows_system32_evil__.pdf');
    expect(safeFileName('a\u0000b\nc.pdf')).toBe('a_b_c.pdf');
    expect(safeFileName('  ..report.pdf.. ')).toBe('report.pdf');
    expect(safeFileName('帮扶工作台-恢复码.pdf')).toBe('帮扶工作台-恢复码.pdf');
  });

  it('avoids Windows device names and empty names, and keeps the extension when shortening', () => {
    expect(safeFileName('CON')).toBe('_CON');
    expect(safeFileName('nul.pdf')).toBe('_nul.pdf');
    expect(safeFileName('')).toBe('文档');
    expect(safeFileName(undefined)).toBe('文档');
    const long = safeFileName(`${'名'.repeat(300)}.pdf`);
    expect(long.length).toBe(120);
    expect(long.endsWith('.pdf')).toBe(true);
  });

  it('takes the viewer extension from the declared type, never from the name', () => {
    expect(viewerFileName('救助凭证.pdf', 'application/pdf')).toBe('救助凭证.pdf');
    expect(viewerFileName('run-me.exe', 'application/pdf')).toBe('run-me.pdf');
    expect(viewerFileName('名单', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')).toBe('名单.xlsx');
    expect(viewerFileName('x.pdf', 'application/x-msdownload')).toBeNull();
    expect(viewerFileName('x.html', 'text/html')).toBeNull();
    expect(viewerFileName('x', undefined)).toBeNull();
  });

  it('offers a save filter for the document type', () => {
    expect(saveFilters('凭证.pdf')).toEqual([{ name: 'PDF 文件', extensions: ['pdf'] }]);
    expect(saveFilters('no-extension')).toEqual([]);
  });

  it('names a nameless viewer copy after the fallback', () => {
    expect(viewerFileName('', 'application/pdf')).toBe('文档.pdf');
  });
});

describe('dialog filters and fallback names in English', () => {
  afterEach(() => setMainLanguage('zh-CN'));

  it('follow the main-process language', () => {
    setMainLanguage('en');
    expect(acceptToFilters(['.db', '.XLSX'])).toEqual([{ name: 'Supported files (.db, .xlsx)', extensions: ['db', 'xlsx'] }]);
    expect(saveFilters('report.pdf')).toEqual([{ name: 'PDF files', extensions: ['pdf'] }]);
    expect(safeFileName('')).toBe('document');
    expect(safeFileName('  ', 'fallback')).toBe('fallback');
    expect(viewerFileName('', 'application/pdf')).toBe('document.pdf');
    expect(viewerFileName('名单', 'text/csv')).toBe('名单.csv');
  });
});
