import { toHalfWidth } from './half-width';
import { toEighteenDigits } from './id-number';

/**
 * How a clerk's search box text is read (docs/domain.md "Member roster"): part of a name in Chinese, pinyin or its
 * initials, a whole ID number or its tail, the start of an ID number (for a role that may reveal one) or a phone
 * number; anything else is looked for in unit names and card numbers.
 */
export type MemberQuery =
  | { kind: 'all' }
  /** Chinese text: part of a name (any two characters included), or part of a unit's name. */
  | { kind: 'name'; text: string }
  /** Latin letters: the start of the full pinyin ("zhangs") or of the initials ("zs"). */
  | { kind: 'pinyin'; text: string }
  /** 4–6 characters, digits with an optional final X: the end of an ID number (only 4 for a role without reveal). */
  | { kind: 'id-suffix'; text: string }
  /** A whole ID number, 18 characters (or 15, converted): that member exactly. */
  | { kind: 'id-whole'; text: string }
  /** 7–17 digits not shaped like a mobile number: the start of an ID number, for a role that may reveal one. */
  | { kind: 'id-prefix'; text: string }
  /**
   * Part of an ID number that a role without reveal may not search by (a start, or a tail longer than the 4 the
   * mask shows): answered with nothing, so that growing it digit by digit cannot read the hidden digits.
   */
  | { kind: 'id-partial' }
  /** 1[3-9] followed by digits, 7–11 long: the start of a mobile number. */
  | { kind: 'phone'; text: string }
  | { kind: 'text'; text: string };

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

/**
 * 15 digits whose characters 7–12 are a date (YYMMDD): a number of the old kind, searched as its 18-digit form. The
 * first 15 of an 18-digit number being typed are not (their 9th–10th characters, the year's end, are not a month).
 */
function isOldIdNumber(text: string): boolean {
  if (!/^\d{15}$/.test(text)) return false;
  const [month, day] = [Number(text.slice(8, 10)), Number(text.slice(10, 12))];
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/** The tail the mask shows (440106********123X): searching by it tells nothing the list does not show. */
export const VISIBLE_ID_TAIL = 4;

/**
 * `mayRevealIds`: whether the role may see a full number (roster.revealId). Without it, only what the mask shows
 * (the last 4) or a whole number answers: a longer tail reads the birth day, a start reads the birth date — a viewer
 * rebuilt a full number in 53 searches by growing a start and reading the totals (docs/architecture.md §5).
 */
export function classifyMemberQuery(raw: string, options: { mayRevealIds: boolean }): MemberQuery {
  const text = toHalfWidth(raw).trim().replace(/\s+/g, ' ');
  if (!text) return { kind: 'all' };
  if (HAN.test(text)) return { kind: 'name', text: text.replace(/\s/g, '') };
  const compact = text.replace(/[\s-]/g, '');
  if (/^[a-z]+$/i.test(compact)) return { kind: 'pinyin', text: compact.toLowerCase() };
  if (/^\d{3,5}[\dxX]$/.test(compact)) {
    if (!options.mayRevealIds && compact.length > VISIBLE_ID_TAIL) return { kind: 'id-partial' };
    return { kind: 'id-suffix', text: compact.toUpperCase() };
  }
  if (/^1[3-9]\d{5,9}$/.test(compact)) return { kind: 'phone', text: compact };
  if (/^\d{17}[\dxX]$/.test(compact) || isOldIdNumber(compact)) return { kind: 'id-whole', text: toEighteenDigits(compact.toUpperCase()) };
  if (/^\d{7,17}[\dxX]?$/.test(compact)) {
    return options.mayRevealIds ? { kind: 'id-prefix', text: compact.toUpperCase() } : { kind: 'id-partial' };
  }
  return { kind: 'text', text };
}
