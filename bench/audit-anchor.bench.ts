import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from 'vitest';
import { compare } from './compare';
import { AdjustableClock } from '../src/main/core/clock';
import { createCore } from '../src/main/core/core';
import { anchorKeyFor, auditHead, readAnchor, writeAnchor } from '../src/main/core/features/audit/audit-anchor';
import { checkAuditTrail } from '../src/main/core/features/audit/audit-check';
import { newDatabaseKey } from '../src/main/core/keys/key-file';
import { createMemoryLogger } from '../src/main/core/log';

/**
 * What the audit anchor (features/audit/audit-anchor.ts) costs a clerk: a roster edit through the router with the
 * anchor moved after the commit (one more IMMEDIATE transaction, an HMAC and an fsync'd rename of a small file)
 * against the same edit with no anchor file to move. The two alternate edit by edit, so that a machine whose load
 * changes during the run (fsync times vary most) weighs on both alike. Then the sign-in check against an edit.
 */
const dataDir = mkdtempSync(join(tmpdir(), 'bangfu-bench-'));
const key = newDatabaseKey();
const core = createCore({
  dataDir,
  resourcesDir: resolve('resources'),
  key,
  version: 'bench',
  clock: new AdjustableClock(),
  logger: createMemoryLogger(),
  autoBackup: false,
});
const anchorPath = core.state.paths.auditAnchor;

async function must<T>(channel: string, input: unknown): Promise<T> {
  const result = await core.dispatch('b', channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code}`);
  return result.data as T;
}
await must('system.setup', {
  org: { name: '基准测试帮扶中心', creditCode: '91350100M000100Y43', regionCode: '350100', mode: 'centre' },
  admin: { username: 'bench', displayName: 'bench', password: 'Measure#2026' },
});
await must('auth.signIn', { username: 'bench', password: 'Measure#2026' });
let member = await must<{ id: string; rev: number }>('roster.create', { name: '基准会员', idNumber: '11010519491231002X' });
let n = 0;
const edit = async () => {
  member = await must('roster.update', {
    id: member.id,
    rev: member.rev,
    name: '基准会员',
    phone: `1380000${String(n++ % 10_000).padStart(4, '0')}`,
  });
};

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: sorted[Math.floor(sorted.length / 2)]!, mean: samples.reduce((a, b) => a + b, 0) / samples.length };
}

test('a roster edit with and without moving the audit anchor', async () => {
  const without: number[] = [];
  const withAnchor: number[] = [];
  for (let i = 0; i < 150; i++) {
    rmSync(anchorPath, { force: true });
    let started = performance.now();
    await edit();
    without.push(performance.now() - started);
    writeAnchor(anchorPath, anchorKeyFor(key), auditHead(core.state.conn!.sqlite)!);
    started = performance.now();
    await edit();
    withAnchor.push(performance.now() - started);
  }
  const read = readAnchor(anchorPath, anchorKeyFor(key));
  expect(read.status === 'ok' && read.anchor.seq).toBe(auditHead(core.state.conn!.sqlite)!.seq); // it did move
  const [a, b] = [stats(without), stats(withAnchor)];
  console.log('\nRoster edit: cost of the audit anchor (alternating, 150 each)');
  console.table([
    { task: 'roster.update, no anchor to move (baseline)', 'p50 ms': a.p50.toFixed(2), 'mean ms': a.mean.toFixed(2), ratio: '1.00×' },
    {
      task: 'roster.update + anchor moved',
      'p50 ms': b.p50.toFixed(2),
      'mean ms': b.mean.toFixed(2),
      ratio: `${(b.p50 / a.p50).toFixed(2)}×`,
    },
  ]);

  const rows = await compare('Sign-in check against a roster edit', { name: 'roster.update (baseline)', fn: edit }, [
    { name: 'sign-in check (anchor vs log, triggers)', fn: () => checkAuditTrail(core.state, 'signIn') },
  ]);
  expect(rows.every((r) => r.meanMs > 0)).toBe(true);
}, 600_000);
