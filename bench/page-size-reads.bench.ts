import { afterAll, expect, test } from 'vitest';
import { centreAt } from './exchange-steps';
import { cores, timedRuns } from './support';

/**
 * A centre's everyday reads by the page size its database was created with (client.ts NEW_DATABASE_PAGE_SIZE): the
 * same centre (BENCH_READS_MEMBERS members, a tenth as many files, as many payments as members) made once per page
 * size in this process, then the roster, file and payment lists read through the router. "warm": the pages in the
 * connection's cache; "cold": after `shrink_memory` empties it, so each page is read from the OS's cache and
 * decrypted again (the first screen after a start, or after an import pushed the pages out).
 */
const MEMBERS = Number(process.env.BENCH_READS_MEMBERS ?? 200_000);
const RUNS = Number(process.env.BENCH_READS_RUNS ?? 7);
const PAGE_SIZES = (process.env.BENCH_READS_PAGE_SIZES ?? '4096,16384,65536').split(',').map(Number);
afterAll(() => cores.forEach((c) => c.close()));

const READS: Record<string, [string, unknown]> = {
  'roster, first page': ['roster.search', {}],
  'roster, page 200 by join date': ['roster.search', { sort: 'joinedOn', page: 200 }],
  'roster, name 王': ['roster.search', { query: '王' }],
  'roster, ID tail 1234': ['roster.search', { query: '1234' }],
  'files, first page': ['files.list', {}],
  'payments, first page': ['aid.payments', {}],
  'payments, voided': ['aid.payments', { status: 'voided' }],
};

test(`a centre's reads at ${MEMBERS} members by page size (${PAGE_SIZES.join(', ')})`, async () => {
  const rows: Record<string, Record<string, string>> = {};
  for (const pageSize of PAGE_SIZES) {
    const centre = await centreAt(MEMBERS, Math.round(MEMBERS / 10), MEMBERS, pageSize);
    const sqlite = centre.core.state.conn!.sqlite;
    expect(sqlite.pragma('page_size', { simple: true })).toBe(pageSize);
    const label = `${pageSize / 1024} KiB`;
    for (const [name, [channel, input]] of Object.entries(READS)) {
      await centre.call(channel, input);
      const warm = await timedRuns(RUNS, () => centre.call(channel, input));
      const cold = await timedRuns(RUNS, () => (sqlite.pragma('shrink_memory'), centre.call(channel, input)));
      const row = (rows[name] ??= {});
      row[`${label} warm ms`] = warm.p50.toFixed(1);
      row[`${label} cold ms`] = cold.p50.toFixed(1);
    }
    centre.core.close();
  }
  console.table(rows);
});
