import type { Sqlite } from '../../db/client';

/**
 * The serials printed on aid documents (docs/domain.md "Printed documents"): yearly per office, gap-free, never
 * reused. A voucher's is given at approval (2027-000123), a certificate's when it is first printed (Z2027-000001).
 * Taken inside the caller's write transaction (BEGIN IMMEDIATE), like file numbers (hardship/file-number.ts), so
 * two programs on one database never get the same serial, and a rolled-back approval's serial was never seen.
 */
export type SerialKind = 'voucher' | 'certificate';

const PREFIX: Record<SerialKind, string> = { voucher: '', certificate: 'Z' };
const MAX_PER_YEAR = 999_999;

/** Takes `count` serials at once (a batch's approval) and returns the first number; they run first … first+count−1. */
export function takeSerials(sqlite: Sqlite, kind: SerialKind, year: number, count: number): number {
  const { last } = sqlite
    .prepare(
      `INSERT INTO document_serials (kind, year, last) VALUES (?, ?, ?)
       ON CONFLICT (kind, year) DO UPDATE SET last = last + excluded.last RETURNING last`,
    )
    .get(kind, year, count) as { last: number };
  if (last > MAX_PER_YEAR) throw new RangeError(`more than ${MAX_PER_YEAR} ${kind} serials in one year`);
  return last - count + 1;
}

export function formatSerial(kind: SerialKind, year: number, n: number): string {
  return `${PREFIX[kind]}${year}-${String(n).padStart(6, '0')}`;
}

/** 2027-000123 or Z2027-000001 → its parts; null for anything else. */
export function parseSerial(text: string): { kind: SerialKind; year: number; n: number } | null {
  const match = /^(Z?)(\d{4})-(\d{6})$/.exec(text.trim().toUpperCase());
  if (!match) return null;
  return { kind: match[1] ? 'certificate' : 'voucher', year: Number(match[2]), n: Number(match[3]) };
}
