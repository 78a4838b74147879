/**
 * 公民身份号码 (GB 11643-1999): 6-digit region code (GB/T 2260) + 8-digit birth date + 3-digit sequence (odd for
 * men) + check character (ISO 7064 MOD 11-2). Numbers issued before 1999 have 15 digits: a 2-digit year, no check
 * character; they are converted to 18 the way GB 11643 prescribes ("19" inserted, check character appended).
 */
import { formatIsoDate, isIsoDate, isRealDate } from './calendar';
import { toHalfWidth } from './half-width';
import { isKnownRegionCode, isProvinceCode } from './region-codes';

export type IdProblem =
  'EMPTY' | 'STORED_AS_NUMBER' | 'BAD_LENGTH' | 'BAD_CHARACTERS' | 'BAD_CHECKSUM' | 'BAD_BIRTH_DATE' | 'BAD_REGION_FORMAT';

export type IdWarning = 'UNKNOWN_REGION' | 'CONVERTED_FROM_15';

export type IdCheck =
  | {
      ok: true;
      /** Normalised, always 18 characters. */
      id: string;
      birthDate: string;
      gender: 'male' | 'female';
      regionCode: string;
      warnings: IdWarning[];
    }
  | { ok: false; problem: IdProblem };

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';
const EARLIEST_BIRTH = '1900-01-01';

/**
 * Clerks type and paste IDs with full-width digits, spaces, a lower-case x, and sometimes the Roman numeral Ⅹ
 * (U+2169) that some input methods offer for "X". Zero-width characters come along when copying from web pages.
 */
export function normalizeIdNumber(raw: string): string {
  return toHalfWidth(raw)
    .replace(/[\s\u200B-\u200D\u2060\uFEFF]/g, '')
    .replace(/[xⅩⅹ]/g, 'X');
}

/** GB 11643 check character of the first 17 digits: Σ(digit × weight) mod 11 indexes "10X98765432". */
export function idCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('idCheckChar needs 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/** Excel shows numbers of 12+ digits in scientific notation, and a CSV saved from it keeps that text. */
const SCIENTIFIC = /^[+-]?\d+(\.\d+)?E[+-]?\d+$/i;
/** A number formatted back to text with thousands separators or decimals: 440,106,199,001,011,000 or ….00. */
const FORMATTED_NUMBER = /^(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;

/**
 * Text that can only come from an ID stored as a number: Excel keeps 15 significant digits, so the last three of
 * an 18-digit number become 000, which then (almost always) fails the check character.
 */
function looksStoredAsNumber(id: string): boolean {
  if (SCIENTIFIC.test(id)) return true;
  if (FORMATTED_NUMBER.test(id) && /[,.]/.test(id)) return id.replace(/\D/g, '').length >= 15;
  return /^\d{15}000$/.test(id) && idCheckChar(id.slice(0, 17)) !== id[17];
}

/**
 * Checks and normalises an ID number. `today` (YYYY-MM-DD) bounds the birth date; it is a parameter because
 * domain rules never read the clock (docs/architecture.md §7). Problems are reported in the order that points the
 * clerk at the mistake: the shape first, then the province and birth date (a typo there also breaks the check
 * character, but "birth date" says where), then the check character.
 */
export function checkIdNumber(raw: string, today: string): IdCheck {
  if (!isIsoDate(today)) throw new RangeError('checkIdNumber needs today as YYYY-MM-DD');
  const text = normalizeIdNumber(raw);
  if (text === '') return { ok: false, problem: 'EMPTY' };
  if (looksStoredAsNumber(text)) return { ok: false, problem: 'STORED_AS_NUMBER' };
  if (!/^[0-9X]+$/.test(text)) return { ok: false, problem: 'BAD_CHARACTERS' };
  if (text.length !== 15 && text.length !== 18) return { ok: false, problem: 'BAD_LENGTH' };
  // X stands for 10 and is only the check character; 15-digit numbers have none.
  if (!/^\d{15}$|^\d{17}[\dX]$/.test(text)) return { ok: false, problem: 'BAD_CHARACTERS' };

  const warnings: IdWarning[] = [];
  const id = toEighteenDigits(text);
  if (text.length === 15) warnings.push('CONVERTED_FROM_15');

  const regionCode = id.slice(0, 6);
  if (!isProvinceCode(regionCode.slice(0, 2))) return { ok: false, problem: 'BAD_REGION_FORMAT' };

  const [year, month, day] = [Number(id.slice(6, 10)), Number(id.slice(10, 12)), Number(id.slice(12, 14))];
  if (!isRealDate(year, month, day)) return { ok: false, problem: 'BAD_BIRTH_DATE' };
  const birthDate = formatIsoDate(year, month, day);
  if (birthDate < EARLIEST_BIRTH || birthDate > today) return { ok: false, problem: 'BAD_BIRTH_DATE' };

  if (idCheckChar(id.slice(0, 17)) !== id[17]) return { ok: false, problem: 'BAD_CHECKSUM' };

  if (!isKnownRegionCode(regionCode)) warnings.push('UNKNOWN_REGION');
  return { ok: true, id, birthDate, gender: idNumberFacts(id).gender, regionCode, warnings };
}

/**
 * The raw text of an ID cell as a spreadsheet library gives it, or STORED_AS_NUMBER when Excel kept the ID as a
 * number: a double holds 15–17 significant digits and Excel only 15, so the last digits of an 18-digit ID are gone
 * and must never be imported (docs/domain.md "Member roster"). A 15-digit old ID survives as a number intact, so it
 * passes; a shorter number passes too and fails later with the length problem that it really has.
 */
export function idNumberFromSheetCell(value: unknown): { raw: string } | { problem: 'STORED_AS_NUMBER' } {
  if (value === null || value === undefined) return { raw: '' };
  if (typeof value === 'number' || typeof value === 'bigint') {
    const n = Number(value);
    if (Number.isFinite(n) && Math.abs(n) < 1e15) return { raw: String(n) };
    return { problem: 'STORED_AS_NUMBER' };
  }
  const raw = String(value);
  return looksStoredAsNumber(normalizeIdNumber(raw)) ? { problem: 'STORED_AS_NUMBER' } : { raw };
}

/** 440106********123X: region and last four stay readable for the clerk; the birth date is personal data. */
export function maskIdNumber(id: string): string {
  const text = normalizeIdNumber(id);
  if (text.length <= 10) return '*'.repeat(text.length);
  return text.slice(0, 6) + '*'.repeat(text.length - 10) + text.slice(-4);
}

/**
 * What a masked view of an ID number may carry beside the mask: gender (the sequence's parity, visible anyway) and
 * the birth year, never the birth date. The mask shows the region, the sequence and the check character; with the
 * year known, month and day stay hidden: 365 or 366 dates, of which the check character leaves 32 to 35 in every
 * year 1900–2099 (tests/unit/id-masking.test.ts counts them). A birth date beside the mask would leave one: the
 * whole number, without the logged reveal (docs/architecture.md §5). Age is not given: it changes on the birthday,
 * so watching it would tell the day.
 */
export function maskedIdView(id: string): { idNumberMasked: string; gender: 'male' | 'female'; birthYear: number } {
  return { idNumberMasked: maskIdNumber(id), gender: idNumberFacts(id).gender, birthYear: Number(id.slice(6, 10)) };
}

/**
 * Gender and birth date are read from the 18-character ID number (GB 11643), not stored. The date is for what may
 * carry the whole number (the 申报表); a masked view gives the year only (maskedIdView).
 */
export function idNumberFacts(idNumber: string): { gender: 'male' | 'female'; birthDate: string } {
  return {
    gender: Number(idNumber[16]) % 2 === 1 ? 'male' : 'female',
    birthDate: `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`,
  };
}

/** A 15-digit number as GB 11643 makes it 18 ("19" inserted, check character appended); 18 characters as they are. */
export function toEighteenDigits(id: string): string {
  if (!/^\d{15}$/.test(id)) return id;
  const first17 = `${id.slice(0, 6)}19${id.slice(6)}`;
  return first17 + idCheckChar(first17);
}

const NORMALISED_ID = /^\d{17}[\dX]$/;
const DIGIT_0 = 48;
/** The province-level codes (two digits), read once from the region table. */
let provinces: Set<string> | undefined;

/** The number the digits at [from, to) of a text known to be digits spell. */
function digitsAt(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + text.charCodeAt(i) - DIGIT_0;
  return n;
}

/**
 * Whether an ID number that should arrive already normalised (an exchange batch carries the centre's stored
 * number) is valid on `today`: the same verdict as `checkIdNumber(id, today)` being ok with `id` unchanged, in a
 * fraction of its time (a batch carries a million of them). No normalising, no warnings, no facts: the shape, the
 * province, a real birth date from 1900 to today, and the check character.
 */
export function isValidNormalizedIdNumber(id: string, today: string): boolean {
  if (!NORMALISED_ID.test(id)) return false;
  provinces ??= new Set(Array.from({ length: 100 }, (_, n) => String(n).padStart(2, '0')).filter(isProvinceCode));
  if (!provinces.has(id.slice(0, 2))) return false;
  const [year, month, day] = [digitsAt(id, 6, 10), digitsAt(id, 10, 12), digitsAt(id, 12, 14)];
  if (year < 1900 || !isRealDate(year, month, day)) return false;
  // today is YYYY-MM-DD: its digits as one number compare the way the dates do.
  const born = year * 10_000 + month * 100 + day;
  if (born > digitsAt(today, 0, 4) * 10_000 + digitsAt(today, 5, 7) * 100 + digitsAt(today, 8, 10)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (id.charCodeAt(i) - DIGIT_0) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11] === id[17];
}
