import { beforeEach, expect, test } from 'vitest';
import { tallyPeople, type TallyDimension } from '../../src/main/core/features/reports/people-tally';
import { sqliteOf } from './support/aid';
import { startSetUpCore, type TestCore } from './support/core';

/**
 * The people table's one-pass count (people-tally.ts): three counts packed in one sum give the numbers one sum per
 * count gives, with ordered conditions (bands: first match), exclusive ones, a rest, and people counted in none.
 */
let t: TestCore;
beforeEach(async () => {
  t = await startSetUpCore();
});

const DIMENSIONS: TallyDimension[] = [
  { counters: [{ key: 'sex:male', when: ['h.male = 1'] }], rest: 'sex:female' },
  {
    counters: [
      { key: 'band:young', when: ['h.born > 20000101'] },
      { key: 'band:middle', when: ['h.born > 19800101'] },
      { key: 'band:older', when: ['h.born > 19650101'] },
      { key: 'band:old', when: ['h.born > 19500101'] },
    ],
    ordered: true,
    rest: 'band:eldest',
  },
  {
    counters: ['a', 'b', 'c', 'd', 'e'].map((stage) => ({ key: `stage:${stage}`, when: [`h.stage = '${stage}'`] })),
  },
];

test('packed sums count what one sum per count counts', () => {
  const sqlite = sqliteOf(t);
  const withSql = `WITH states AS (SELECT 1 AS file_id), people(relation, male, born, stage) AS (SELECT * FROM (VALUES
    ('self', 1, 19700301, NULL), ('spouse', 0, 19721001, NULL), ('child', 1, 20100930, 'c'), ('child', 0, 20080101, 'e'),
    ('self', 0, 19490101, NULL), ('parent', 1, 19400505, NULL), ('child', 0, 20150101, 'a'), ('self', 1, 19850101, 'd')))`;
  const fromSql = 'FROM states s, people h';
  const packed = tallyPeople(sqlite, withSql, fromSql, {}, DIMENSIONS);
  const single = tallyPeople(sqlite, withSql, fromSql, {}, DIMENSIONS, 1);
  expect([...packed.entries()].sort()).toEqual([...single.entries()].sort());
  expect(packed.get('worker|all')).toBe(3);
  expect(packed.get('family|all')).toBe(5);
  expect(packed.get('*|sex:male')).toBe(4);
  expect(packed.get('worker|sex:female')).toBe(1);
  expect(packed.get('*|band:young')).toBe(3);
  expect(packed.get('*|band:middle')).toBe(1);
  expect(packed.get('*|band:older')).toBe(2);
  expect(packed.get('family|band:eldest')).toBe(1);
  expect(packed.get('worker|band:eldest')).toBe(1);
  expect(packed.get('*|stage:e')).toBe(1);
  expect(packed.get('worker|stage:d')).toBe(1);
  expect(packed.get('*|stage:b')).toBe(0);
});
