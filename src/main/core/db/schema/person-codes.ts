import { SCHOOL_STAGES } from '@shared/domain/hardship-codes';

/**
 * What the people table (features/reports/people-counts.ts) cuts a household member by, apart from age, as one small
 * integer computed once per household row in the index file_household_people (migration 0041), so that the count
 * reads one number a person from the index and no text: bit 0 the worker (relation self), bit 1 a man (GB 11643: the
 * 17th digit odd), bits 2–3 the 文化程度 band (EDUCATION_BANDS' position), bits 4–6 the school stage (SCHOOL_STAGES'
 * position + 1, 0 for none). None of it depends on the as-of day; the age does, so the index keeps the birth date
 * (PERSON_BORN_SQL), not a band. The SQL is written once here and read by the index and the queries alike: SQLite
 * reads an expression from an index only where the query's is the same.
 * Changing what a band counts (EDUCATION_LEVELS_OF) changes the index: it takes a migration that makes it again.
 */

/** 文化程度 as the federation's table counts it: three bands of the level recorded, and 未填写 for every other value. */
export const EDUCATION_BANDS = ['college', 'senior', 'juniorOrLess', 'none'] as const;
export type EducationBand = (typeof EDUCATION_BANDS)[number];
/** The levels each band counts (EDUCATION_LEVELS); 未填写 is every other value. */
export const EDUCATION_LEVELS_OF: Record<Exclude<EducationBand, 'none'>, string[]> = {
  college: ['postgraduate', 'bachelor', 'associate'],
  senior: ['senior'],
  juniorOrLess: ['junior', 'primary'],
};

/** The code's parts: code = worker + 2 × male + 4 × education band + 16 × (stage position + 1). */
export const PERSON_CODE_COUNT = 128;

/** The code of a household row; `h`: the table's alias with its dot in a query, '' in the index. */
export function personCodeSql(h: string): string {
  const education = `CASE json_extract(${h}details, '$.educationLevel') ${Object.entries(EDUCATION_LEVELS_OF)
    .flatMap(([band, levels]) => levels.map((level) => `WHEN '${level}' THEN ${EDUCATION_BANDS.indexOf(band as EducationBand)}`))
    .join(' ')} ELSE ${EDUCATION_BANDS.indexOf('none')} END`;
  const stage = `CASE json_extract(${h}details, '$.schoolStage') ${SCHOOL_STAGES.map((s, i) => `WHEN '${s}' THEN ${i + 1}`).join(' ')} ELSE 0 END`;
  return `(${h}relation = 'self') + 2 * (CAST(substr(${h}id_number, 17, 1) AS INTEGER) % 2) + 4 * (${education}) + 16 * (${stage})`;
}

/** The birth date as YYYYMMDD text, from the ID number (GB 11643 digits 7–14). */
export const personBornSql = (h: string) => `substr(${h}id_number, 7, 8)`;

/** A code's parts, for the people table's columns. */
export function decodePerson(code: number) {
  const stage = code >> 4;
  return {
    worker: (code & 1) === 1,
    male: (code & 2) === 2,
    education: EDUCATION_BANDS[(code >> 2) & 3]!,
    stage: stage === 0 ? null : SCHOOL_STAGES[stage - 1]!,
  };
}
