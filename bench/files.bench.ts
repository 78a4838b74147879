import { afterAll, expect, test } from 'vitest';
import { writeDemoFilesFor } from '../src/main/tools/demo-hardship-files';
import { writeDemoCsv } from '../src/main/tools/demo-roster-file';
import { compare } from './compare';
import { cores, newCore, timedImport } from './support';

/**
 * Hardship file lists at scale (issue 4's target: list and filter queries p95 ≤ 20 ms at 50,000 files), through
 * the router as the screen calls them, against an exact lookup of one file by id. BENCH_FILES lowers the count.
 */
const FILES = Number(process.env.BENCH_FILES ?? 50_000);
afterAll(() => cores.forEach((c) => c.close()));

test(`file list and filters at ${FILES.toLocaleString()} files`, async () => {
  const env = await newCore();
  await timedImport(env, (path) => writeDemoCsv(path, FILES), 'roster.csv');
  const sqlite = env.core.state.conn!.sqlite;
  expect(writeDemoFilesFor(env.core, FILES)).toBe(FILES);
  const ids = sqlite.prepare('SELECT id FROM hardship_files').pluck().all() as string[];
  const byId = sqlite.prepare('SELECT id, status FROM hardship_files WHERE id = ?');
  const list = (input: object) => () => env.core.dispatch('b', 'files.list', input);
  // The unit with the most files (the worst case of the unit filter) and one of median size.
  const units = sqlite
    .prepare(
      `SELECT u.id, count(*) AS files FROM hardship_files f JOIN members m ON m.id = unhex(replace(f.member_id, '-', ''))
       JOIN units u ON u.ref = m.unit_ref GROUP BY u.ref ORDER BY files DESC`,
    )
    .all() as { id: string; files: number }[];
  const [largest, median] = [units[0]!, units[Math.floor(units.length / 2)]!];
  let i = 0;
  await compare(
    `Hardship files at ${FILES.toLocaleString()} (through the router, one page of 50, counts of every status and flag)`,
    { name: 'one file by id (baseline, raw SQL)', fn: () => byId.get(ids[i++ % ids.length]) },
    [
      { name: 'all, first page', fn: list({}) },
      { name: 'status 在档', fn: list({ status: 'active' }) },
      { name: 'status 公示中', fn: list({ status: 'notice' }) },
      { name: 'category 深度困难', fn: list({ category: 'deep' }) },
      { name: 'flag 复核到期', fn: list({ flag: 'reviewDue' }) },
      { name: 'flag 12 个月未更新', fn: list({ flag: 'stale' }) },
      { name: 'flag 公示即将期满', fn: list({ flag: 'noticeEnding' }) },
      { name: 'flag 公示期已满', fn: list({ flag: 'noticeEnded' }) },
      { name: `unit with the most files (${largest.files})`, fn: list({ unitId: largest.id }) },
      { name: `unit of median size (${median.files} files)`, fn: list({ unitId: median.id }) },
      { name: 'largest unit, status 在档', fn: list({ unitId: largest.id, status: 'active' }) },
      { name: 'status 在档, page 20', fn: list({ status: 'active', page: 20 }) },
      { name: 'one file page (files.get)', fn: () => env.core.dispatch('b', 'files.get', { id: ids[i++ % ids.length] }) },
    ],
  );
});
