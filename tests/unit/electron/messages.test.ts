import { afterEach, describe, expect, it } from 'vitest';
import {
  en,
  getMainLanguage,
  interpolate,
  languageForLocale,
  MAIN_CATALOGUES,
  mainText,
  setMainLanguage,
  zhCN,
} from '../../../src/main/electron/messages';

/** Every leaf of a catalogue as [dotted key, text]. */
function leaves(node: unknown, prefix = ''): [string, unknown][] {
  if (typeof node !== 'object' || node === null) return [[prefix, node]];
  return Object.entries(node).flatMap(([key, value]) => leaves(value, prefix ? `${prefix}.${key}` : key));
}
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

afterEach(() => setMainLanguage('zh-CN'));

describe('the main-process catalogues', () => {
  it('en has exactly the keys of zh-CN, every one a non-empty string', () => {
    const zhKeys = leaves(zhCN)
      .map(([key]) => key)
      .sort();
    expect(
      leaves(en)
        .map(([key]) => key)
        .sort(),
    ).toEqual(zhKeys);
    for (const [key, text] of [...leaves(zhCN), ...leaves(en)]) {
      expect(typeof text, key).toBe('string');
      expect((text as string).trim(), key).not.toBe('');
    }
  });

  it('en uses the same placeholders as zh-CN and has no Chinese left in it', () => {
    const zh = new Map(leaves(zhCN) as [string, string][]);
    for (const [key, text] of leaves(en) as [string, string][]) {
      expect(placeholders(text), key).toEqual(placeholders(zh.get(key)!));
      expect(text, key).not.toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('registers both languages', () => {
    expect(Object.keys(MAIN_CATALOGUES).sort()).toEqual(['en', 'zh-CN']);
  });
});

describe('mainText', () => {
  it('speaks zh-CN by default and en once chosen', () => {
    expect(getMainLanguage()).toBe('zh-CN');
    expect(mainText('menu.file')).toBe('文件');
    setMainLanguage('en');
    expect(getMainLanguage()).toBe('en');
    expect(mainText('menu.file')).toBe('File');
    expect(mainText('app.name')).toBe('Bangfu Desk');
  });

  it('fills in {placeholders}', () => {
    expect(mainText('files.typeFilter', { type: 'PDF' })).toBe('PDF 文件');
    expect(mainText('menu.aboutDetail', { version: '1.2.3', electron: '45.4.1' })).toBe('版本 1.2.3\nElectron 45.4.1');
    setMainLanguage('en');
    expect(mainText('files.supportedFilter', { extensions: '.db, .xlsx' })).toBe('Supported files (.db, .xlsx)');
  });

  it('leaves unknown placeholders alone and does not re-read the values it inserts', () => {
    expect(interpolate('{a} and {b}', { a: 1 })).toBe('1 and {b}');
    expect(interpolate('{a}', { a: '{b} $& $1', b: 'x' })).toBe('{b} $& $1');
    expect(interpolate('{toString}', {})).toBe('{toString}');
    expect(interpolate('no params {a}')).toBe('no params {a}');
    expect(mainText('app.startFailedDetail', { detail: 'disk {full}' })).toContain('disk {full}');
  });
});

describe('languageForLocale', () => {
  it('gives zh-CN to Chinese of any region or script', () => {
    for (const locale of ['zh', 'zh-CN', 'zh-TW', 'zh-HK', 'zh-Hans-CN', 'zh_CN.UTF-8', 'ZH-cn', ' zh-SG ']) {
      expect(languageForLocale(locale), locale).toBe('zh-CN');
    }
  });

  it('gives en to any other language', () => {
    for (const locale of ['en-US', 'en', 'en_GB.UTF-8', 'fr-CA', 'ug-CN', 'C', 'POSIX']) {
      expect(languageForLocale(locale), locale).toBe('en');
    }
  });

  it('keeps the default (zh-CN) when the OS says nothing', () => {
    expect(languageForLocale('')).toBe('zh-CN');
    expect(languageForLocale('   ')).toBe('zh-CN');
    expect(languageForLocale(undefined)).toBe('zh-CN');
    expect(languageForLocale(null)).toBe('zh-CN');
  });
});
