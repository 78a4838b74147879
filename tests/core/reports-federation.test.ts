import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import type { ReportSheet } from '@shared/domain/report-sheet';
import { idCheckChar } from '@shared/domain/id-number';
import { REPORT_TABLES } from '@shared/contract/reports';
import { outboxCopy, type TestCore } from './support/core';
import { CENTRE_2, FEDERATION, startOffice } from './support/exchange';
import { send, trustEachOther } from './support/federation-centres';
import { countsOf, drillOf, writeHandFiles, type HandFile } from './support/report-files';
import { withCentreRecords, type ShadowPayments } from '../../src/main/core/features/reports/federation-source';
import { addPayment, addProgram } from './support/reports-aid';
import { sqliteOf } from './support/signing';

/**
 * A federation's reports (docs/domain.md "Reports"): two centres with files, household members and payments send
 * their first batch through the real export and import; the federation's sheets for each centre equal that centre's
 * own, and 各中心合计 adds them up. 2026's third quarter as of 10-08.
 */
const Q3 = { kind: 'quarter', year: 2026, quarter: 3 } as const;
const AS_OF = '2026-10-08';
const at = (day: string) => `${day}T02:00:00.000Z`;
const idOf = (first17: string) => first17 + idCheckChar(first17);

const FILES_A: HandFile[] = [
  // Left hardship after the as-of day: a past day's report groups its timeline, at the centre and at the federation.
  {
    key: 'A1',
    category: 'deep',
    worker: 'urban',
    entry: 'new',
    cause: '6',
    status: 'exited',
    steps: [
      ['approve', at('2026-03-15')],
      ['exit', at('2026-10-20'), '2026-10-19'],
    ],
  },
  {
    key: 'A2',
    category: 'deep',
    worker: 'migrant',
    entry: 'relapsed',
    cause: '2',
    status: 'active',
    steps: [['approve', at('2026-09-05')]],
  },
  {
    key: 'A3',
    category: 'relative',
    worker: 'urban',
    entry: 'new',
    cause: '3',
    status: 'exited',
    steps: [
      ['approve', at('2025-01-10')],
      ['exit', at('2026-09-21'), '2026-09-20'],
    ],
  },
];
const FILES_B: HandFile[] = [
  { key: 'B1', category: 'deep', worker: 'urban', entry: 'new', cause: '1', status: 'active', steps: [['approve', at('2026-08-10')]] },
  {
    key: 'B2',
    category: 'accident',
    worker: 'migrant',
    entry: 'existing',
    cause: '8',
    status: 'active',
    steps: [['confirmImport', at('2026-05-01'), '2021-04-01']],
  },
];

interface Centre {
  t: TestCore;
  code: string;
  files: Map<string, string>;
}

function seed(t: TestCore, files: HandFile[], amounts: number[], child: string): Map<string, string> {
  const sqlite = sqliteOf(t);
  const ids = writeHandFiles(sqlite, files);
  const first = ids.get(files[0]!.key)!;
  // The first file's household: the worker and a child at junior school (the people table).
  const head = sqlite.prepare('SELECT head_name, head_id_number FROM hardship_files WHERE id = ?').get(first) as {
    head_name: string;
    head_id_number: string;
  };
  const member = sqlite.prepare(
    'INSERT INTO file_household (id, file_id, position, relation, name, id_number, details) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  member.run(uuidv7(), first, 0, 'self', head.head_name, head.head_id_number, '{}');
  member.run(uuidv7(), first, 1, 'child', '子女', idOf(child), JSON.stringify({ schoolStage: 'junior' }));
  // Steps of its timeline that no report reads (a federation's shadow leaves them out).
  const step = sqlite.prepare("INSERT INTO file_events (file_id, at, action, from_status, to_status) VALUES (?, ?, ?, 'draft', 'draft')");
  for (const action of ['submit', 'beginVisit', 'startNotice']) step.run(first, '2026-01-02T02:00:00.000Z', action);
  const living = addProgram(sqlite, 'living', 'union', '2026年生活救助');
  for (const [i, amount] of amounts.entries()) {
    addPayment(sqlite, {
      program: living,
      fileId: first,
      idNumber: head.head_id_number,
      amountFen: amount,
      status: 'paid',
      paidOn: `2026-08-${String(10 + i)}`,
    });
  }
  // Payments the quarter does not count: paid the day before it and the day after it, and one approved, not paid yet.
  for (const paidOn of ['2026-06-30', '2026-10-01', null]) {
    addPayment(sqlite, {
      program: living,
      fileId: first,
      idNumber: head.head_id_number,
      amountFen: 7_000,
      status: paidOn ? 'paid' : 'approved',
      paidOn,
    });
  }
  return ids;
}

async function sheetsOf(t: TestCore, centre?: string): Promise<ReportSheet[]> {
  const { sheets } = await t.call('reports.tables', { tables: [...REPORT_TABLES], period: Q3, asOf: AS_OF, ...(centre ? { centre } : {}) });
  return sheets;
}

/** Every number of a sheet in order (counts and fen), for comparing sheets whole. */
const numbersOf = (sheet: ReportSheet) =>
  [...sheet.body, ...(sheet.totals ? [sheet.totals] : [])].flat().map((c) => c.count ?? c.fen ?? null);

let federation: TestCore;
let a: Centre;
let b: Centre;

beforeEach(async () => {
  federation = await startOffice(FEDERATION);
  const ta = await startOffice();
  const tb = await startOffice(CENTRE_2);
  a = {
    t: ta,
    code: sqliteOf(ta).prepare('SELECT credit_code FROM org').pluck().get() as string,
    files: seed(ta, FILES_A, [50_000, 30_000], '11010520100101001'),
  };
  b = { t: tb, code: CENTRE_2.creditCode, files: seed(tb, FILES_B, [20_000], '11010520120101002') };
  for (const c of [a, b]) {
    await trustEachOther(c.t, federation);
    await send(c.t, federation);
  }
}, 60_000);

describe('reports in federation mode', () => {
  it("counts each centre's records as that centre's own reports do", async () => {
    for (const c of [a, b]) {
      const own = await sheetsOf(c.t);
      const theirs = await sheetsOf(federation, c.code);
      expect(theirs.map((s) => s.name)).toEqual(own.map((s) => s.name));
      for (const [i, sheet] of theirs.entries()) expect(numbersOf(sheet)).toEqual(numbersOf(own[i]!));
    }
    const households = (await sheetsOf(federation, a.code))[0]!;
    // A1 and A2 on record at 09-30; A3 left hardship on 09-20.
    expect(countsOf(households)['合计']![0]).toBe(2);
    expect(households.reportingUnit).toBe(FEDERATION.name);
    expect((await sheetsOf(federation, b.code))[0]!.title).toBe(`困难职工家庭情况统计表（${CENTRE_2.name}）`);
  });

  it('adds the centres up for 各中心合计, and names it', async () => {
    const [ownA, ownB, combined, unnamed] = [
      await sheetsOf(a.t),
      await sheetsOf(b.t),
      await sheetsOf(federation, 'all'),
      await sheetsOf(federation),
    ];
    for (const [i, sheet] of combined.entries()) {
      const sum = numbersOf(ownA[i]!).map((n, j) => (n === null ? null : n + (numbersOf(ownB[i]!)[j] ?? 0)));
      // Households of a total are counted, never summed: the two centres' households are distinct, so they add up.
      expect(numbersOf(sheet), sheet.name).toEqual(sum);
      expect(numbersOf(unnamed[i]!)).toEqual(numbersOf(sheet));
    }
    expect(combined[0]!.title).toBe('困难职工家庭情况统计表（各中心合计）');
    const aid = combined.find((s) => s.name === '帮扶救助')!;
    expect(aid.totals!.at(-1)!.fen).toBe(100_000);
    expect(aid.totals!.at(-3)!.count).toBe(2);
  });

  it('drills to the right records, each with its centre', async () => {
    const combined = await sheetsOf(federation, 'all');
    const households = combined[0]!;
    const list = await federation.call('reports.drill', { key: drillOf(households, '合计', 0), centre: 'all', limit: 50 });
    expect(list.kind).toBe('files');
    expect(list.total).toBe(4);
    const byCentre = list.rows.map((r) => [r.fileId, r.centreCode]).sort();
    const onRecordA = ['A1', 'A2'].map((key) => [a.files.get(key)!, a.code]);
    const expected = [...onRecordA, ...[...b.files.values()].map((id) => [id, b.code])].sort();
    expect(byCentre).toEqual(expected);
    const onlyB = await federation.call('reports.drill', { key: drillOf(households, '合计', 0), centre: b.code, limit: 50 });
    expect(onlyB.rows.map((r) => r.fileId).sort()).toEqual([...b.files.values()].sort());
    expect(onlyB.rows.every((r) => r.centreName === CENTRE_2.name)).toBe(true);
    const aid = combined.find((s) => s.name === '帮扶救助')!;
    const payments = await federation.call('reports.drill', { key: aid.totals!.at(-1)!.drill!, centre: a.code, limit: 50 });
    expect(payments.kind).toBe('payments');
    expect(payments.total).toBe(2);
    // The temporary tables are gone after the call: the federation's own tables read as before.
    expect(sqliteOf(federation).prepare("SELECT count(*) FROM temp.sqlite_master WHERE type = 'table'").pluck().get()).toBe(0);
  });

  it('shadows only the payments a call can count: those paid within its days, or none', async () => {
    const sqlite = sqliteOf(federation);
    const shadowed = (payments?: ShadowPayments) =>
      withCentreRecords(sqlite, [a.code], () => sqlite.prepare('SELECT count(*) FROM temp.aid_payments').pluck().get(), payments);
    expect(shadowed()).toBe(5);
    expect(shadowed({ paidFrom: '2026-07-01', paidTo: '2026-09-30' })).toBe(2);
    expect(shadowed({ paidFrom: '2026-06-30', paidTo: '2026-10-01' })).toBe(4);
    expect(shadowed('none')).toBe(0);
    // Of the files' timelines, the steps the reports read.
    const steps = (db: typeof sqlite, table: string) =>
      db.prepare(`SELECT count(*) FROM ${table} WHERE action IN ('approve', 'confirmImport', 'exit', 'close')`).pluck().get();
    const events = withCentreRecords(sqlite, [a.code], () => sqlite.prepare('SELECT count(*) FROM temp.file_events').pluck().get());
    expect(events).toBe(steps(sqliteOf(a.t), 'main.file_events'));
    // The three steps no report reads (seed) are among those left out.
    expect(sqliteOf(a.t).prepare('SELECT count(*) FROM file_events').pluck().get()).toBeGreaterThanOrEqual((events as number) + 3);
  });

  it('exports a centre’s tables under the federation’s name, the centre named in the title and the file’s name', async () => {
    const { result } = await federation.job('reports.export', {
      tables: ['households', 'aid'],
      period: Q3,
      asOf: AS_OF,
      centre: b.code,
      format: 'xlsx',
    });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(result.data.name).toBe(`统计报表（${CENTRE_2.name}）-2026年第三季度（截至2026-10-08）.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await outboxCopy(federation, result.data.fileId));
    const ws = workbook.worksheets[0]!;
    expect(ws.getCell('A1').value).toBe(`困难职工家庭情况统计表（${CENTRE_2.name}）`);
    expect(ws.getCell('A2').value).toBe(`填报单位：${FEDERATION.name}`);
    const audit = await federation.call('audit.list', { action: 'reports.export', page: 1, pageSize: 5 });
    expect(audit.entries[0]!.summary).toEqual({
      event: 'reports.exported',
      params: { period: '2026年第三季度', format: 'xlsx', tables: 2, centre: b.code },
    });
  });

  it('refuses a centre scope at a centre, and a code that is not a centre', async () => {
    const input = { tables: ['households'], period: Q3, asOf: AS_OF };
    expect((await a.t.fail('reports.tables', { ...input, centre: 'all' })).code).toBe('REPORT_SCOPE_FEDERATION_ONLY');
    expect((await a.t.fail('reports.drill', { key: 'files:{}', centre: a.code })).code).toBe('REPORT_SCOPE_FEDERATION_ONLY');
    expect((await federation.fail('reports.tables', { ...input, centre: '91110000000000000X' })).code).toBe('REPORT_CENTRE_UNKNOWN');
  });
});
