import { SCHOOL_STAGES } from '@shared/domain/hardship-codes';
import type { Sqlite } from '../../db/client';
import { endOfLocalDay } from './report-frame';
import { SELECTION_SQL, stateParams, statesParts, statesWith } from './file-states';
import {
  decodePerson,
  EDUCATION_BANDS,
  PERSON_CODE_COUNT,
  personBornSql,
  personCodeSql,
  type EducationBand,
} from '../../db/schema/person-codes';

/**
 * The people in hardship on a day (docs/domain.md "Reports", people): everyone on the household list of a file that
 * was 在档 (active, or in its annual review) at the end of the as-of day: the worker (relation self, 困难职工本人) and
 * the household's members. Sex and age come from the ID number (GB 11643: the 17th digit odd for men, the birth date
 * in digits 7–14; age in whole years on the as-of day); 文化程度 from the level the list records; schooling from the
 * school stage recorded for a student.
 *
 * A file is 在档 on the day as the file tables count it (file-states.ts: from its approval or confirmed import to
 * its exit or closing, read from its timeline as recorded by the end of the day). A member taken
 * off the list after the day still counts (deleted_at after it); the list keeps no day a member was added on, so a
 * member added later counts too (said under the table).
 */

/** 年龄段: the federation's bands of working age, with the young and the retired apart. */
export const AGE_BANDS = ['under18', '18to35', '36to45', '46to55', '56to60', 'over60'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];
export const AGE_BAND_LABELS: Record<AgeBand, string> = {
  under18: '18岁以下',
  '18to35': '18至35岁',
  '36to45': '36至45岁',
  '46to55': '46至55岁',
  '56to60': '56至60岁',
  over60: '60岁以上',
};
/** The age a band begins at (the next band's start ends it). */
const BAND_START: Record<AgeBand, number> = { under18: 0, '18to35': 18, '36to45': 36, '46to55': 46, '56to60': 56, over60: 61 };

export { EDUCATION_BANDS, type EducationBand };
export const EDUCATION_BAND_LABELS: Record<EducationBand, string> = {
  college: '大专及以上',
  senior: '高中（中专、技校）',
  juniorOrLess: '初中及以下',
  none: '未填写',
};

export const PEOPLE_ROWS = ['worker', 'family'] as const;
export type PeopleRow = (typeof PEOPLE_ROWS)[number];

/** What a column of the people table selects (a drill key names one). */
export type PeopleColumn =
  | { kind: 'all' }
  | { kind: 'sex'; value: 'male' | 'female' }
  | { kind: 'band'; value: AgeBand }
  | { kind: 'edu'; value: EducationBand }
  | { kind: 'stage'; value: (typeof SCHOOL_STAGES)[number] };

/** The birth date (YYYYMMDD) on or before which a person is `age` years old on `asOf`. */
function bornBy(asOf: string, age: number): string {
  return `${Number(asOf.slice(0, 4)) - age}${asOf.slice(5, 7)}${asOf.slice(8, 10)}`;
}

/**
 * The people counted, as the tail of a query after `WITH states`: each on-record file's list read from the covering
 * index file_household_people (migrations 0030, 0041), never the rows (a visit to each decrypts its details).
 */
const PEOPLE_FROM = `FROM states s JOIN file_household h INDEXED BY file_household_people ON h.file_id = s.file_id
    WHERE ${SELECTION_SQL.closing} AND (h.deleted_at IS NULL OR h.deleted_at >= @recordedBefore)`;

/** The age band's position in AGE_BANDS on the as-of day, from the birth date the index keeps (@b_<band>). */
const BAND_SQL = `CASE ${AGE_BANDS.slice(1)
  .map((band, i) => `WHEN ${personBornSql('h.')} > @b_${band} THEN ${i}`)
  .join(' ')} ELSE ${AGE_BANDS.length - 1} END`;
/**
 * A person's group: the code the index keeps (person-codes.ts), times 8, plus the age band. The expression is the
 * index's own, so SQLite reads it from the index.
 */
const GROUP_SQL = `(${personCodeSql('h.')}) * 8 + ${BAND_SQL}`;
const GROUPS = PERSON_CODE_COUNT * 8;

function statesOf(sqlite: Sqlite, params: Record<string, string>): string {
  return statesWith(sqlite, { recordedBefore: params.recordedBefore!, shift: params.shift! }, 'file');
}

/** SQL taking a group (GROUP_SQL's number) to one of its parts as the columns name it. */
const caseOf = (part: string, values: readonly (string | null)[]) =>
  `CASE ${part} ${values.map((v, i) => `WHEN ${i} THEN ${v === null ? 'NULL' : `'${v}'`}`).join(' ')} END`;

/**
 * `WITH …, people AS (…)`: the people counted, one row each, with the columns a table cuts them by (who, sex, band,
 * edu, stage) decoded from the same group number countPeople counts, for the drill-down; the caller appends its
 * SELECT from people. Named parameters: stateParams', @to (the as-of day) and @b_<band>. MATERIALIZED: the groups are
 * read from the index once, then decoded as decodePerson does (person-codes.ts' layout, shifted 3 bits by the band;
 * tests/core/reports-aid-people.test.ts drills every cell and bench/reports-people.bench.ts compares them at scale).
 */
export function peopleWith(sqlite: Sqlite, params: Record<string, string>): string {
  return `WITH ${statesOf(sqlite, params)},
  people_groups AS MATERIALIZED (SELECT h.file_id AS fileId, ${GROUP_SQL} AS g ${PEOPLE_FROM}),
  people AS (
    SELECT fileId, CASE WHEN g / 8 % 2 = 1 THEN 'worker' ELSE 'family' END AS who,
      CASE WHEN g / 16 % 2 = 1 THEN 'male' ELSE 'female' END AS sex, ${caseOf('g % 8', AGE_BANDS)} AS band,
      ${caseOf('g / 32 % 4', EDUCATION_BANDS)} AS edu, ${caseOf('g / 128', [null, ...SCHOOL_STAGES])} AS stage
    FROM people_groups
  )`;
}

export function peopleParams(asOf: string): Record<string, string> {
  const params: Record<string, string> = { ...stateParams({ asOf, recordedBefore: endOfLocalDay(asOf) }), to: asOf };
  for (const band of AGE_BANDS.slice(1)) params[`b_${band}`] = bornBy(asOf, BAND_START[band]);
  return params;
}

export interface PeopleCounts {
  /** Count per row (worker, family, '*' for both) and column key ('all', 'sex:male', 'band:18to35', 'stage:junior'). */
  get(row: PeopleRow | '*', column: PeopleColumn): number;
}

export const columnKey = (column: PeopleColumn) => (column.kind === 'all' ? 'all' : `${column.kind}:${column.value}`);

/**
 * Counts every row × column of the people table: each person's group number (GROUP_SQL: worker or family, sex,
 * 文化程度, stage and age band) read from the index, one integer a person, counted here per group (at most 1,024) and
 * the groups added into the columns, for each part of the states (statesParts). SQLite would group them by sorting:
 * at 100,000 files the sort, or a sum a column per person (the count before 0041), cost more than reading them.
 */
export function countPeople(sqlite: Sqlite, asOf: string): PeopleCounts {
  const params = peopleParams(asOf);
  const groups = new Float64Array(GROUPS);
  for (const states of statesParts(sqlite, { recordedBefore: params.recordedBefore!, shift: params.shift! }, 'file')) {
    const read = sqlite.prepare(`WITH ${states} SELECT ${GROUP_SQL} ${PEOPLE_FROM}`).pluck();
    for (const group of read.all(params) as number[]) groups[group]!++;
  }
  const cells = new Map<string, number>();
  const add = (key: string, n: number) => cells.set(key, (cells.get(key) ?? 0) + n);
  groups.forEach((n, group) => {
    if (n === 0) return;
    const person = decodePerson(group >> 3);
    const columns = [
      'all',
      `sex:${person.male ? 'male' : 'female'}`,
      `band:${AGE_BANDS[group & 7]}`,
      `edu:${person.education}`,
      ...(person.stage ? [`stage:${person.stage}`] : []),
    ];
    for (const row of [person.worker ? 'worker' : 'family', '*']) for (const column of columns) add(`${row}|${column}`, n);
  });
  return { get: (row, column) => cells.get(`${row}|${columnKey(column)}`) ?? 0 };
}

/** The condition selecting one row and column of the people table, on peopleSql's columns. */
export function peopleFilter(row: PeopleRow | '*', column: PeopleColumn): { sql: string; params: Record<string, string> } {
  const parts: string[] = [];
  const params: Record<string, string> = {};
  if (row !== '*') {
    parts.push('who = @row');
    params.row = row;
  }
  if (column.kind !== 'all') {
    parts.push(`${column.kind} = @value`);
    params.value = column.value;
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}
