import { toHalfWidth } from '@shared/domain/half-width';
import type { CellValue } from './types';

/**
 * Cell text as later stages compare and store it. Spreadsheets from grassroots unions carry what Chinese input
 * methods type — full-width digits and letters (１３８ｘ), ideographic spaces, padding inside names (张  三) —
 * and what copy-paste leaves: trailing spaces, line breaks, no-break spaces.
 */

/** The shared rule (full-width ASCII → half-width, U+3000 → space), re-exported for this stage's callers. */
export { toHalfWidth };

/** Any run of whitespace (spaces, tabs, line breaks, U+3000, U+00A0, zero-width space) becomes one space. */
const WHITESPACE_RUN = /[\s\u200B\uFEFF]+/g;

/**
 * Trim, collapse internal whitespace to one space, full-width → half-width. Empty → null.
 *
 * The whole full-width block is folded, including ，（）：；！？ — Chinese input methods type these as the full-width
 * twins of ASCII, and folding them makes 示例厂（一分厂） and 示例厂(一分厂) the same unit. Chinese punctuation that has
 * no ASCII twin (。、“”《》·) is not in that block and is kept as typed.
 */
export function normalizeText(text: string): string | null {
  const out = toHalfWidth(text).replace(WHITESPACE_RUN, ' ').trim();
  return out === '' ? null : out;
}

const CJK = '\\u3400-\\u4DBF\\u4E00-\\u9FFF\\uF900-\\uFAFF\\u{20000}-\\u{3134F}';
const SPACE_BETWEEN_CJK = new RegExp(`(?<=[${CJK}]) (?=[${CJK}])`, 'gu');
/** Separators typed inside transliterated minority names (阿依古丽·买买提): middle dots of several codes, full stops. */
const NAME_DOTS = /\s*[.·•‧∙⋅・･﹒\uFF0E\u00B7\u2022\u2027\u30FB\uFF65]\s*/g;

/**
 * A person's name. On top of normalizeText: spaces between two Chinese characters are padding (张  三 → 张三, the
 * way clerks align two-character names) and go; a space next to a Latin letter stays (王 Anna); every middle-dot or
 * full-stop variant (．・•‧ and the like) becomes U+00B7 "·", the separator ID cards use in transliterated names.
 * Any other punctuation in a name is left for validation to see and reject, not silently removed.
 */
export function normalizeName(text: string): string | null {
  const base = normalizeText(text);
  if (base === null) return null;
  const out = base.replace(SPACE_BETWEEN_CJK, '').replace(NAME_DOTS, '·');
  return out === '' ? null : out;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * Any cell as normalised text, for columns whose meaning is text (unit, union, note) and for showing a rejected row.
 * Numbers print in full without grouping (4.40106199001011E+17 prints as 440106199001011000 — callers that must know
 * a value was a number look at the CellValue, not at this text); dates print as YYYY-MM-DD, with the time when
 * there is one.
 */
export function cellText(value: CellValue): string | null {
  if (value === null) return null;
  if (typeof value === 'string') return normalizeText(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  const day = `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  const seconds = value.getUTCHours() * 3600 + value.getUTCMinutes() * 60 + value.getUTCSeconds();
  return seconds === 0 ? day : `${day} ${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}:${pad(value.getUTCSeconds())}`;
}

/**
 * A copy of `text` that holds nothing else in memory. A substring of 13 characters or more is, in V8, a view into
 * the string it was cut from: an ID number kept from a cell kept the whole 26 KB chunk of sheet XML it came in,
 * and a 300,000-row import held 230 MB of them. Use for what an import keeps until its end.
 */
export function detached(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
}
