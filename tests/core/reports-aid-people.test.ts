import { v7 as uuidv7 } from 'uuid';
import { beforeEach, expect, test } from 'vitest';
import { idCheckChar } from '@shared/domain/id-number';
import type { SheetCell } from '@shared/domain/report-sheet';
import { CallContext } from '../../src/main/core/context';
import { drillPeopleFiles, peopleSheet } from '../../src/main/core/features/reports/people-sheet';
import { reportQuery } from '../../src/main/core/features/reports/report-frame';
import { sqliteOf } from './support/aid';
import { startSetUpCore, type TestCore } from './support/core';

/**
 * The people table (困难职工及家庭成员 by sex, age band, 文化程度 and school stage) on the day: files 在档 then (by their timeline,
 * as the file tables count them), their household as listed then; sex and age from the ID number, with
 * birthdays falling on the as-of day and the day after.
 */
let t: TestCore;
let files: Record<string, string>;
let seq = 100;

/** A synthetic ID number born on `born` (YYYYMMDD), of the given sex (the 17th digit odd for men). */
function idFor(born: string, sex: 'm' | 'f'): string {
  seq += 2;
  const first17 = `110105${born}${String(seq + (sex === 'm' ? 1 : 0)).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}

interface Person {
  born: string;
  sex: 'm' | 'f';
  stage?: string;
  /** 文化程度 (EDUCATION_LEVELS); none recorded when left out. */
  edu?: string;
  deletedAt?: string;
}

/** A file with its timeline: [recorded at, action, the day it names]; approve (在档) and exit (已脱困) are what count. */
function addFile(status: string, updatedAt: string, head: Person, household: Person[], events: [string, string, string?][]): string {
  const sqlite = sqliteOf(t);
  const origin = sqlite.prepare('SELECT id FROM org').pluck().get() as string;
  const id = uuidv7();
  const headId = idFor(head.born, head.sex);
  sqlite
    .prepare(
      `INSERT INTO hardship_files (id, origin, updated_at, file_no, status, head_name, head_id_number, worker_type, entry_kind, category, draft, entered_by)
       VALUES (?, ?, ?, ?, ?, '测试户主', ?, 'urban', 'existing', 'deep', '{"mainCause":"6"}', 'test')`,
    )
    .run(id, origin, updatedAt, `1101052025${String(seq).padStart(5, '0')}`, status, headId);
  const member = sqlite.prepare(
    'INSERT INTO file_household (id, file_id, position, relation, name, id_number, details, deleted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  member.run(uuidv7(), id, 0, 'self', '测试户主', headId, JSON.stringify({ educationLevel: head.edu ?? null }), null);
  household.forEach((p, i) =>
    member.run(
      uuidv7(),
      id,
      i + 1,
      'child',
      '成员',
      idFor(p.born, p.sex),
      JSON.stringify({ schoolStage: p.stage ?? null, educationLevel: p.edu ?? null }),
      p.deletedAt ?? null,
    ),
  );
  const event = sqlite.prepare('INSERT INTO file_events (file_id, at, action, to_status, on_date) VALUES (?, ?, ?, ?, ?)');
  for (const [at, action, onDate] of events) event.run(id, at, action, action === 'exit' ? 'exited' : 'active', onDate ?? null);
  return id;
}

beforeEach(async () => {
  t = await startSetUpCore();
  files = {
    a: addFile(
      'active',
      '2026-01-01T00:00:00.000Z',
      { born: '19700501', sex: 'm', edu: 'junior' },
      [
        { born: '19721001', sex: 'f', edu: 'senior' },
        { born: '20100930', sex: 'f', stage: 'junior' },
        { born: '20080930', sex: 'm', stage: 'college', edu: 'senior' },
      ],
      [['2025-06-01T02:00:00.000Z', 'approve']],
    ),
    b: addFile(
      'annualReview',
      '2026-02-01T00:00:00.000Z',
      { born: '19650930', sex: 'f', edu: 'primary' },
      [
        { born: '19900101', sex: 'm', edu: 'bachelor', deletedAt: '2026-10-05T02:00:00.000Z' },
        { born: '19920101', sex: 'f', deletedAt: '2026-09-01T02:00:00.000Z' },
      ],
      [['2025-06-01T02:00:00.000Z', 'approve']],
    ),
    // Exited after the day: 在档 on it, by its timeline.
    c: addFile(
      'exited',
      '2026-10-10T02:00:00.000Z',
      { born: '19801001', sex: 'm', edu: 'associate' },
      [],
      [
        ['2025-06-01T02:00:00.000Z', 'approve'],
        ['2026-10-10T02:00:00.000Z', 'exit', '2026-10-10'],
      ],
    ),
    // Approved after the day: not yet 在档 on it.
    d: addFile('active', '2026-10-10T02:00:00.000Z', { born: '19750101', sex: 'm' }, [], [['2026-10-10T02:00:00.000Z', 'approve']]),
    e: addFile('draft', '2026-01-01T00:00:00.000Z', { born: '19750101', sex: 'f' }, [], []),
    // Left hardship on the day itself (its on_date): no longer 在档 at its end.
    f: addFile(
      'exited',
      '2026-09-30T02:00:00.000Z',
      { born: '19750101', sex: 'f' },
      [],
      [
        ['2025-06-01T02:00:00.000Z', 'approve'],
        ['2026-09-30T02:00:00.000Z', 'exit', '2026-09-30'],
      ],
    ),
  };
});

const numbers = (row: SheetCell[]) => row.filter((c) => c.count !== undefined).map((c) => c.count);
const input = reportQuery({ kind: 'year', year: 2026 }, '2026-09-30');

test('people in hardship on the day by sex, age band, education and school stage', () => {
  const sheet = peopleSheet(new CallContext(t.core.state, 'test', 'aid.payments', null), input);
  // 人数 | 男 女 | <18 18–35 36–45 46–55 56–60 >60 | 大专及以上 高中 初中及以下 未填写 | 学前 小学 初中 高中 中职 大学 研究生
  expect(sheet.body.map((r) => [r[0]!.text, ...numbers(r)])).toEqual([
    ['困难职工本人', 3, 2, 1, 0, 0, 1, 0, 1, 1, 1, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0],
    ['家庭成员', 4, 2, 2, 1, 1, 1, 1, 0, 0, 1, 2, 0, 1, 0, 0, 1, 0, 0, 1, 0],
  ]);
  expect(numbers(sheet.totals!)).toEqual([7, 4, 3, 1, 1, 2, 1, 1, 1, 2, 2, 2, 1, 0, 0, 1, 0, 0, 1, 0]);
  expect(sheet.header[1]!.slice(0, 3).map((c) => c.text)).toEqual(['男', '女', '18岁以下']);
  expect(sheet.header[1]!.slice(8, 12).map((c) => c.text)).toEqual(['大专及以上', '高中（中专、技校）', '初中及以下', '未填写']);
});

test('each number drills to the files its people are in', () => {
  const sheet = peopleSheet(new CallContext(t.core.state, 'test', 'aid.payments', null), input);
  const drill = (cell: SheetCell) => drillPeopleFiles(sqliteOf(t), cell.drill!, 50, 0)!;
  const all = drill(sheet.totals![1]!);
  expect(all.total).toBe(3);
  expect(all.rows.map((r) => r.fileId).sort()).toEqual([files.a, files.b, files.c].sort());
  expect(all.rows[0]!.headIdMasked).not.toMatch(/^\d{17}[\dX]$/);
  // 家庭成员 36–45: the member of file b taken off the list after the day.
  expect(drill(sheet.body[1]![6]!).rows.map((r) => r.fileId)).toEqual([files.b]);
  expect(drill(sheet.body[0]![9]!).rows.map((r) => r.fileId)).toEqual([files.b]);
  // 家庭成员 大专及以上: file b's member (本科), taken off after the day; 本人 初中及以下: the heads of a and b.
  expect(drill(sheet.body[1]![10]!).rows.map((r) => r.fileId)).toEqual([files.b]);
  expect(
    drill(sheet.body[0]![12]!)
      .rows.map((r) => r.fileId)
      .sort(),
  ).toEqual([files.a, files.b].sort());
  expect(drillPeopleFiles(sqliteOf(t), 'payments:{}', 5, 0)).toBeNull();
});

test('steps recorded after the day are not read: an old file confirmed later, a relapse, an exit recorded later', () => {
  const ctx = new CallContext(t.core.state, 'test', 'aid.payments', null);
  // An old file whose import was confirmed after the day, filed in 2020 by its sheet: not yet on record on the day.
  const old = addFile(
    'active',
    '2026-10-12T02:00:00.000Z',
    { born: '19600101', sex: 'm' },
    [],
    [['2026-10-12T02:00:00.000Z', 'confirmImport', '2020-03-01']],
  );
  // A relapse: the household left hardship in August; its new file was approved after the day. Neither counts.
  addFile(
    'exited',
    '2026-08-01T02:00:00.000Z',
    { born: '19700101', sex: 'f' },
    [],
    [
      ['2025-06-01T02:00:00.000Z', 'approve'],
      ['2026-08-01T02:00:00.000Z', 'exit', '2026-08-01'],
    ],
  );
  const relapsed = addFile(
    'active',
    '2026-10-15T02:00:00.000Z',
    { born: '19700101', sex: 'f' },
    [],
    [['2026-10-15T02:00:00.000Z', 'approve']],
  );
  // Left hardship on 09-15 by its record, recorded on 10-05: on record as recorded by the day, with the member on its
  // list (the list keeps no day a member was added on: said under the table).
  const late = addFile(
    'exited',
    '2026-10-05T02:00:00.000Z',
    { born: '19800101', sex: 'm', edu: 'senior' },
    [{ born: '20150101', sex: 'f', stage: 'primary' }],
    [
      ['2025-06-01T02:00:00.000Z', 'approve'],
      ['2026-10-05T02:00:00.000Z', 'exit', '2026-09-15'],
    ],
  );
  const sheet = peopleSheet(ctx, input);
  // The first test's numbers and the late exit's two: a man of 46 (高中) and a girl at 小学.
  expect(numbers(sheet.totals!)).toEqual([9, 5, 4, 2, 1, 2, 2, 1, 1, 2, 3, 2, 2, 0, 1, 1, 0, 0, 1, 0]);
  const filesOf = (cell: SheetCell) =>
    drillPeopleFiles(sqliteOf(t), cell.drill!, 50, 0)!
      .rows.map((r) => r.fileId)
      .sort();
  expect(filesOf(sheet.totals![1]!)).toEqual([files.a, files.b, files.c, late].sort());
  // As of a day after every step: the old file and the relapse are on record, the late exit and c are not.
  const after = peopleSheet(ctx, reportQuery({ kind: 'year', year: 2026 }, '2026-10-31'));
  expect(filesOf(after.totals![1]!)).toEqual([files.a, files.b, files.d, old, relapsed].sort());
  expect(after.totals![1]!.count).toBe(8);
});

test('through the channels: the people sheet framed, and the list behind a number', async () => {
  const { sheets } = await t.call('reports.tables', { tables: ['people'], period: { kind: 'year', year: 2026 }, asOf: '2026-09-30' });
  expect(sheets.map((s) => [s.name, s.reportingUnit, s.asOf])).toEqual([['人员情况', '测试区总工会职工帮扶中心', '截至 2026-09-30']]);
  const listed = await t.call('reports.drill', { key: sheets[0]!.totals![1]!.drill!, limit: 50, offset: 0 });
  expect(listed.kind).toBe('files');
  expect(listed.total).toBe(3);
});
