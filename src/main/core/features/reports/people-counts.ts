import { SCHOOL_STAGES } from '@shared/domain/hardship-codes';
import type { Sqlite } from '../../db/client';
import { endOfLocalDay } from './report-frame';
import { SELECTION_SQL, stateParams, statesParts, statesWith } from './file-states';
import { tallyPeople, type TallyDimension } from './people-tally';

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

/**
 * 文化程度 as the federation's table counts it: three bands of the level the household list records
 * (EDUCATION_LEVELS), and 未填写 for people recorded before the list asked it, so that each row still adds up.
 */
export const EDUCATION_BANDS = ['college', 'senior', 'juniorOrLess', 'none'] as const;
export type EducationBand = (typeof EDUCATION_BANDS)[number];
export const EDUCATION_BAND_LABELS: Record<EducationBand, string> = {
  college: '大专及以上',
  senior: '高中（中专、技校）',
  juniorOrLess: '初中及以下',
  none: '未填写',
};
/** The levels each band counts (EDUCATION_LEVELS); 未填写 is every other value. */
const EDUCATION_LEVELS_OF: Record<Exclude<EducationBand, 'none'>, string[]> = {
  college: ['postgraduate', 'bachelor', 'associate'],
  senior: ['senior'],
  juniorOrLess: ['junior', 'primary'],
};
const EDUCATION_BAND_SQL = `CASE h.education ${Object.entries(EDUCATION_LEVELS_OF)
  .flatMap(([band, levels]) => levels.map((level) => `WHEN '${level}' THEN '${band}'`))
  .join(' ')} ELSE 'none' END`;

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
 * index file_household_people (migration 0030), never the rows (a visit to each decrypts its details). Columns h.relation,
 * h.id_number, h.born (YYYYMMDD from the ID number), h.education, h.stage.
 */
const PEOPLE_FROM = `FROM states s
    JOIN (SELECT file_id, relation, id_number, json_extract(details, '$.schoolStage') AS stage,
        json_extract(details, '$.educationLevel') AS education, substr(id_number, 7, 8) AS born,
        deleted_at FROM file_household INDEXED BY file_household_people) h ON h.file_id = s.file_id
    WHERE ${SELECTION_SQL.closing} AND (h.deleted_at IS NULL OR h.deleted_at >= @recordedBefore)`;
const IS_MALE_SQL = 'CAST(substr(h.id_number, 17, 1) AS INTEGER) % 2 = 1';
const SEX_SQL = `CASE WHEN ${IS_MALE_SQL} THEN 'male' ELSE 'female' END`;

/** The table's columns as countPeople counts them in one pass (people-tally.ts), on PEOPLE_FROM's columns. */
const TALLY: TallyDimension[] = [
  { counters: [{ key: 'sex:male', when: [IS_MALE_SQL] }], rest: 'sex:female' },
  {
    counters: AGE_BANDS.slice(0, -1).map((band, i) => ({ key: `band:${band}`, when: [`h.born > @b_${AGE_BANDS[i + 1]}`] })),
    ordered: true,
    rest: `band:${AGE_BANDS.at(-1)}`,
  },
  {
    counters: Object.entries(EDUCATION_LEVELS_OF).map(([band, levels]) => ({
      key: `edu:${band}`,
      when: levels.map((level) => `h.education = '${level}'`),
    })),
    rest: 'edu:none',
  },
  { counters: SCHOOL_STAGES.map((stage) => ({ key: `stage:${stage}`, when: [`h.stage = '${stage}'`] })) },
];

function statesOf(sqlite: Sqlite, params: Record<string, string>): string {
  return statesWith(sqlite, { recordedBefore: params.recordedBefore!, shift: params.shift! }, 'file');
}

/**
 * `WITH …, people AS (…)`: the people counted, one row each, with the columns a table cuts them by, for the drill-down
 * (the table's numbers are counted in one pass: countPeople); the caller appends its SELECT from people. Named
 * parameters: stateParams', @to (the as-of day) and @b_<band>. MATERIALIZED: grouped in place, SQLite visits every
 * household row for its details.
 */
export function peopleWith(sqlite: Sqlite, params: Record<string, string>): string {
  const band = AGE_BANDS.slice(1)
    .map((b, i) => `WHEN born > @b_${b} THEN '${AGE_BANDS[i]}'`)
    .join(' ');
  return `WITH ${statesOf(sqlite, params)},
  people AS MATERIALIZED (
    SELECT h.file_id AS fileId, CASE WHEN h.relation = 'self' THEN 'worker' ELSE 'family' END AS who, ${SEX_SQL} AS sex,
      CASE ${band} ELSE '${AGE_BANDS.at(-1)}' END AS band, ${EDUCATION_BAND_SQL} AS edu, h.stage
    ${PEOPLE_FROM}
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
 * Counts every row × column of the people table in one read (people-tally.ts) of each part of the states
 * (statesParts: as of a past day, the files with no step since and the later ones), the parts' cells added up.
 */
export function countPeople(sqlite: Sqlite, asOf: string): PeopleCounts {
  const params = peopleParams(asOf);
  const cells = new Map<string, number>();
  for (const states of statesParts(sqlite, { recordedBefore: params.recordedBefore!, shift: params.shift! }, 'file')) {
    for (const [key, n] of tallyPeople(sqlite, `WITH ${states}`, PEOPLE_FROM, params, TALLY)) cells.set(key, (cells.get(key) ?? 0) + n);
  }
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
