import { SCHOOL_STAGES } from '@shared/domain/hardship-codes';
import type { Sqlite } from '../src/main/core/db/client';
import { EDUCATION_LEVELS_OF } from '../src/main/core/db/schema/person-codes';
import { SELECTION_SQL, statesParts } from '../src/main/core/features/reports/file-states';
import { AGE_BANDS, peopleParams } from '../src/main/core/features/reports/people-counts';

/**
 * The people table's count before migration 0041 (session 11), kept as the benches' baseline: each person's ID number,
 * relation, 文化程度 and stage read from the index 0030 made (the benches make it again: PREVIOUS_PEOPLE_INDEX), the
 * columns counted in packed sums. people-counts.ts now reads one group number a person and counts the groups here.
 *
 * The people table's numbers in one pass over the people, without grouping them by every
 * combination of sex, band, 文化程度 and stage: SQLite groups by sorting, and sorting every person (250,000 at
 * 100,000 files) cost more than reading them. The people are grouped by worker or family only, and each column is a
 * count summed in the same pass. Three counts share one sum: the CASE of a dimension adds 1, 2^21 or 2^42 (a
 * "digit" of 21 bits each), so a sum of 64 bits holds three counts as long as no group reaches 2^21 (2,097,151)
 * people; a group that does is counted again one sum per count. Fewer sums, fewer calls per person: at 100,000 files
 * the pass takes about half the time of one sum per column.
 */

/** A column of the table (its key) and the conditions that select a person for it. */
export interface TallyCounter {
  key: string;
  when: string[];
}

/**
 * Columns that split the people: a person falls in the first counter whose condition holds, else in `rest`, counted
 * as the group's people less the others. `ordered`: each condition holds for everyone the one before it holds for
 * (born after a day, then after an earlier day, …); otherwise no two hold for one person.
 */
export interface TallyDimension {
  counters: TallyCounter[];
  ordered?: boolean;
  rest?: string;
}

const DIGIT_BITS = 21n;
const DIGIT = 1n << DIGIT_BITS;

/**
 * The sums of a dimension, `per` counters in each. A sum after the first of an ordered dimension (each condition
 * holds for everyone the one before it holds for) first sets aside, as 0, those its previous counter's condition
 * holds for: the earlier counters' people.
 */
function sumsOf(dimension: TallyDimension, per: number): string[] {
  const sums: string[] = [];
  for (let start = 0; start < dimension.counters.length; start += per) {
    const from = dimension.ordered ? Math.max(0, start - 1) : start;
    const cases = dimension.counters.slice(from, start + per).map((counter, i) => {
      const at = from + i;
      const add = at < start ? 0n : 1n << (DIGIT_BITS * BigInt(at - start));
      return counter.when.map((when) => `WHEN ${when} THEN ${add}`).join(' ');
    });
    sums.push(`sum(CASE ${cases.join(' ')} END)`);
  }
  return sums;
}

function tally(
  sqlite: Sqlite,
  withSql: string,
  fromSql: string,
  params: Record<string, string>,
  dimensions: TallyDimension[],
  per: number,
) {
  const sums = dimensions.flatMap((d) => sumsOf(d, per));
  const rows = sqlite
    .prepare(`${withSql} SELECT h.relation = 'self' AS worker, count(*) AS n, ${sums.join(', ')} ${fromSql} GROUP BY 1`)
    .safeIntegers(true)
    .raw(true)
    .all(params) as (bigint | null)[][];
  return rows.map(([worker, n, ...packed]) => {
    const counts = new Map<string, number>([['all', Number(n)]]);
    let column = 0;
    for (const dimension of dimensions) {
      let counted = 0;
      for (let start = 0; start < dimension.counters.length; start += per) {
        let sum = packed[column++] ?? 0n;
        for (const counter of dimension.counters.slice(start, start + per)) {
          const count = Number(sum % DIGIT);
          sum /= DIGIT;
          counts.set(counter.key, count);
          counted += count;
        }
      }
      if (dimension.rest) counts.set(dimension.rest, Number(n) - counted);
    }
    return { worker: worker === 1n, n: Number(n), counts };
  });
}

/**
 * Every column's count for the workers, the family members and both (keys `worker|<column>`, `family|<column>`,
 * `*|<column>`, and `…|all`). `withSql` defines `states`, `fromSql` the people as h (people-counts.ts PEOPLE_FROM).
 * countsPerSum: 3 packed, 1 one sum per count (the tests compare the two).
 */
export function tallyPeople(
  sqlite: Sqlite,
  withSql: string,
  fromSql: string,
  params: Record<string, string>,
  dimensions: TallyDimension[],
  countsPerSum = 3,
): Map<string, number> {
  let groups = tally(sqlite, withSql, fromSql, params, dimensions, countsPerSum);
  if (groups.some((g) => BigInt(g.n) >= DIGIT)) groups = tally(sqlite, withSql, fromSql, params, dimensions, 1);
  const cells = new Map<string, number>();
  for (const group of groups) {
    for (const row of [group.worker ? 'worker' : 'family', '*']) {
      for (const [key, count] of group.counts) cells.set(`${row}|${key}`, (cells.get(`${row}|${key}`) ?? 0) + count);
    }
  }
  return cells;
}

/** The index the count before 0041 read (migration 0030's file_household_people), under a name of the bench's own. */
export const PREVIOUS_PEOPLE_INDEX = `CREATE INDEX IF NOT EXISTS bench_household_people_0030 ON file_household
  (file_id, relation, id_number, deleted_at, json_extract(details, '$.schoolStage'), json_extract(details, '$.educationLevel'))`;

const PEOPLE_FROM = `FROM states s
    JOIN (SELECT file_id, relation, id_number, json_extract(details, '$.schoolStage') AS stage,
        json_extract(details, '$.educationLevel') AS education, substr(id_number, 7, 8) AS born,
        deleted_at FROM file_household INDEXED BY bench_household_people_0030) h ON h.file_id = s.file_id
    WHERE ${SELECTION_SQL.closing} AND (h.deleted_at IS NULL OR h.deleted_at >= @recordedBefore)`;
const IS_MALE_SQL = 'CAST(substr(h.id_number, 17, 1) AS INTEGER) % 2 = 1';

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

/** The count before 0041: every row × column, keys `<row>|<column>` (row worker, family or '*'). */
export function previousCountPeople(sqlite: Sqlite, asOf: string): Map<string, number> {
  const params = peopleParams(asOf);
  const cells = new Map<string, number>();
  for (const states of statesParts(sqlite, { recordedBefore: params.recordedBefore!, shift: params.shift! }, 'file')) {
    for (const [key, n] of tallyPeople(sqlite, `WITH ${states}`, PEOPLE_FROM, params, TALLY)) cells.set(key, (cells.get(key) ?? 0) + n);
  }
  return cells;
}
