import { toHalfWidth } from './half-width';

/**
 * How a clerk's search box text is read (DOMAIN.md "Member roster"): part of a name in Chinese, pinyin or its
 * initials, the tail of an ID number, the start of an ID number or a phone number; anything else is looked for in
 * unit names and card numbers.
 */
export type MemberQuery =
  | { kind: 'all' }
  /** Chinese text: part of a name (any two characters included), or part of a unit's name. */
  | { kind: 'name'; text: string }
  /** Latin letters: the start of the full pinyin ("zhangs") or of the initials ("zs"). */
  | { kind: 'pinyin'; text: string }
  /** 4–6 characters, digits with an optional final X: the end of an ID number. */
  | { kind: 'id-suffix'; text: string }
  /** 7+ digits not shaped like a mobile number, or a whole ID: the start of an ID number. */
  | { kind: 'id-prefix'; text: string }
  /** 1[3-9] followed by digits, 7–11 long: the start of a mobile number. */
  | { kind: 'phone'; text: string }
  | { kind: 'text'; text: string };

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

export function classifyMemberQuery(raw: string): MemberQuery {
  const text = toHalfWidth(raw).trim().replace(/\s+/g, ' ');
  if (!text) return { kind: 'all' };
  if (HAN.test(text)) return { kind: 'name', text: text.replace(/\s/g, '') };
  const compact = text.replace(/[\s-]/g, '');
  if (/^[a-z]+$/i.test(compact)) return { kind: 'pinyin', text: compact.toLowerCase() };
  if (/^\d{3,5}[\dxX]$/.test(compact)) return { kind: 'id-suffix', text: compact.toUpperCase() };
  if (/^1[3-9]\d{5,9}$/.test(compact)) return { kind: 'phone', text: compact };
  if (/^\d{7,17}[\dxX]?$/.test(compact)) return { kind: 'id-prefix', text: compact.toUpperCase() };
  return { kind: 'text', text };
}
