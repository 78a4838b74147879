/**
 * Chinese telephone numbers as rosters write them (numbering plan of the 电信网编号计划):
 * - mobile: 11 digits 1[3-9]xxxxxxxxx, sometimes after the country code (+86, 0086, 86);
 * - landline: trunk prefix 0 + area code + a 7–8 digit local number that starts with 2–9, optionally an extension.
 *   Area codes are 10 and 20–29 (two digits: 北京, 广州, 上海 …) or three digits starting with 3–9, so the digits
 *   alone tell where the area code ends. Landlines are kept as 010-87654321 or 010-87654321-1234.
 */
import { toHalfWidth } from './half-width';

export type PhoneCheck = { ok: true; phone: string; kind: 'mobile' | 'landline' } | { ok: false; problem: 'BAD_PHONE' };

const MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE = /^0(10|2\d|[3-9]\d{2})([2-9]\d{6,7})$/;
const DASHES = /[-\u2010-\u2015\u2212]/g;
const SEPARATORS = /[\s()\-\u2010-\u2015\u2212]/g;
/** 010-87654321转1234, 分机1234, ext. 1234, x1234, #1234. */
const EXTENSION_WORD = /^(.*?)\s*(?:转|分机|ext\.?|x|#)\s*(\d{1,6})$/i;

function cleaned(raw: string): string {
  return toHalfWidth(raw).replace(SEPARATORS, '');
}

/** The national number, country code removed; undefined when the text is not digits with an optional +. */
function national(digits: string): { number: string; international: boolean } | undefined {
  if (!/^\+?\d+$/.test(digits)) return undefined;
  const prefixed = /^(?:\+86|0086)(\d+)$/.exec(digits);
  if (prefixed) return { number: prefixed[1]!, international: true };
  if (digits.startsWith('+')) return undefined;
  // A bare 86 only in front of a mobile: 86 + 10 digits could also be a local number.
  if (/^86(1[3-9]\d{9})$/.test(digits)) return { number: digits.slice(2), international: true };
  return { number: digits, international: false };
}

function landline(digits: string, extension: string): string | undefined {
  const n = national(digits);
  if (!n) return undefined;
  // In international form the trunk 0 is dropped: +86 10 87654321.
  const number = n.international && !n.number.startsWith('0') ? `0${n.number}` : n.number;
  const m = LANDLINE.exec(number);
  if (!m) return undefined;
  return `0${m[1]}-${m[2]}${extension ? `-${extension}` : ''}`;
}

function parse(raw: string): { phone: string; kind: 'mobile' | 'landline' } | undefined {
  const text = toHalfWidth(raw).trim();
  const word = EXTENSION_WORD.exec(text);
  const main = word ? word[1]! : text;
  const extension = word ? word[2]! : '';
  const digits = main.replace(SEPARATORS, '');

  const n = national(digits);
  if (n && !extension && MOBILE.test(n.number)) return { phone: n.number, kind: 'mobile' };

  const whole = landline(digits, extension);
  if (whole) return { phone: whole, kind: 'landline' };

  // 010-87654321-1234: the last dash-separated group is an extension when what stands before it is a landline.
  const groups = main.split(DASHES);
  const last = groups.pop()?.trim() ?? '';
  if (!extension && groups.length > 0 && /^\d{1,6}$/.test(last)) {
    const withExtension = landline(groups.join('').replace(SEPARATORS, ''), last);
    if (withExtension) return { phone: withExtension, kind: 'landline' };
  }
  return undefined;
}

/** The canonical form of a phone number (13800138000, 010-87654321), or the text without separators. */
export function normalizePhone(raw: string): string {
  return parse(raw)?.phone ?? cleaned(raw);
}

export function checkPhone(raw: string): PhoneCheck {
  const parsed = parse(raw);
  return parsed ? { ok: true, ...parsed } : { ok: false, problem: 'BAD_PHONE' };
}
