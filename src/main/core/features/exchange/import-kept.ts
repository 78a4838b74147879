import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readdirSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import { join } from 'node:path';
import type { KeptPendingRun, KeptReimported } from '@shared/contract/exchange-import';
import type { CallContext } from '../../context';
import { ensurePrivateDir, fsyncFile } from '../../fs-atomic';
import type { JobHandle } from '../../jobs';
import { importFile, keptBatchPath, receivedDir, requireFederation } from './import-batch.service';
import { nextSequence } from './import-store';

/*
 * A federation's restore rolls back exchange_received and the centres' records to the backup's moment, but not the
 * batch files it applied since (exchange/received/<code>-<n>.bfb, encrypted to it): without them each centre's next
 * batch would be a gap and the centre would have to 补发 every batch since the backup. So 接收批次 lists the kept files
 * the database has not applied, from the batch each centre is expected to send next on, and one button puts them
 * through the import again (importFile: signature, a sender's key trusted here, sequence, hash; the same audit entries
 * and receipts). A kept file refused is set aside (exchange/received/set-aside/), named in the result, and what follows
 * it is a normal gap that the centre's 补发 closes; one refused only because this database has no card of its sender
 * (the card was trusted after the backup) stays listed until the card is imported and confirmed again. The same list picks up a file kept by an import that crashed
 * between keeping it and its commit.
 */

const KEPT_NAME = /^([0-9A-Za-z_]+)-([1-9][0-9]{0,8})\.bfb$/;

function setAsideDir(ctx: CallContext): string {
  return join(receivedDir(ctx), 'set-aside');
}

/** Names only (no file is opened): a federation keeps thousands of batches and 接收批次 lists them on every visit. */
function keptSequences(ctx: CallContext): Map<string, Set<number>> {
  const byName = new Map<string, Set<number>>();
  const dir = receivedDir(ctx);
  if (!existsSync(dir)) return byName;
  for (const name of readdirSync(dir)) {
    const match = KEPT_NAME.exec(name);
    if (!match) continue;
    const set = byName.get(match[1]!) ?? new Set<number>();
    set.add(Number(match[2]));
    byName.set(match[1]!, set);
  }
  return byName;
}

/** Each centre's kept batches that follow on from its last one applied here, without a hole. */
export function keptPending(ctx: CallContext): KeptPendingRun[] {
  const kept = keptSequences(ctx);
  if (kept.size === 0) return [];
  // A file's name holds the centre's code as keptBatchPath wrote it; the cards give the real code and its name.
  const cards = ctx.sqlite
    .prepare("SELECT code, name FROM exchange_peers WHERE mode = 'centre' AND status <> 'pending' ORDER BY imported_at")
    .all() as { code: string; name: string }[];
  const byFileCode = new Map<string, { code: string; name: string }>();
  for (const card of cards) byFileCode.set(fileCode(ctx, card.code), card);
  const runs: KeptPendingRun[] = [];
  for (const [nameCode, sequences] of kept) {
    // A centre this database has no card for (trusted after the backup): listed by its code, refused as unknown.
    const centre = byFileCode.get(nameCode) ?? { code: nameCode, name: nameCode };
    const from = nextSequence(ctx.sqlite, centre.code);
    let to = from - 1;
    while (sequences.has(to + 1)) to++;
    if (to >= from) runs.push({ ...centre, from, to });
  }
  return runs.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}

function fileCode(ctx: CallContext, code: string): string {
  const path = keptBatchPath(ctx, code, 1);
  return path.slice(receivedDir(ctx).length + 1, -'-1.bfb'.length);
}

async function hashOf(path: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(path)) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), bytes };
}

export function reimportKept(ctx: CallContext): { jobId: string } {
  requireFederation(ctx);
  return ctx.startJob(async (job) => ({ batches: await reimportRuns(ctx, job) }));
}

async function reimportRuns(ctx: CallContext, job: JobHandle): Promise<KeptReimported[]> {
  const done: KeptReimported[] = [];
  // Listed again inside the job: another clerk may have imported a 补发 batch since the screen was drawn.
  for (const run of keptPending(ctx)) {
    for (let sequence = run.from; sequence <= run.to; sequence++) {
      const path = keptBatchPath(ctx, run.code, sequence);
      const result = await importFile(ctx, job, { path, ...(await hashOf(path)) });
      done.push({
        code: result.centre?.code ?? run.code,
        name: result.centre?.name ?? run.name,
        sequence,
        outcome: result.outcome,
        reason: result.reason,
      });
      // A repeat: another clerk's import of the same batch (a 补发) came first; its file is this one.
      if (result.outcome === 'applied' || result.outcome === 'repeat') continue;
      // A centre this database has no card for (trusted after the backup) stays listed: once its card is imported
      // and confirmed again, the same button applies it. Anything else the file itself failed is set aside.
      if (result.reason !== 'unknown-sender') await setAside(ctx, path);
      break;
    }
  }
  return done;
}

/** Out of the list, never deleted: the file may be what someone looks into (a key withdrawn since, a damaged disk). */
async function setAside(ctx: CallContext, path: string): Promise<void> {
  const dir = setAsideDir(ctx);
  ensurePrivateDir(dir);
  const name = path.slice(receivedDir(ctx).length + 1);
  await rename(path, join(dir, `${ctx.now().replace(/[^0-9]/g, '')}-${name}`));
  fsyncFile(dir);
  fsyncFile(receivedDir(ctx));
}
