import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { openDatabase, type Sqlite } from '../../src/main/core/db/client';
import { applyMigrations, loadMigrations } from '../../src/main/core/db/migrate';
import { stateParams, STATES_CTE, statesParts } from '../../src/main/core/features/reports/file-states';
import { newDatabaseKey } from '../../src/main/core/keys/key-file';
import { inboxUpload, RESOURCES_DIR, tempDir } from './support/core';
import { act, consented, draftOf, fileForMember, idOf, office, OTHER_HEAD, toNotice } from './support/hardship';
import { SEEDED, seedRows } from './support/migration-rows';
import { writeHandFiles } from './support/report-files';
import { localIsoDate } from '../support/test-clock';
import { addDays } from '@shared/domain/calendar';
import { endOfLocalDay } from '../../src/main/core/features/reports/report-frame';

/**
 * The states each file keeps for the reports (migration 0030: main_cause, entered_on, left_on, left_by) are what the
 * timeline says with every step counted (file-states.ts STATES_CTE, which the reports fall back to): after each step
 * taken through the channels, after an old file's import is confirmed, and after the migration's backfill of a
 * database written at the previous version. Writing them is no change of the file (no rev, no change log).
 */
const migrations = loadMigrations(`${RESOURCES_DIR}/migrations`);

interface Kept {
  file_id: string;
  entered_on: string | null;
  left_on: string | null;
  left_by: string | null;
  main_cause: string | null;
}

/** Every file's kept columns, and what the timeline says (files it has not put on record: nulls). */
function keptAndTimeline(sqlite: Sqlite): { kept: Kept[]; timeline: Kept[] } {
  const kept = sqlite
    .prepare('SELECT id AS file_id, entered_on, left_on, left_by, main_cause FROM hardship_files ORDER BY id')
    .all() as Kept[];
  // STATES_CTE clamps a leaving day to the entry's; the kept left_on is the raw one (the reports clamp it on reading).
  const timeline = sqlite
    .prepare(
      `WITH ${STATES_CTE.replace('max(s.left_on, s.entered_on) AS left_on', 's.left_on')}
       SELECT f.id AS file_id, s.entered_on, s.left_on, s.left_by, json_extract(f.draft, '$.mainCause') AS main_cause
       FROM hardship_files f LEFT JOIN states s ON s.file_id = f.id ORDER BY f.id`,
    )
    .all({ recordedBefore: '9999', shift: 'localtime' }) as Kept[];
  return { kept, timeline };
}

/**
 * As of the day before and the day of each report step (a report stops at the end of its as-of day), the states read
 * as the reports read them (what each file keeps, its prior state, or its timeline: migration 0039) are the
 * timeline's: every edge of the rule crossed.
 */
function expectAsOfTrue(sqlite: Sqlite) {
  const moments = sqlite
    .prepare("SELECT DISTINCT at FROM file_events WHERE action IN ('approve', 'confirmImport', 'exit', 'close') ORDER BY at")
    .pluck()
    .all() as string[];
  const days = [...new Set(moments.map((at) => localIsoDate(new Date(at))))];
  for (const asOf of days.flatMap((day) => [addDays(day, -1), day])) {
    const recordedBefore = endOfLocalDay(asOf);
    const params = stateParams({ asOf, recordedBefore });
    const timeline = sqlite.prepare(`WITH ${STATES_CTE} SELECT * FROM states ORDER BY file_id`).all(params);
    for (const order of ['codes', 'file'] as const) {
      const read = statesParts(sqlite, params, order).flatMap((part) =>
        sqlite.prepare(`WITH ${part} SELECT * FROM states`).all(params),
      ) as { file_id: string }[];
      read.sort((a, b) => (a.file_id < b.file_id ? -1 : a.file_id > b.file_id ? 1 : 0));
      expect({ recordedBefore, order, states: read }).toEqual({ recordedBefore, order, states: timeline });
    }
  }
}

function expectKeptTrue(sqlite: Sqlite) {
  const { kept, timeline } = keptAndTimeline(sqlite);
  expect(kept).toEqual(timeline);
  expectAsOfTrue(sqlite);
  // When the latest of those steps was recorded (migration 0036): what tells a past day's report which files to read
  // from their timelines.
  const lastStep = `SELECT max(at) FROM file_events e WHERE e.file_id = f.id AND e.action IN ('approve', 'confirmImport', 'exit', 'close')`;
  expect(sqlite.prepare(`SELECT f.id, f.last_step_at FROM hardship_files f ORDER BY f.id`).all()).toEqual(
    sqlite.prepare(`SELECT f.id, (${lastStep}) AS last_step_at FROM hardship_files f ORDER BY f.id`).all(),
  );
}

describe('reports: the states each file keeps', () => {
  it('follow the lifecycle: approval, exit, closing, an old file confirmed, a draft not yet on record', async () => {
    const { t, today, advanceDays } = await office();
    const sqlite = t.core.state.conn!.sqlite;
    const leaving = await toNotice(t, today, await t.call('files.saveDraft', draftOf(await fileForMember(t), consented(today)), 'clerk'));
    const other = await fileForMember(t, OTHER_HEAD, '另一户主');
    let closing = await toNotice(
      t,
      today,
      await t.call(
        'files.saveDraft',
        draftOf(other, {
          household: [
            { id: other.household[0]!.id, relation: 'self', name: other.headName, monthlyIncomeFen: 150_000, workStatus: 'laidOff' },
          ],
          mainCause: '8',
          ...consented(today),
        }),
        'clerk',
      ),
    );
    await fileForMember(t, idOf('11010519700707107'), '草稿户主');
    expectKeptTrue(sqlite);
    expect(sqlite.prepare('SELECT count(*) FROM hardship_files WHERE entered_on IS NOT NULL').pluck().get()).toBe(0);

    await advanceDays(10);
    const file = await act(t, await act(t, leaving, 'endNotice'), 'approve', 'reviewer');
    closing = await act(t, await act(t, closing, 'endNotice'), 'approve', 'reviewer');
    expectKeptTrue(sqlite);
    const approvedOn = localIsoDate(t.clock.now());
    expect(sqlite.prepare('SELECT entered_on, main_cause FROM hardship_files WHERE id = ?').get(file.id)).toEqual({
      entered_on: approvedOn,
      main_cause: '6',
    });

    // Left hardship on a day named before it was recorded; closed; both read as the reports read them.
    await advanceDays(30);
    const exited = await act(t, file, 'exit', 'reviewer', { reason: '再就业，收入稳定', date: approvedOn });
    closing = await act(t, closing, 'close', 'reviewer', { closeReason: 'death', reason: '户主去世' });
    expectKeptTrue(sqlite);
    expect(sqlite.prepare('SELECT left_on, left_by FROM hardship_files WHERE id = ?').get(exited.id)).toEqual({
      left_on: approvedOn,
      left_by: 'exit',
    });
    expect(sqlite.prepare('SELECT left_on, left_by FROM hardship_files WHERE id = ?').get(closing.id)).toEqual({
      left_on: localIsoDate(t.clock.now()),
      left_by: 'close',
    });

    // An old file, staged by a clerk and confirmed by a reviewer: on record from the day its sheet says it was filed.
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet('存量档案');
    ws.addRow(['户主姓名', '身份证号', '困难类别', '建档日期', '档案编号']);
    ws.addRow(['旧档户主', idOf('11010519650606106'), '特困', '2019-05-06', '']);
    const upload = inboxUpload(t, '存量档案.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()));
    const { importId } = await t.call('files.importExisting', upload, 'clerk');
    await t.call('files.decideImport', { id: importId, decision: 'confirm' }, 'reviewer');
    expectKeptTrue(sqlite);
    expect(sqlite.prepare("SELECT entered_on FROM hardship_files WHERE entry_kind = 'existing'").pluck().get()).toBe('2019-05-06');
  });

  it('tell a past day which files to read from what they keep and which from their timelines (migration 0039)', async () => {
    const { t } = await office();
    const sqlite = t.core.state.conn!.sqlite;
    const at = (day: string, hour = '02') => `${day}T${hour}:00:00.000Z`;
    const base = { category: 'deep', worker: 'urban', entry: 'new', cause: '6' } as const;
    // Steps inserted out of their order too (the last file): what is kept depends on the steps, not on the inserts.
    const ids = writeHandFiles(sqlite, [
      // An exit recorded later naming a day before the approval (the reports clamp it to the entry).
      {
        ...base,
        key: 'early-exit',
        status: 'exited',
        steps: [
          ['approve', at('2026-03-02')],
          ['exit', at('2026-05-10'), '2026-02-20'],
        ],
      },
      // Left hardship, then on record again (re-entry does not move the earliest entry), then closed.
      {
        ...base,
        key: 're-entry',
        status: 'closed',
        steps: [
          ['approve', at('2026-01-05')],
          ['exit', at('2026-02-10'), '2026-02-01'],
          ['approve', at('2026-04-01')],
          ['close', at('2026-06-01')],
        ],
      },
      // The relapse (返困): a new file for the household that left, its own timeline.
      { ...base, key: 'relapse', entry: 'relapsed', status: 'active', steps: [['approve', at('2026-04-02')]] },
      // An old file confirmed later naming an earlier day than an approval recorded before it: the entry moves back.
      {
        ...base,
        key: 'entry-back',
        entry: 'existing',
        status: 'active',
        steps: [
          ['approve', at('2026-03-01')],
          ['confirmImport', at('2026-05-01'), '2019-05-06'],
        ],
      },
      // Closed, then an exit recorded later naming an earlier day: the day stays, the way it left changes.
      {
        ...base,
        key: 'close-then-exit',
        status: 'exited',
        steps: [
          ['approve', at('2026-01-10')],
          ['close', at('2026-03-10')],
          ['exit', at('2026-04-10'), '2026-02-01'],
        ],
      },
      // Three changes in turn: as of a day before the second, two are recorded since (the timeline is grouped).
      {
        ...base,
        key: 'three',
        status: 'closed',
        steps: [
          ['approve', at('2026-02-01')],
          ['exit', at('2026-03-01'), '2026-02-25'],
          ['close', at('2026-05-20')],
        ],
      },
      // Two steps recorded at the same moment; and a file removed (a tombstone is in no number).
      {
        ...base,
        key: 'same-moment',
        status: 'exited',
        steps: [
          ['approve', at('2026-02-03')],
          ['exit', at('2026-02-03'), '2026-02-03'],
        ],
      },
      { ...base, key: 'removed', status: 'active', steps: [['approve', at('2026-02-04')]] },
      // Recorded at the very moment a day's report stops (local midnight): in the next day's report only.
      {
        ...base,
        key: 'midnight',
        status: 'exited',
        steps: [
          ['approve', at('2026-02-05')],
          ['exit', endOfLocalDay('2026-03-03')],
        ],
      },
      {
        ...base,
        key: 'unordered',
        status: 'exited',
        steps: [
          ['exit', at('2026-06-02'), '2026-06-01'],
          ['approve', at('2026-01-20')],
        ],
      },
    ]);
    expectKeptTrue(sqlite);
    sqlite.prepare("UPDATE hardship_files SET deleted_at = '2026-03-01T00:00:00.000Z' WHERE id = ?").run(ids.get('removed'));
    expectAsOfTrue(sqlite);
    const history = (key: string) =>
      sqlite
        .prepare('SELECT kept_since, prior_entered_on, prior_left_on, prior_left_by, prior_since FROM hardship_files WHERE id = ?')
        .get(ids.get(key));
    expect(history('three')).toEqual({
      kept_since: at('2026-05-20'),
      prior_entered_on: '2026-02-01',
      prior_left_on: '2026-02-25',
      prior_left_by: 'exit',
      prior_since: at('2026-03-01'),
    });
    // The exit kept the closing's day but changed the way it left: the kept state holds from the exit on.
    expect(history('close-then-exit')).toMatchObject({
      kept_since: at('2026-04-10'),
      prior_left_by: 'close',
      prior_since: at('2026-03-10'),
    });
    // A state from the first step on has no prior state.
    expect(history('relapse')).toEqual({
      kept_since: at('2026-04-02'),
      prior_entered_on: null,
      prior_left_on: null,
      prior_left_by: null,
      prior_since: null,
    });
    // The re-entry changed nothing kept: the state holds from the exit.
    expect(history('re-entry')).toMatchObject({ kept_since: at('2026-06-01'), prior_left_on: '2026-02-01', prior_since: at('2026-02-10') });
  });

  it('are written without raising the file’s rev or entering the change log', async () => {
    const { t } = await office();
    const sqlite = t.core.state.conn!.sqlite;
    const file = await fileForMember(t);
    const changes = () => sqlite.prepare('SELECT count(*) FROM change_log WHERE record_id = ?').pluck().get(file.id);
    const before = { rev: sqlite.prepare('SELECT rev FROM hardship_files WHERE id = ?').pluck().get(file.id), changes: changes() };
    sqlite.prepare("UPDATE hardship_files SET entered_on = '2026-01-01' WHERE id = ?").run(file.id);
    expect({ rev: sqlite.prepare('SELECT rev FROM hardship_files WHERE id = ?').pluck().get(file.id), changes: changes() }).toEqual(before);
    // Any other change still travels.
    sqlite.prepare("UPDATE hardship_files SET legacy_no = 'GL1' WHERE id = ?").run(file.id);
    expect(sqlite.prepare('SELECT rev FROM hardship_files WHERE id = ?').pluck().get(file.id)).toBe((before.rev as number) + 1);
  });

  it('are backfilled by the migration from a database written at the previous version', () => {
    const { sqlite } = openDatabase(`${tempDir()}/bangfu.db`, newDatabaseKey());
    const previous = migrations.length - 1;
    applyMigrations(sqlite, migrations.slice(0, previous));
    seedRows(sqlite, previous);
    const at = (day: string) => `${day}T02:00:00.000Z`;
    const ids = writeHandFiles(sqlite, [
      { key: 'A', category: 'deep', worker: 'urban', entry: 'new', cause: '6', status: 'active', steps: [['approve', at('2026-03-15')]] },
      {
        key: 'B',
        category: 'relative',
        worker: 'migrant',
        entry: 'existing',
        cause: null,
        status: 'active',
        steps: [['confirmImport', at('2026-05-01'), '2021-04-01']],
      },
      {
        key: 'C',
        category: 'relative',
        worker: 'urban',
        entry: 'new',
        cause: '3',
        status: 'exited',
        steps: [
          ['approve', at('2025-01-10')],
          ['exit', at('2026-10-03'), '2024-12-20'],
        ],
      },
      {
        key: 'D',
        category: 'accident',
        worker: 'migrant',
        entry: 'new',
        cause: '8',
        status: 'closed',
        steps: [
          ['approve', at('2025-06-01')],
          ['close', at('2026-10-20')],
        ],
      },
      { key: 'E', category: null, worker: 'urban', entry: 'new', cause: '1', status: 'draft', steps: [] },
    ]);
    const revs = () => sqlite.prepare('SELECT id, rev FROM hardship_files ORDER BY id').all();
    const before = { revs: revs(), changes: sqlite.prepare('SELECT count(*) FROM change_log').pluck().get() };
    applyMigrations(sqlite, migrations.slice(previous));
    expectKeptTrue(sqlite);
    expect({ revs: revs(), changes: sqlite.prepare('SELECT count(*) FROM change_log').pluck().get() }).toEqual(before);
    const keptOf = (key: string) =>
      sqlite.prepare('SELECT entered_on, left_on, left_by, main_cause FROM hardship_files WHERE id = ?').get(ids.get(key));
    expect(keptOf('C')).toEqual({ entered_on: '2025-01-10', left_on: '2024-12-20', left_by: 'exit', main_cause: '3' });
    expect(keptOf('B')).toEqual({ entered_on: '2021-04-01', left_on: null, left_by: null, main_cause: null });
    expect(sqlite.prepare('SELECT entered_on FROM hardship_files WHERE id = ?').pluck().get(SEEDED.file)).not.toBeNull();
    sqlite.close();
  });
});
