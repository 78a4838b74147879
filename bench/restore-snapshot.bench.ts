import { afterAll, expect, test } from 'vitest';
import { centreAt, exportNext, finished, importAtFederation, measured, trustEachOther } from './exchange-steps';
import { cores, newCore } from './support';

/**
 * The full batch after a restore (features/backup/carry-exchange.ts, exchange/import-withdraw.ts) against the first
 * batch of the same centre, in the same run: a centre's batch 1 exported and imported, a backup from before it
 * restored, then batch 2 — every record again, revs raised by the base — exported and imported. The import of batch 2
 * replaces every record (updates, not inserts), notes each id the snapshot names in a TEMP table and withdraws the
 * centre's records it lacks; the first import does none of that. BENCH_MEMBERS/FILES/PAYMENTS set the scale (a
 * tenth of issue 12's by default). Nothing here fails on time.
 */
const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 100_000);
const FILES = Number(process.env.BENCH_FILES ?? 10_000);
const PAYMENTS = Number(process.env.BENCH_PAYMENTS ?? 100_000);
afterAll(() => cores.forEach((c) => c.close()));

test(`the full batch after a restore at ${MEMBERS.toLocaleString()} members, ${FILES.toLocaleString()} files, ${PAYMENTS.toLocaleString()} payments`, async () => {
  const centre = await centreAt(MEMBERS, FILES, PAYMENTS);
  const federation = await newCore('federation');
  await trustEachOther(centre, federation);
  const { jobId } = await centre.call<{ jobId: string }>('backup.create', {});
  const backup = (await finished(centre, jobId)) as { id: string };

  const firstExport = await measured(() => exportNext(centre));
  const firstImport = await measured(() => importAtFederation(centre, federation, firstExport.value.file.fileId));
  expect(firstImport.value).toMatchObject({ outcome: 'applied', sequence: 1, withdrawn: 0 });

  const restore = await measured(() => centre.call('backup.restore', { backupId: backup.id }));
  await centre.call('auth.signIn', { username: 'bench', password: 'Measure#2026' });
  const fullExport = await measured(() => exportNext(centre));
  expect(fullExport.value.batch).toMatchObject({ sequence: 2, snapshot: true });
  const fullImport = await measured(() => importAtFederation(centre, federation, fullExport.value.file.fileId));
  expect(fullImport.value).toMatchObject({ outcome: 'applied', sequence: 2, withdrawn: 0 });
  expect(fullImport.value.applied).toEqual(firstImport.value.applied);

  const row = (m: { seconds: number; cpuSeconds: number; peakMiB: number }, base?: { seconds: number; cpuSeconds: number }) => ({
    seconds: m.seconds.toFixed(2),
    'CPU s': m.cpuSeconds.toFixed(2),
    ratio: base ? `${(m.seconds / base.seconds).toFixed(2)}× (CPU ${(m.cpuSeconds / base.cpuSeconds).toFixed(2)}×)` : '1.00×',
    'peak MiB': m.peakMiB.toFixed(0),
  });
  console.table({
    'batch 1 export (baseline)': row(firstExport),
    'batch 2 export, full after the restore': row(fullExport, firstExport),
    'batch 1 import, first snapshot (baseline)': row(firstImport),
    'batch 2 import, later snapshot (updates + withdraw)': row(fullImport, firstImport),
    'backup.restore (carry included)': row(restore),
  });
});
