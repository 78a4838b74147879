import { idCheckChar } from '@shared/domain/id-number';

/**
 * Every valid ID number (real birth date, right check character) that agrees with what a masked view shows: the
 * visible characters of the mask, and the birth year when given. How many numbers a person who got that view still
 * has to choose from; one means the view gives the number away.
 */
export function candidatesFor(masked: string, birthYear?: number): string[] {
  if (!/^\d{6}\*{8}\d{3}[\dX]$/.test(masked)) throw new Error(`not a masked ID number: ${masked}`);
  const found: string[] = [];
  const years = birthYear === undefined ? range(1900, 2099) : [birthYear];
  for (const year of years) {
    for (const month of range(1, 12)) {
      const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
      for (const day of range(1, days)) {
        const first17 = `${masked.slice(0, 6)}${year}${pad(month)}${pad(day)}${masked.slice(14, 17)}`;
        if (idCheckChar(first17) === masked[17]) found.push(first17 + masked[17]);
      }
    }
  }
  return found;
}

const pad = (n: number) => String(n).padStart(2, '0');
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** The ways a birth date can appear as text: 19800101, 1980-01-01, 1980/1/1, 1980年1月1日. */
export function birthDateSpellings(idNumber: string): string[] {
  const [y, m, d] = [idNumber.slice(6, 10), idNumber.slice(10, 12), idNumber.slice(12, 14)];
  return [`${y}${m}${d}`, `${y}-${m}-${d}`, `${y}/${Number(m)}/${Number(d)}`, `${y}年${Number(m)}月${Number(d)}日`];
}
