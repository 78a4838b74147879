import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ColumnMapping, DuplicatePolicy } from '@shared/contract/roster-import';
import { idCheckChar, maskIdNumber } from '@shared/domain/id-number';
import { suspendMemberIndexes } from '../../src/main/core/features/roster/bulk-load';
import { demoMembers } from '../../src/main/core/features/roster/demo-members';
import { nameSearchKeys } from '../../src/main/core/features/roster/search-keys';
import { inboxUpload, outboxCopy, startSetUpCore, type TestCore } from './support/core';
import { bundleImportReader } from './support/bundle';

const FIXTURES = 'tests/fixtures/roster';
const people = JSON.parse(readFileSync(join(FIXTURES, 'people.json'), 'utf8')) as { name: string; id: string }[];

async function inspectAndPlan(t: TestCore, fileName: string, policy: DuplicatePolicy = 'update', bytes?: Buffer) {
  const source = inboxUpload(t, fileName, bytes ?? readFileSync(join(FIXTURES, fileName)));
  const inspected = await t.call('rosterImport.inspect', source);
  return { inspected, plan: { ...source, mapping: inspected.suggested as ColumnMapping, policy } };
}

async function memberCount(t: TestCore) {
  return (await t.call('roster.search', { pageSize: 1 })).total;
}

/** A synthetic roster CSV of `n` rows with valid, distinct ID numbers (never real people). */
function syntheticCsv(n: number, extra: string[] = []): Buffer {
  const lines = ['姓名,身份证号,手机,工作单位'];
  for (let i = 0; i < n; i++) {
    const first17 = `4401061980${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}${String(i).padStart(6, '0').slice(-3)}`;
    const seq = String(Math.floor(i / 1000)).padStart(3, '0');
    const f17 = `${first17.slice(0, 6)}${String(1950 + (Math.floor(i / 336) % 50))}${first17.slice(10, 14)}${seq.slice(-3)}`;
    lines.push(`合成${i},${f17}${idCheckChar(f17)},,合成单位${i % 7}`);
  }
  return Buffer.from([...lines, ...extra].join('\r\n'), 'utf8');
}

describe('roster import', () => {
  it('inspects a sheet with a title row: header found below it, mapping suggested, first rows shown', async () => {
    const t = await startSetUpCore();
    const { inspected } = await inspectAndPlan(t, 'roster-title.xlsx');
    expect(inspected.format).toBe('xlsx');
    expect(inspected.headerRowNumber).toBeGreaterThan(1);
    expect(inspected.missingRequired).toEqual([]);
    expect(inspected.suggested).toMatchObject({ name: expect.any(Number), idNumber: expect.any(Number) });
    expect(inspected.sample[0]).toContain(people[0]!.name);
    expect(inspected.previousImport).toBeNull();
  });

  it('commits a sheet: members, units, history; importing the same file again is flagged and changes nothing', async () => {
    const t = await startSetUpCore();
    const { plan } = await inspectAndPlan(t, 'roster-title.xlsx');
    const preview = await t.job('rosterImport.preview', plan);
    if (!preview.result.ok) throw new Error(JSON.stringify(preview.result.error));
    expect(preview.result.data.counts.new).toBeGreaterThan(0);
    expect(await memberCount(t)).toBe(0); // a preview writes nothing
    const committed = await t.job('rosterImport.commit', plan);
    if (!committed.result.ok) throw new Error(JSON.stringify(committed.result.error));
    const { counts } = committed.result.data;
    expect(counts.new).toBe(preview.result.data.counts.new);
    expect(await memberCount(t)).toBe(counts.new);
    expect((await t.call('roster.search', { query: people[0]!.id.slice(-4) })).members.map((m) => m.name)).toContain(people[0]!.name);
    expect((await t.call('units.list', { kind: 'employer' })).units.length).toBeGreaterThan(0);
    expect((await t.call('rosterImport.history', {})).imports).toMatchObject([{ fileName: 'roster-title.xlsx', counts }]);

    const again = await inspectAndPlan(t, 'roster-title.xlsx');
    expect(again.inspected.previousImport).not.toBeNull();
    const second = await t.job('rosterImport.commit', again.plan);
    expect(second.result.ok && second.result.data.counts).toMatchObject({ new: 0, updated: 0, unchanged: counts.new });
  });

  it('reads GBK CSV and the old .xls format the same way', async () => {
    for (const file of ['roster-gbk.csv', 'roster-title.xls']) {
      const t = await startSetUpCore();
      const { plan } = await inspectAndPlan(t, file);
      const committed = await t.job('rosterImport.commit', plan);
      expect(committed.result.ok, file).toBe(true);
      expect((await t.call('roster.search', { query: '测试' })).total, file).toBeGreaterThan(0);
    }
  });

  it('rejects IDs that Excel stored as numbers and hands the rejected rows back as .xlsx with a reason column', async () => {
    const t = await startSetUpCore();
    const { plan } = await inspectAndPlan(t, 'roster-id-number.xlsx');
    const preview = await t.job('rosterImport.preview', plan);
    if (!preview.result.ok) throw new Error(JSON.stringify(preview.result.error));
    expect(preview.result.data.rejected.flatMap((r) => r.problems.map((p) => p.problem))).toContain('STORED_AS_NUMBER');
    const file = await t.job('rosterImport.rejectedFile', plan);
    if (!file.result.ok) throw new Error(JSON.stringify(file.result.error));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await outboxCopy(t, file.result.data.fileId));
    const sheet = workbook.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).filter(Boolean);
    expect(header.at(-1)).toBe('原因');
    expect(sheet.rowCount - 1).toBe(preview.result.data.counts.rejected);
    expect(String(sheet.getRow(2).getCell(header.length).value)).toMatch(/Excel/);
  });

  it('rejects a second row with the same ID in the file, naming the first', async () => {
    const t = await startSetUpCore();
    const { plan } = await inspectAndPlan(t, 'roster-duplicates.csv');
    const preview = await t.job('rosterImport.preview', plan);
    if (!preview.result.ok) throw new Error(JSON.stringify(preview.result.error));
    const duplicate = preview.result.data.rejected.flatMap((r) => r.problems).find((p) => p.problem === 'DUPLICATE_IN_FILE');
    expect(duplicate?.params?.row).toEqual(expect.any(Number));
  });

  it('is all or nothing: an error at the last of 30,000 rows leaves the roster unchanged', async () => {
    const t = await startSetUpCore();
    const existing = await t.call('roster.create', { name: '已在册', idNumber: `11010119700101201${idCheckChar('11010119700101201')}` });
    const before = await memberCount(t);
    const csv = syntheticCsv(30_000, [`已在册,${existing.id && `11010119700101201${idCheckChar('11010119700101201')}`},,`]);
    const { plan } = await inspectAndPlan(t, 'big.csv', 'stop', csv);
    const committed = await t.job('rosterImport.commit', plan);
    expect(committed.result).toMatchObject({ ok: false, error: { code: 'IMPORT_HAS_DUPLICATES' } });
    expect(committed.progress.length).toBeGreaterThan(10);
    expect(await memberCount(t)).toBe(before);
    expect((await t.call('rosterImport.history', {})).imports).toEqual([]);
    expect((await t.call('audit.verify', {})).ok).toBe(true);
  });

  it('cancels mid-way leaving nothing, and refuses other writers while it runs', async () => {
    const t = await startSetUpCore();
    const { plan } = await inspectAndPlan(t, 'big.csv', 'update', syntheticCsv(30_000));
    const { jobId } = await t.call('rosterImport.commit', plan);
    // Wait for the first chunk: the transaction is open now.
    while (!t.events.some((e) => e.type === 'job.progress' && e.jobId === jobId && e.done > 0)) await new Promise((r) => setTimeout(r, 5));
    expect((await t.fail('roster.create', { name: '插队', idNumber: `11010119700101202${idCheckChar('11010119700101202')}` })).code).toBe(
      'BUSY',
    );
    await t.call('jobs.cancel', { jobId });
    while (!t.events.some((e) => e.type === 'job.finished' && e.jobId === jobId)) await new Promise((r) => setTimeout(r, 5));
    expect(t.events.find((e) => e.type === 'job.finished' && e.jobId === jobId)).toMatchObject({
      result: { ok: false, error: { code: 'JOB_CANCELLED' } },
    });
    expect(await memberCount(t)).toBe(0);
    // The database is writable again.
    await t.call('roster.create', { name: '之后', idNumber: `11010119700101202${idCheckChar('11010119700101202')}` });
  });
});

describe('roster import: a big import rebuilds the indexes instead of updating them row by row', () => {
  const schemaOf = (t: TestCore) =>
    t.core.state.conn!.sqlite.prepare("SELECT type, name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY name").all();

  /** `n` synthetic members (valid, distinct IDs; never real people) as a CSV, and the members themselves. */
  const demoCsv = (n: number) => {
    const members = [...demoMembers(n)];
    const lines = ['姓名,身份证号,手机,工作单位', ...members.map((m) => `${m.name},${m.idNumber},${m.phone ?? ''},${m.unitName ?? ''}`)];
    return { members, csv: Buffer.from(lines.join('\r\n'), 'utf8') };
  };

  it('leaves the schema as it was, and the new rows found by every search and in the change log', async () => {
    const t = await startSetUpCore();
    await t.call('roster.create', { name: '已在册', idNumber: `11010119700101201${idCheckChar('11010119700101201')}` });
    const schema = schemaOf(t);
    const { members, csv } = demoCsv(5_000);
    const { plan } = await inspectAndPlan(t, 'big.csv', 'update', csv);
    expect((await t.job('rosterImport.commit', plan)).result).toMatchObject({ ok: true, data: { counts: { new: 5_000 } } });
    expect(schemaOf(t)).toEqual(schema);

    const sqlite = t.core.state.conn!.sqlite;
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(() => sqlite.exec("INSERT INTO members_grams (members_grams, rank) VALUES ('integrity-check', 0)")).not.toThrow();
    const last = members.at(-1)!;
    const foundIds = (query: string) =>
      t.call('roster.search', { query, pageSize: 200 }).then((r) => r.members.map((m) => m.idNumberMasked));
    const masked = maskIdNumber(last.idNumber);
    expect(await foundIds(last.name)).toContain(masked);
    expect(await foundIds([...last.name].slice(-2).join(''))).toContain(masked);
    expect(await foundIds(nameSearchKeys(last.name).pinyin)).toContain(masked);
    expect(await foundIds(last.idNumber.slice(-6))).toContain(masked);
    expect(await foundIds(last.phone!)).toContain(masked);
    // Every member is in the change log once: the first thousand rows (before the import proved big) one entry
    // each, the rest as one entry for their run of refs.
    const log = sqlite
      .prepare("SELECT record_ref AS ref, record_count AS count, op, rev FROM change_log WHERE table_name = 'members' ORDER BY seq")
      .all() as { ref: number; count: number | null; op: string; rev: number }[];
    const logged = log.flatMap((e) => Array.from({ length: e.count ?? 1 }, (_, i) => e.ref + i));
    expect(logged).toEqual(Array.from({ length: 5_001 }, (_, i) => i + 1));
    expect(log.every((e) => e.op === 'insert' && e.rev === 1)).toBe(true);
    expect(log.at(-1)!.count).toBeGreaterThan(3_000);

    // The rebuilt unique index still refuses the same ID twice.
    expect((await t.fail('roster.create', { name: '重复', idNumber: last.idNumber })).code).toBe('DUPLICATE_ID_NUMBER');
  });

  it('leaves the schema as it was when the import fails after the indexes were dropped', async () => {
    const t = await startSetUpCore();
    const existingId = `11010119700101201${idCheckChar('11010119700101201')}`;
    await t.call('roster.create', { name: '已在册', idNumber: existingId });
    const schema = schemaOf(t);
    // Policy "stop" meets a member already in the roster on the last row, 5,000 rows after the indexes went down.
    const csv = Buffer.concat([demoCsv(5_000).csv, Buffer.from(`\r\n已在册,${existingId},,`)]);
    const { plan } = await inspectAndPlan(t, 'big.csv', 'stop', csv);
    expect((await t.job('rosterImport.commit', plan)).result).toMatchObject({ ok: false, error: { code: 'IMPORT_HAS_DUPLICATES' } });
    expect(schemaOf(t)).toEqual(schema);
    expect(await memberCount(t)).toBe(1);
  });

  it('goes row by row when a trigger is not the one it knows how to replay', async () => {
    const t = await startSetUpCore();
    const sqlite = t.core.state.conn!.sqlite;
    sqlite.exec(`DROP TRIGGER members_sync_insert;
      CREATE TRIGGER members_sync_insert AFTER INSERT ON members BEGIN
        INSERT INTO change_log (table_name, record_ref, op, rev) VALUES ('members', NEW.ref, 'insert', NEW.rev + 0);
      END;`);
    const schema = schemaOf(t);
    expect(suspendMemberIndexes(sqlite, { keepIdNumberIndex: false })).toBeUndefined();
    expect(schemaOf(t)).toEqual(schema);
    const { plan } = await inspectAndPlan(t, 'big.csv', 'update', demoCsv(2_000).csv);
    expect((await t.job('rosterImport.commit', plan)).result).toMatchObject({ ok: true, data: { counts: { new: 2_000 } } });
    expect(sqlite.prepare("SELECT count(*) FROM change_log WHERE table_name = 'members'").pluck().get()).toBe(2_000);
  });
});

describe('roster import in a reader thread (as the program runs it)', () => {
  let readerPath: string;
  beforeAll(() => {
    readerPath = bundleImportReader();
  });

  const outboxText = async (t: TestCore, fileId: string) => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await outboxCopy(t, fileId));
    return workbook.worksheets.map((sheet) => [sheet.name, ...sheet.getSheetValues().map((row) => JSON.stringify(row))]);
  };

  /** The warnings fixture as an .xlsx (an .xlsx is checked in the core's thread, a CSV in the reader's). */
  const warningsXlsx = async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('名册');
    const text = readFileSync(join(FIXTURES, 'roster-warnings.csv'), 'utf8').replace(/^\uFEFF/, '');
    for (const line of text.trim().split('\r\n')) sheet.addRow(line.split(','));
    return Buffer.from(await workbook.xlsx.writeBuffer());
  };

  /** Preview, rejected-rows file and commit of one file, with what a clerk would see of each. */
  const runAll = async (t: TestCore, file: string, bytes?: Buffer) => {
    const { plan } = await inspectAndPlan(t, file, 'update', bytes);
    const preview = await t.job('rosterImport.preview', plan);
    const rejectedFile = await t.job('rosterImport.rejectedFile', plan);
    const commit = await t.job('rosterImport.commit', plan);
    return {
      preview: preview.result,
      rejectedRows: rejectedFile.result.ok ? await outboxText(t, rejectedFile.result.data.fileId) : rejectedFile.result,
      commit: commit.result.ok ? commit.result.data.counts : commit.result,
      roster: (await t.call('roster.search', { pageSize: 200 })).members.map((m) => [m.name, m.idNumberMasked, m.unitName]),
    };
  };

  const files = [
    'roster-messy.xlsx',
    'roster-id-number.xlsx',
    'roster-bad-dates.xlsx',
    'roster-duplicates.csv',
    'roster-gbk.csv',
    'roster-title.xls',
    'roster-warnings.csv',
    'roster-warnings.xlsx',
  ];
  it.each(files)(
    "gives the same previews, rejected rows, warnings, counts and roster as reading in the core's thread: %s",
    async (file) => {
      const bytes = file === 'roster-warnings.xlsx' ? await warningsXlsx() : undefined;
      const inCore = await runAll(await startSetUpCore(), file, bytes);
      const inThread = await runAll(await startSetUpCore({ importReaderPath: readerPath }), file, bytes);
      expect(inThread).toEqual(inCore);
      expect(inCore.preview.ok).toBe(true);
      if (file.startsWith('roster-warnings') || file === 'roster-bad-dates.xlsx') {
        expect(inCore.preview.ok && inCore.preview.data.warnings.rows).toBeGreaterThan(0);
        expect(inCore.rejectedRows).toContainEqual(expect.arrayContaining(['提示']));
      }
    },
    60_000,
  ); // two cores, three jobs each

  it('brings a file the reader refuses back as the same error', async () => {
    const bytes = Buffer.from('PK\u0003\u0004 not really a zip');
    const inCore = await startSetUpCore();
    const inThread = await startSetUpCore({ importReaderPath: readerPath });
    const plan = (t: TestCore) => ({ ...inboxUpload(t, 'broken.xlsx', bytes), mapping: { name: 0, idNumber: 1 }, policy: 'skip' as const });
    const expected = (await inCore.job('rosterImport.preview', plan(inCore))).result;
    expect(expected).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect((await inThread.job('rosterImport.preview', plan(inThread))).result).toEqual(expected);
  });

  it('imports a big file all or nothing, and a cancel leaves nothing', async () => {
    const t = await startSetUpCore({ importReaderPath: readerPath });
    const existingId = `11010119700101201${idCheckChar('11010119700101201')}`;
    await t.call('roster.create', { name: '已在册', idNumber: existingId });
    const members = [...demoMembers(10_000)];
    const csv = Buffer.from(['姓名,身份证号', ...members.map((m) => `${m.name},${m.idNumber}`), `已在册,${existingId}`].join('\r\n'));
    const stopped = await inspectAndPlan(t, 'big.csv', 'stop', csv);
    expect((await t.job('rosterImport.commit', stopped.plan)).result).toMatchObject({
      ok: false,
      error: { code: 'IMPORT_HAS_DUPLICATES', params: { row: 10_002 } },
    });
    expect(await memberCount(t)).toBe(1);

    const { plan } = await inspectAndPlan(t, 'big.csv', 'skip', csv);
    const { jobId } = await t.call('rosterImport.commit', plan);
    while (!t.events.some((e) => e.type === 'job.progress' && e.jobId === jobId && e.done > 0)) await new Promise((r) => setTimeout(r, 5));
    await t.call('jobs.cancel', { jobId });
    while (!t.events.some((e) => e.type === 'job.finished' && e.jobId === jobId)) await new Promise((r) => setTimeout(r, 5));
    expect(t.events.find((e) => e.type === 'job.finished' && e.jobId === jobId)).toMatchObject({
      result: { ok: false, error: { code: 'JOB_CANCELLED' } },
    });
    expect(await memberCount(t)).toBe(1);

    const committed = await t.job('rosterImport.commit', plan);
    expect(committed.result).toMatchObject({ ok: true, data: { counts: { new: 10_000, skipped: 1 } } });
    expect(t.core.state.conn!.sqlite.prepare('SELECT count(*) FROM members').pluck().get()).toBe(10_001);
  });
});
