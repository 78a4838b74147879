import { describe, expect, it } from 'vitest';
import { addUser, startSetUpCore } from './support/core';
import { countsOf, drillOf, writeHandFiles, type HandFile } from './support/report-files';

/**
 * The three file tables (docs/domain.md "Reports") on a hand-built office whose every cell is known: 2026's third
 * quarter (07-01 … 09-30), as of 10-08 unless said. Each step is recorded at 02:00 UTC, well inside its local day.
 */
const at = (day: string) => `${day}T02:00:00.000Z`;

const FILES: HandFile[] = [
  // On record all along.
  { key: 'A', category: 'deep', worker: 'urban', entry: 'new', cause: '6', status: 'active', steps: [['approve', at('2026-03-15')]] },
  // An old file imported in May, filed in 2021 by its sheet: on record from 2021.
  {
    key: 'B',
    category: 'relative',
    worker: 'migrant',
    entry: 'existing',
    cause: '3',
    status: 'active',
    steps: [['confirmImport', at('2026-05-01'), '2021-04-01']],
  },
  // New in the quarter.
  { key: 'C', category: 'deep', worker: 'urban', entry: 'new', cause: '1', status: 'active', steps: [['approve', at('2026-08-10')]] },
  // Left hardship on 09-20, recorded on 10-03: out in Q3 as of 10-08, still on record as of 09-30.
  {
    key: 'D',
    category: 'relative',
    worker: 'urban',
    entry: 'new',
    cause: '3',
    status: 'exited',
    steps: [
      ['approve', at('2025-01-10')],
      ['exit', at('2026-10-03'), '2026-09-20'],
    ],
  },
  // Closed on 10-20, after the as-of day: on record, not closed.
  {
    key: 'E',
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
  // A relapse: the household's new file, approved in the quarter.
  {
    key: 'F',
    category: 'deep',
    worker: 'migrant',
    entry: 'relapsed',
    cause: '2',
    status: 'active',
    steps: [['approve', at('2026-09-05')]],
  },
  // Left hardship on 06-30, the last day of Q2: gone before Q3.
  {
    key: 'G',
    category: 'relative',
    worker: 'urban',
    entry: 'new',
    cause: '3',
    status: 'exited',
    steps: [
      ['approve', at('2024-02-01')],
      ['exit', at('2026-06-30'), '2026-06-30'],
    ],
  },
  // New and closed within the quarter.
  {
    key: 'H',
    category: 'deep',
    worker: 'urban',
    entry: 'new',
    cause: '6',
    status: 'closed',
    steps: [
      ['approve', at('2026-07-05')],
      ['close', at('2026-09-10')],
    ],
  },
  // Approved after the quarter, before the as-of day: not in Q3.
  { key: 'I', category: 'relative', worker: 'urban', entry: 'new', cause: '9', status: 'active', steps: [['approve', at('2026-10-05')]] },
  // A draft: never on record.
  { key: 'J', category: null, worker: 'urban', entry: 'new', cause: '6', status: 'draft', steps: [] },
  // An old file without a cause, imported in July, filed in 2020: on record at the quarter's opening, as recorded now.
  {
    key: 'K',
    category: 'relative',
    worker: 'urban',
    entry: 'existing',
    cause: null,
    status: 'active',
    steps: [['confirmImport', at('2026-07-20'), '2020-05-05']],
  },
  // In its annual review: still on record.
  {
    key: 'L',
    category: 'deep',
    worker: 'urban',
    entry: 'new',
    cause: '6',
    status: 'annualReview',
    steps: [
      ['approve', at('2025-03-01')],
      ['startAnnualReview', at('2026-08-01')],
    ],
  },
];

const Q3 = { kind: 'quarter' as const, year: 2026, quarter: 3 as const };

async function handOffice() {
  const t = await startSetUpCore();
  const ids = writeHandFiles(t.core.state.conn!.sqlite, FILES);
  await addUser(t, 'viewer', 'viewer.wu', 'viewer');
  const sheets = async (asOf: string, period: object = Q3) =>
    (await t.call('reports.tables', { tables: ['households', 'causes', 'movements'], period: period as never, asOf }, 'viewer')).sheets;
  const drill = async (key: string) => {
    const list = await t.call('reports.drill', { key, limit: 50, offset: 0 }, 'viewer');
    if (list.kind !== 'files') throw new Error('not files');
    const keyOf = new Map([...ids].map(([k, id]) => [id, k]));
    return { keys: list.rows.map((r) => keyOf.get(r.fileId)).sort(), rows: list.rows, total: list.total };
  };
  return { t, sheets, drill };
}

describe('reports: the file tables', () => {
  it('counts the households on record by category × urban/migrant × new/existing/relapsed, and drills to them', async () => {
    const { sheets, drill } = await handOffice();
    const [households] = await sheets('2026-10-08');
    expect(households!.name).toBe('困难职工家庭');
    expect(households!.period).toBe('2026年第三季度');
    expect(households!.asOf).toBe('截至 2026-10-08');
    expect(households!.reportingUnit).toBe('测试区总工会职工帮扶中心');
    // 合计 | 城镇职工 小计 新增 存量 返困 | 农民工 小计 新增 存量 返困
    expect(countsOf(households!)).toEqual({
      深度困难: [4, 3, 3, 0, 0, 1, 0, 0, 1],
      相对困难: [2, 1, 0, 1, 0, 1, 0, 1, 0],
      意外致困: [1, 0, 0, 0, 0, 1, 1, 0, 0],
      合计: [7, 4, 3, 1, 0, 3, 1, 1, 1],
    });
    const deepUrbanNew = await drill(drillOf(households!, '深度困难', 2));
    expect(deepUrbanNew.keys).toEqual(['A', 'C', 'L']);
    expect(deepUrbanNew.total).toBe(3);
    // The head's ID is masked as on the file list; the row carries the file's id for the link.
    expect(deepUrbanNew.rows[0]!.headIdMasked).toContain('*');
    expect(deepUrbanNew.rows.map((r) => r.headIdMasked).join()).not.toMatch(/\d{17}/);
    expect((await drill(drillOf(households!, '合计', 0))).keys).toEqual(['A', 'B', 'C', 'E', 'F', 'K', 'L']);
  });

  it('counts main cause × category, a line for old files without a cause', async () => {
    const { sheets, drill } = await handOffice();
    const [, causes] = await sheets('2026-10-08');
    // 合计 | 深度困难 相对困难 意外致困
    expect(countsOf(causes!)).toEqual({
      '1 无劳动能力': [1, 1, 0, 0],
      '2 有劳动能力而未就业': [1, 1, 0, 0],
      '3 下岗失业': [1, 0, 1, 0],
      '4 未参加社会保险': [0, 0, 0, 0],
      '5 社会保险待遇落实不到位': [0, 0, 0, 0],
      '6 患重特大疾病': [2, 2, 0, 0],
      '7 遭受自然灾害': [0, 0, 0, 0],
      '8 遭受意外事故': [1, 0, 0, 1],
      '9 子女上学': [0, 0, 0, 0],
      '10 其他': [0, 0, 0, 0],
      未填写: [1, 0, 1, 0],
      合计: [7, 4, 2, 1],
    });
    expect((await drill(drillOf(causes!, '6 患重特大疾病', 1))).keys).toEqual(['A', 'L']);
    expect((await drill(drillOf(causes!, '未填写', 0))).keys).toEqual(['K']);
  });

  it('adds the movements up across the quarter boundary: Q2 closing is Q3 opening; a relapse; out by its day once recorded', async () => {
    const { sheets, drill } = await handOffice();
    // 期初 新增 脱困 注销 返困 期末
    const [, , q2] = await sheets('2026-10-08', { kind: 'quarter', year: 2026, quarter: 2 });
    expect(countsOf(q2!).合计).toEqual([7, 0, 1, 0, 0, 6]);
    const [, , q3] = await sheets('2026-10-08');
    expect(countsOf(q3!)).toEqual({
      深度困难: [2, 2, 0, 1, 1, 4],
      相对困难: [3, 0, 1, 0, 0, 2],
      意外致困: [1, 0, 0, 0, 0, 1],
      合计: [6, 2, 1, 1, 1, 7],
    });
    expect(q3!.notes![0]).toBe('核对：期初 6 + 新增 2 − 脱困 1 − 注销 1 + 返困 1 = 期末 7，相符。');
    expect((await drill(drillOf(q3!, '合计', 0))).keys).toEqual(['A', 'B', 'D', 'E', 'K', 'L']);
    expect((await drill(drillOf(q3!, '合计', 1))).keys).toEqual(['C', 'H']);
    const out = await drill(drillOf(q3!, '合计', 2));
    expect(out.keys).toEqual(['D']);
    expect(out.rows[0]!.stepOn).toBe('2026-09-20');
    expect((await drill(drillOf(q3!, '合计', 3))).keys).toEqual(['H']);
    expect((await drill(drillOf(q3!, '合计', 4))).keys).toEqual(['F']);

    // As of the quarter's last day the exit (recorded 10-03) is not yet on record: D is still counted.
    const [, , early] = await sheets('2026-09-30');
    expect(countsOf(early!).合计).toEqual([6, 2, 0, 1, 1, 8]);
    expect((await drill(drillOf(early!, '合计', 5))).keys).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'K', 'L']);
  });

  it('counts a quarter still running up to the as-of day, and refuses an as-of day before the period', async () => {
    const { t, sheets } = await handOffice();
    const [households, , movements] = await sheets('2026-08-15');
    // A B C D E H K L: H's closing (09-10) and D's exit (recorded 10-03) are not yet on record.
    expect(countsOf(households!).合计![0]).toBe(8);
    expect(countsOf(movements!).合计).toEqual([6, 2, 0, 0, 0, 8]);
    expect(movements!.notes![1]).toContain('2026-08-15');
    const error = await t.fail('reports.tables', { tables: ['households'], period: Q3, asOf: '2026-06-30' }, 'viewer');
    expect(error.code).toBe('REPORT_AS_OF_BEFORE_PERIOD');
    expect((await t.fail('reports.drill', { key: 'files:{"t":"households"}' }, 'viewer')).code).toBe('REPORT_DRILL_UNKNOWN');
    expect((await t.fail('reports.drill', { key: 'nothing:{}' }, 'viewer')).code).toBe('REPORT_DRILL_UNKNOWN');
  });
});
