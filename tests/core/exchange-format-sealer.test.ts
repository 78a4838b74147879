import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBatchEntries, verifyBatchFile, writeBatch, type BatchEntry, type BatchWriteEntry } from '../../src/main/core/exchange/format';
import { entryLine } from '../../src/main/core/exchange/format/payload';
import { PAGES_AHEAD, sealPayloadInThread, sealerThreadsRunning } from '../../src/main/core/exchange/format/payload-thread';
import { bundleBatchSealer } from './support/bundle';
import { CREATED_AT, makeOrg, sampleEntries, tempFolder, trusting, type TestOrg } from './support/exchange-batch';

/**
 * A batch sealed in a thread of its own (exchange/format/payload-thread.ts): the pages travel to it without a copy,
 * at most a few ahead; a cancel, a failure in the thread or a thread that cannot start leaves no file, and no thread
 * outlives its batch. That the file is the same is exchange-format-interop.test.ts's (age, openssl, gunzip).
 */

let centre: TestOrg;
let federation: TestOrg;
let sealerPath: string;
const folder = tempFolder();
beforeAll(async () => {
  centre = await makeOrg('C001');
  federation = await makeOrg('F310');
  sealerPath = bundleBatchSealer();
});
afterAll(() => folder.remove());

/** `n` sample records as pages of lines of `perPage` (as export-records.ts hands them over), the attachment apart. */
function pagesOf(n: number, perPage: number) {
  const { manifest, entries } = sampleEntries(n);
  const pages: BatchWriteEntry[] = [];
  const records = entries.filter((e) => e.kind === 'record');
  for (let at = 0; at < records.length; at += perPage) {
    for (const table of ['members', 'hardship_files']) {
      const page = records.slice(at, at + perPage).filter((e) => e.record.table === table);
      if (page.length > 0)
        pages.push({ kind: 'lines', lines: { table, count: page.length, utf8: Buffer.from(page.map(entryLine).join('')) } });
    }
  }
  pages.push(entries.at(-1)!);
  return { manifest, entries, pages };
}

function write(
  name: string,
  options: Partial<Parameters<typeof writeBatch>[0]> & Pick<Parameters<typeof writeBatch>[0], 'manifest' | 'entries'>,
) {
  return writeBatch({
    path: join(folder.dir, name),
    sender: { code: centre.code, signingKey: centre.privateKey },
    recipient: { code: federation.code, signingKey: federation.publicKey, ageRecipient: federation.ageRecipient },
    sequence: 1,
    createdAt: CREATED_AT,
    sealerPath,
    ...options,
  });
}

async function readAll(path: string): Promise<BatchEntry[]> {
  const verdict = await verifyBatchFile(path, trusting(federation, [centre]));
  if (!verdict.ok) throw new Error(verdict.reason);
  const opened = await readBatchEntries(path, verdict, { ageIdentity: federation.ageIdentity });
  const read: BatchEntry[] = [];
  for await (const entry of opened.entries) read.push(entry);
  return read;
}

const leftovers = (prefix: string) => readdirSync(folder.dir).filter((f) => f.startsWith(prefix));

describe('a batch sealed in a thread of its own', () => {
  it('carries every page, transferred rather than copied, and reads back as written', async () => {
    const { manifest, entries, pages } = pagesOf(4_000, 250);
    await write('pages.bfb', { manifest, entries: pages });
    // A page holds one table's lines: the order differs, the records do not (the format lets lines come in any order).
    const records = (list: BatchEntry[]) =>
      list.flatMap((e) => (e.kind === 'record' ? [e.record] : [])).sort((a, b) => a.id.localeCompare(b.id));
    const read = await readAll(join(folder.dir, 'pages.bfb'));
    expect(records(read)).toEqual(records(entries));
    expect(read.filter((e) => e.kind === 'attachment')).toHaveLength(1);
    // A page's bytes moved to the thread: its buffer here is detached (empty).
    const sent = pages.filter((p) => p.kind === 'lines');
    expect(sent.every((p) => p.lines.utf8.buffer.byteLength === 0)).toBe(true);
    expect(sealerThreadsRunning()).toBe(0);
  });

  it('reads no further than PAGES_AHEAD pages ahead of what the thread has taken', async () => {
    // A thread that takes nothing: the writer sends PAGES_AHEAD pages, reads one more, and waits, until cancelled.
    const stuck = join(folder.dir, 'stuck-sealer.mjs');
    writeFileSync(stuck, "import { parentPort } from 'node:worker_threads';\nparentPort.on('message', () => {});\n");
    const controller = new AbortController();
    let read = 0;
    const pages = (async function* () {
      for (;;) {
        read++;
        await new Promise((resolve) => setImmediate(resolve));
        yield Buffer.alloc(1 << 20);
      }
    })();
    const target = { tmp: join(folder.dir, 'stuck.tmp'), ageRecipient: federation.ageRecipient, gzipLevel: 3 };
    const sealing = sealPayloadInThread(pages, target, stuck, controller.signal);
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    while (read <= PAGES_AHEAD) await sleep(5);
    await sleep(200);
    expect(read).toBe(PAGES_AHEAD + 1);
    controller.abort();
    await expect(sealing).rejects.toThrow(/abort/i);
    expect(sealerThreadsRunning()).toBe(0);
  });

  it('leaves no file and no thread when cancelled', async () => {
    const { manifest, pages } = pagesOf(10_000, 250);
    const controller = new AbortController();
    const cancelling = (async function* () {
      for (const [i, page] of pages.entries()) {
        if (i === 20) controller.abort();
        yield page;
      }
    })();
    await expect(write('cancel.bfb', { manifest, entries: cancelling, signal: controller.signal })).rejects.toThrow(/abort/i);
    expect(leftovers('cancel')).toEqual([]);
    expect(sealerThreadsRunning()).toBe(0);
  });

  it('fails with the thread’s error, stops reading, and leaves no file and no thread', async () => {
    const { manifest, pages } = pagesOf(10_000, 250);
    let read = 0;
    const counted = (async function* () {
      for (const page of pages) {
        read++;
        // As export-records.ts does between pages: the event loop turns, and the thread's answer arrives.
        await new Promise((resolve) => setImmediate(resolve));
        yield page;
      }
    })();
    await expect(
      write('failed.bfb', {
        manifest,
        entries: counted,
        recipient: { code: federation.code, signingKey: federation.publicKey, ageRecipient: 'age1notakey' },
      }),
    ).rejects.toThrow(/Unknown letter/);
    expect(read).toBeLessThan(pages.length);
    expect(leftovers('failed')).toEqual([]);
    expect(sealerThreadsRunning()).toBe(0);
  });

  it('fails, leaving no file, when the thread cannot start', async () => {
    const { manifest, pages } = pagesOf(2_000, 500);
    await expect(write('nothread.bfb', { manifest, entries: pages, sealerPath: join(folder.dir, 'missing.mjs') })).rejects.toThrow();
    expect(leftovers('nothread')).toEqual([]);
    expect(sealerThreadsRunning()).toBe(0);
  });
});
