import { beforeEach, describe, expect, it } from 'vitest';
import type { ChannelOutput } from '@shared/contract';
import type { TestCore } from './support/core';
import { CENTRE_2, FEDERATION, startOffice } from './support/exchange';
import { send, trustEachOther } from './support/federation-centres';
import { writeHandFiles, type HandFile } from './support/report-files';
import { addPayment, addProgram, type PaymentSeed } from './support/reports-aid';
import { sqliteOf } from './support/signing';

/**
 * A federation's home page charts (dashboard.charts in federation mode, features/dashboard federation-source.ts): two
 * centres with files in force and not, and payments of this year and last (one voided, one pending), send their first
 * batch through the real export and import. Each centre's charts at the federation equal that centre's own, 各中心合计
 * adds them up, and every number is what the federation's list its link opens shows. The clock's today: 2026-03-10.
 */
type Charts = ChannelOutput<'dashboard.charts'>;

const approved = [['approve', '2025-06-01T02:00:00.000Z']] as [string, string][];
const FILES_A: HandFile[] = [
  { key: 'A1', category: 'deep', worker: 'urban', entry: 'new', cause: '6', status: 'active', steps: approved },
  { key: 'A2', category: 'deep', worker: 'urban', entry: 'new', cause: '3', status: 'annualReview', steps: approved },
  { key: 'A3', category: 'relative', worker: 'migrant', entry: 'new', cause: null, status: 'active', steps: approved },
  { key: 'A4', category: 'relative', worker: 'urban', entry: 'new', cause: '6', status: 'exited', steps: approved },
];
const FILES_B: HandFile[] = [
  { key: 'B1', category: 'accident', worker: 'urban', entry: 'new', cause: '8', status: 'active', steps: approved },
  { key: 'B2', category: 'deep', worker: 'urban', entry: 'new', cause: '6', status: 'active', steps: approved },
  { key: 'B3', category: 'deep', worker: 'urban', entry: 'new', cause: '6', status: 'draft', steps: [] },
];

type Pay = Omit<PaymentSeed, 'program'> & { program: 'this' | 'last' | 'medical' };

const PAYMENTS_A: Pay[] = [
  { program: 'this', amountFen: 30_000, status: 'paid', enteredAt: '2026-01-15T04:00:00.000Z', paidOn: '2026-01-16' },
  { program: 'this', amountFen: 20_000, status: 'voided', enteredAt: '2026-01-20T04:00:00.000Z', voidedAt: '2026-01-21T04:00:00.000Z' },
  { program: 'medical', amountFen: 12_000, status: 'pending', enteredAt: '2026-03-09T04:00:00.000Z' },
  { program: 'last', amountFen: 70_000, status: 'paid', enteredAt: '2025-03-05T04:00:00.000Z', paidOn: '2025-03-06' },
];
const PAYMENTS_B: Pay[] = [
  { program: 'this', amountFen: 5_000, status: 'paid', enteredAt: new Date(2026, 1, 1).toISOString(), paidOn: '2026-02-01' },
  { program: 'this', amountFen: 8_000, status: 'approved', enteredAt: '2026-02-02T04:00:00.000Z' },
  { program: 'last', amountFen: 9_000, status: 'paid', enteredAt: '2025-12-30T04:00:00.000Z', paidOn: '2025-12-30' },
];

function seed(t: TestCore, files: HandFile[], payments: Pay[]) {
  const sqlite = sqliteOf(t);
  const ids = writeHandFiles(sqlite, files);
  const programs = {
    this: addProgram(sqlite, 'festival', 'union', '2026年送温暖'),
    medical: addProgram(sqlite, 'medical', 'union', '2026年医疗救助'),
    last: addProgram(sqlite, 'festival', 'union', '2025年送温暖', 2025),
  };
  sqlite.prepare("UPDATE aid_programs SET budget_fen = 40000 WHERE name = '2026年送温暖'").run();
  const fileId = ids.get(files[0]!.key)!;
  const idNumber = sqlite.prepare('SELECT head_id_number FROM hardship_files WHERE id = ?').pluck().get(fileId) as string;
  for (const p of payments) addPayment(sqlite, { ...p, program: programs[p.program], fileId, idNumber });
}

let federation: TestCore;
let centres: { t: TestCore; code: string }[];

// Each test's cores are closed after it (support/core.ts): the offices are set up again for each.
beforeEach(async () => {
  federation = await startOffice(FEDERATION);
  const a = await startOffice();
  const b = await startOffice(CENTRE_2);
  seed(a, FILES_A, PAYMENTS_A);
  seed(b, FILES_B, PAYMENTS_B);
  centres = [
    { t: a, code: sqliteOf(a).prepare('SELECT credit_code FROM org').pluck().get() as string },
    { t: b, code: CENTRE_2.creditCode },
  ];
  for (const c of centres) {
    await trustEachOther(c.t, federation);
    await send(c.t, federation);
  }
}, 60_000);

const chartsOf = (t: TestCore, centre?: string): Promise<Charts> => t.call('dashboard.charts', centre === undefined ? {} : { centre });

/** The charts without what only a federation adds (the program's centre, the bars per centre). */
function asCentre(charts: Charts) {
  const { federation: _bars, ...rest } = charts;
  return { ...rest, programs: rest.programs.map(({ centreCode: _code, ...p }) => p) };
}

const sortMonthly = (rows: Charts['monthly']) =>
  [...rows].sort((a, b) => a.year - b.year || a.month - b.month || a.type.localeCompare(b.type));

describe('dashboard.charts at a federation', () => {
  it("draws each centre's charts as that centre draws its own, and 各中心合计 as their sum", async () => {
    const own = [await chartsOf(centres[0]!.t), await chartsOf(centres[1]!.t)];
    expect(own.map((c) => c.households.total)).toEqual([3, 2]);
    for (const [i, c] of centres.entries()) {
      const theirs = await chartsOf(federation, c.code);
      expect(asCentre(theirs)).toEqual(own[i]);
      expect(theirs.federation).toMatchObject({ centre: c.code });
      expect(theirs.programs.every((p) => p.centreCode === c.code)).toBe(true);
    }
    const combined = await chartsOf(federation, 'all');
    expect(await chartsOf(federation)).toEqual(combined);
    expect(combined.federation).toMatchObject({ centre: 'all', label: '各中心合计' });
    expect(combined.households.total).toBe(5);
    expect(combined.households.byCategory).toEqual(
      own[0]!.households.byCategory.map((c, i) => ({ ...c, count: c.count + own[1]!.households.byCategory[i]!.count })),
    );
    const causes = new Map<string | null, number>();
    for (const c of own.flatMap((o) => o.households.byCause)) causes.set(c.cause, (causes.get(c.cause) ?? 0) + c.count);
    expect(new Map(combined.households.byCause.map((c) => [c.cause, c.count]))).toEqual(causes);
    const monthSum = new Map<string, { count: number; amountFen: number }>();
    for (const r of own.flatMap((o) => o.monthly)) {
      const key = `${r.year}-${r.month}-${r.type}`;
      const sum = monthSum.get(key) ?? { count: 0, amountFen: 0 };
      monthSum.set(key, { count: sum.count + r.count, amountFen: sum.amountFen + r.amountFen });
    }
    expect(
      new Map(sortMonthly(combined.monthly).map((r) => [`${r.year}-${r.month}-${r.type}`, { count: r.count, amountFen: r.amountFen }])),
    ).toEqual(monthSum);
    // B's payment entered at the office's local midnight of 1 February is February's there, and here.
    expect(sortMonthly(combined.monthly).find((r) => r.year === 2026 && r.month === 1)).toMatchObject({ count: 1, amountFen: 30_000 });
    expect(combined.programs.map((p) => p.name)).toEqual([...own[0]!.programs, ...own[1]!.programs].map((p) => p.name));
  });

  it('gives every centre its bar: files in force and this year’s aid paid, as its lists count them', async () => {
    const { federation: bars } = await chartsOf(federation, centres[1]!.code);
    // Every centre, whichever the charts count.
    expect(new Map(bars!.centres.map((c) => [c.code, [c.inForce, c.paidCount, c.paidFen]]))).toEqual(
      new Map([
        [centres[0]!.code, [3, 1, 30_000]],
        [centres[1]!.code, [2, 1, 5_000]],
      ]),
    );
    for (const bar of bars!.centres) {
      const files = await federation.call('federation.centreFiles', { centre: bar.code, inForce: true });
      expect(files.total).toBe(bar.inForce);
      const paid = await federation.call('federation.centrePayments', { centre: bar.code, year: 2026, status: 'paid' });
      expect([paid.totals.count, paid.totals.amountFen]).toEqual([bar.paidCount, bar.paidFen]);
    }
  });

  it("opens, for each number of a centre's charts, a list that shows that number", async () => {
    for (const { code } of centres) {
      const charts = await chartsOf(federation, code);
      for (const { category, count } of charts.households.byCategory) {
        expect((await federation.call('federation.centreFiles', { centre: code, inForce: true, category })).total).toBe(count);
      }
      for (const { cause, count } of charts.households.byCause) {
        const listed = await federation.call('federation.centreFiles', { centre: code, inForce: true, mainCause: cause ?? 'none' });
        expect(listed.total).toBe(count);
      }
      const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
      for (const row of charts.monthly) {
        const m = String(row.month).padStart(2, '0');
        const to = row.year === 2026 && row.month === 3 ? charts.today : lastDay(row.year, row.month);
        const listed = await federation.call('federation.centrePayments', {
          centre: code,
          type: row.type,
          from: `${row.year}-${m}-01`,
          to,
        });
        expect(listed.totals).toMatchObject({ count: row.count, amountFen: row.amountFen });
      }
      for (const p of charts.programs) {
        const listed = await federation.call('federation.centrePayments', { centre: code, year: charts.year, programId: p.id });
        expect(listed.totals.amountFen).toBe(p.paidFen + p.unpaidFen);
        const paid = await federation.call('federation.centrePayments', { centre: code, programId: p.id, status: 'paid' });
        expect(paid.totals.amountFen).toBe(p.paidFen);
      }
    }
  });

  it('refuses a centre at a centre, and a code that is not one of the centres', async () => {
    expect((await centres[0]!.t.fail('dashboard.charts', { centre: 'all' })).code).toBe('DASHBOARD_SCOPE_FEDERATION_ONLY');
    expect((await centres[0]!.t.fail('dashboard.charts', { centre: CENTRE_2.creditCode })).code).toBe('DASHBOARD_SCOPE_FEDERATION_ONLY');
    expect((await federation.fail('dashboard.charts', { centre: '91110000MA00000000' })).code).toBe('DASHBOARD_CENTRE_UNKNOWN');
  });
});
