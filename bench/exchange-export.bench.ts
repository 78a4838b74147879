import { generateKeyPairSync } from 'node:crypto';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { generateX25519Identity, identityToRecipient } from 'age-encryption';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, expect, test } from 'vitest';
import { writeDemoCsv } from '../src/main/tools/demo-roster-file';
import { cores, newCore, timedImport } from './support';

/**
 * 上报批次 at scale (issue 12's bench, the centre's half): the first batch of a roster of BENCH_MEMBERS (default
 * 1,000,000), its seconds, the peak RSS growth while it is written (flat: the export reads in pages and streams)
 * and the file's size. Nothing here fails on time.
 */
const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 1_000_000);
afterAll(() => cores.forEach((c) => c.close()));

test(`export the first batch of ${MEMBERS.toLocaleString()} members`, async () => {
  const env = await newCore();
  await timedImport(env, (p) => writeDemoCsv(p, MEMBERS), 'roster.csv');
  // A trusted federation, as if its card had been imported and confirmed (features/exchange/peers.*).
  const sqlite = env.core.state.conn!.sqlite;
  const raw = generateKeyPairSync('ed25519').publicKey.export({ format: 'der', type: 'spki' }).subarray(12);
  const userId = sqlite.prepare('SELECT id FROM users LIMIT 1').pluck().get() as string;
  const at = new Date(0).toISOString();
  sqlite
    .prepare(
      `INSERT INTO exchange_peers (id, code, name, region, mode, ed25519, x25519, fingerprint, card, card_created_at, status, change,
         imported_at, imported_by, confirmed_at, confirmed_by)
       VALUES (?, '81350100MC00000099', '基准测试市总工会', '350100', 'federation', ?, ?, ?, '{}', ?, 'trusted', 'new', ?, ?, ?, ?)`,
    )
    .run(uuidv7(), raw, await identityToRecipient(await generateX25519Identity()), '0'.repeat(40), at, at, userId, at, userId);

  const baseRss = process.memoryUsage().rss;
  let peak = baseRss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const started = performance.now();
  const { jobId } = await env.call<{ jobId: string }>('exchange.exportBatch', {});
  while (!env.finished.has(jobId)) await new Promise((r) => setTimeout(r, 20));
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  const result = env.finished.get(jobId)!.result;
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  const bytes = statSync(join(env.dataDir, 'exchange', 'sent', '91350100M000100Y43-000001.bfb')).size;
  console.table([
    {
      members: MEMBERS,
      seconds: seconds.toFixed(1),
      'records/s': Math.round(MEMBERS / seconds),
      'peak RSS growth MiB': ((peak - baseRss) / 2 ** 20).toFixed(0),
      'batch MiB': (bytes / 2 ** 20).toFixed(1),
      'bytes per member': (bytes / MEMBERS).toFixed(0),
    },
  ]);
  expect(bytes).toBeGreaterThan(0);
});
