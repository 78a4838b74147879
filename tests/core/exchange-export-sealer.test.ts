import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ColumnMapping } from '@shared/contract/roster-import';
import { sealerThreadsRunning } from '../../src/main/core/exchange/format/payload-thread';
import { demoMembers } from '../../src/main/core/features/roster/demo-members';
import { insertFile, sqliteOf } from './support/aid';
import { bundleBatchSealer } from './support/bundle';
import { inboxUpload, type TestCore } from './support/core';
import { centreWithFederation, exportBatch, readAsFederation } from './support/exchange-export';

/**
 * 上报批次 as the program runs it: the core hands the batch's pages to a sealer thread (gzip, age, hash;
 * exchange/format/payload-thread.ts). The federation reads the batch as ever; a cancel, or a sealer thread that fails,
 * leaves neither row nor file, the clerk gets a coded error, and no thread outlives the job.
 */

let sealerPath: string;
beforeAll(() => {
  sealerPath = bundleBatchSealer();
});

const sentDir = (t: TestCore) => join(t.dataDir, 'exchange', 'sent');
const sentFiles = (t: TestCore) => (existsSync(sentDir(t)) ? readdirSync(sentDir(t)) : []);
const sentRows = (t: TestCore) => sqliteOf(t).prepare('SELECT count(*) FROM exchange_sent').pluck().get();

async function importRoster(t: TestCore, n: number) {
  const lines = [
    '姓名,身份证号,手机,工作单位',
    ...[...demoMembers(n)].map((m) => `${m.name},${m.idNumber},${m.phone ?? ''},${m.unitName ?? ''}`),
  ];
  const source = inboxUpload(t, 'roster.csv', Buffer.from(lines.join('\r\n'), 'utf8'));
  const inspected = await t.call('rosterImport.inspect', source);
  const { result } = await t.job('rosterImport.commit', { ...source, mapping: inspected.suggested as ColumnMapping, policy: 'update' });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
}

describe('上报批次 sealed in a thread of its own', () => {
  it('writes a batch the federation reads whole, with progress, and ends its thread', async () => {
    const { t, federation } = await centreWithFederation({ batchSealerPath: sealerPath });
    await importRoster(t, 6_000);
    insertFile(t, { headName: '李四' });
    const { batch, file, progress } = await exportBatch(t);
    expect(batch).toMatchObject({ sequence: 1, snapshot: true, counts: { members: 6_000, hardship_files: 1 } });
    const read = await readAsFederation(t, federation, file);
    expect(read.records.filter((r) => r.table === 'members')).toHaveLength(6_000);
    expect(read.records.filter((r) => r.table === 'hardship_files')).toHaveLength(1);
    expect(new Set(read.records.map((r) => r.id)).size).toBe(read.records.length);
    expect(progress.at(-1)).toEqual({ done: read.records.length, total: read.records.length });
    expect(sealerThreadsRunning()).toBe(0);
  });

  it('leaves neither row, file nor thread when cancelled', async () => {
    const { t } = await centreWithFederation({ batchSealerPath: sealerPath });
    await importRoster(t, 12_000);
    const { jobId } = await t.call('exchange.exportBatch', {}, 'clerk');
    // Cancelled once the first page is on its way to the thread.
    while (!t.events.some((e) => e.type === 'job.progress' && e.jobId === jobId)) await new Promise((r) => setTimeout(r, 1));
    await t.call('jobs.cancel', { jobId }, 'clerk');
    while (!t.events.some((e) => e.type === 'job.finished' && e.jobId === jobId)) await new Promise((r) => setTimeout(r, 5));
    expect(t.events.find((e) => e.type === 'job.finished' && e.jobId === jobId)).toMatchObject({
      result: { ok: false, error: { code: 'JOB_CANCELLED' } },
    });
    expect(sentRows(t)).toBe(0);
    expect(sentFiles(t)).toEqual([]);
    expect(sealerThreadsRunning()).toBe(0);
  });

  it('ends with a coded error, leaving neither row, file nor thread, when the sealer thread fails', async () => {
    // A sealer script that is not there: the thread fails as it starts.
    const { t } = await centreWithFederation({ batchSealerPath: join(sealerPath, '..', 'no-such-sealer.js') });
    await importRoster(t, 3_000);
    const { result } = await t.job('exchange.exportBatch', {}, 'clerk');
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL', ref: expect.any(String) } });
    expect(sentRows(t)).toBe(0);
    expect(sentFiles(t)).toEqual([]);
    expect(sealerThreadsRunning()).toBe(0);
  });
});
