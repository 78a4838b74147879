import { randomBytes } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { expect, test } from 'vitest';
import { openSpreadsheet, type FileLocation } from '../src/main/core/features/roster/import';
import { sealedWriteStream } from '../src/main/core/sealed-file';
import { writeDemoCsv, writeDemoXlsx } from '../src/main/tools/demo-roster-file';
import { benchDir } from './support';

/**
 * The cost of keeping uploads sealed (core/sealed-file.ts): the same roster read to its last row from a plain file
 * and from its sealed copy in the inbox, alternately, best of three each. BENCH_MEMBERS sets the rows (200,000).
 */
const ROWS = Number(process.env.BENCH_MEMBERS ?? 200_000);

async function rowsIn(location: FileLocation, fileName: string): Promise<number> {
  const source = await openSpreadsheet(location, { maxBytes: 1024 ** 3, fileName });
  let n = 0;
  try {
    for await (const _row of source.rows) n++;
  } finally {
    await source.close();
  }
  return n;
}

async function bestOf(runs: number, fn: () => Promise<number>): Promise<number> {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn();
    best = Math.min(best, (performance.now() - started) / 1000);
  }
  return best;
}

test(`reading ${ROWS.toLocaleString()} rows: plain file against its sealed copy`, async () => {
  const dir = benchDir('bangfu-bench-sealed-');
  const key = randomBytes(32);
  const table = [];
  for (const [name, write] of [
    ['roster.csv', (p: string) => writeDemoCsv(p, ROWS)],
    ['roster.xlsx', (p: string) => writeDemoXlsx(p, Math.min(ROWS, 100_000), 7)],
  ] as const) {
    const plain = join(dir, name);
    await write(plain);
    const sealed = { sealedPath: join(dir, `${name}.sealed`), key };
    await pipeline(createReadStream(plain), sealedWriteStream(sealed.sealedPath, key));
    expect(await rowsIn(sealed, name)).toBe(await rowsIn(plain, name));
    let plainSeconds = Infinity;
    let sealedSeconds = Infinity;
    for (let round = 0; round < 3; round++) {
      plainSeconds = Math.min(plainSeconds, await bestOf(1, () => rowsIn(plain, name)));
      sealedSeconds = Math.min(sealedSeconds, await bestOf(1, () => rowsIn(sealed, name)));
    }
    table.push({
      file: `${name} (${(statSync(plain).size / 2 ** 20).toFixed(0)} MB)`,
      'plain s': plainSeconds.toFixed(2),
      'sealed s': sealedSeconds.toFixed(2),
      ratio: `${(sealedSeconds / plainSeconds).toFixed(2)}×`,
    });
  }
  console.table(table);
});
