import { knownText, type t as translate } from '../../i18n';

type T = typeof translate;

/** A coded value a centre sent, in words; a code this version does not know shows as it came. */
export function codeLabel(group: string, code: string | null | undefined): string {
  if (!code) return '';
  return knownText(`${group}.${code}`) ?? code;
}

/** The masked number's second line, as the roster shows it: 男，1970 年生 (never the birth date). */
export function personFacts(t: T, person: { gender: 'male' | 'female' | null; birthYear: number | null }): string {
  if (person.gender === null || person.birthYear === null) return '';
  return t('fedCentre.personYear', { gender: t(`genders.${person.gender}`), year: person.birthYear });
}

/** The local day of an instant (2026-03-02). */
export function dayOf(iso: string | null): string {
  if (!iso) return '';
  const at = new Date(iso);
  return new Date(at.getTime() - at.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}
