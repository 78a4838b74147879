import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { putInboxFile, putOutboxFile, readInboxFile, readOutboxFile, transientFiles } from '../../src/main/core/files';
import { openSealedFile, SEALED_CHUNK, SealedFileError, writeSealedFile } from '../../src/main/core/sealed-file';
import { dataPaths } from '../../src/main/core/paths';
import { startSetUpCore, tempDir } from './support/core';

async function collect(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

describe('sealed files (inbox and outbox at rest)', () => {
  it('give back every byte, by stream, range or position, and never hold the plain bytes', async () => {
    const dir = tempDir();
    const key = randomBytes(32);
    for (const size of [0, 1, SEALED_CHUNK, SEALED_CHUNK + 1, 3 * SEALED_CHUNK + 17]) {
      const plain = randomBytes(size);
      const path = join(dir, `s${size}`);
      writeSealedFile(path, key, plain);
      // 16 random bytes never turn up by chance in the sealed file (one byte would, now and then).
      if (size >= 16) expect(readFileSync(path).includes(plain.subarray(0, 64))).toBe(false);
      const file = await openSealedFile(path, key);
      try {
        expect(file.size).toBe(size);
        expect(await file.readAll()).toEqual(plain);
        expect(await collect(file.stream())).toEqual(plain);
        if (size > 10) {
          const start = Math.floor(size / 3);
          const end = size - 5;
          expect(await collect(file.stream({ start, end }))).toEqual(plain.subarray(start, end + 1));
          const buffer = Buffer.alloc(200);
          const at = Math.max(0, size - 150); // a read running past the end
          const { bytesRead } = await file.read(buffer, 0, 200, at);
          expect(buffer.subarray(0, bytesRead)).toEqual(plain.subarray(at));
        }
      } finally {
        await file.close();
      }
    }
  });

  it('refuse a damaged file, one cut short at a chunk boundary, and another key', async () => {
    const dir = tempDir();
    const key = randomBytes(32);
    const plain = randomBytes(2 * SEALED_CHUNK + 100);
    const readAll = async (path: string, k = key) => {
      const file = await openSealedFile(path, k);
      try {
        return await file.readAll();
      } finally {
        await file.close();
      }
    };
    const flipped = join(dir, 'flipped');
    writeSealedFile(flipped, key, plain);
    const bytes = readFileSync(flipped);
    bytes[100] = bytes[100]! ^ 1;
    writeFileSync(flipped, bytes);
    await expect(readAll(flipped)).rejects.toBeInstanceOf(SealedFileError);

    const cut = join(dir, 'cut');
    writeSealedFile(cut, key, plain);
    truncateSync(cut, 12 + 2 * (SEALED_CHUNK + 16)); // two whole chunks: it would read as a shorter file
    await expect(readAll(cut)).rejects.toBeInstanceOf(SealedFileError);

    const other = join(dir, 'other');
    writeSealedFile(other, key, plain);
    await expect(readAll(other, randomBytes(32))).rejects.toBeInstanceOf(SealedFileError);
  });

  it('are read back by the run that wrote them only: another run gets FILE_NOT_FOUND', async () => {
    const paths = dataPaths(tempDir());
    const mine = transientFiles(paths, randomBytes(32));
    const upload = putInboxFile(mine, '名册.csv', Buffer.from('姓名,身份证号\r\n'));
    const doc = putOutboxFile(mine, '恢复码.pdf', 'application/pdf', Buffer.from('%PDF-1.7'));
    expect((await readInboxFile(mine, upload.uploadId)).toString()).toBe('姓名,身份证号\r\n');
    const back = await readOutboxFile(mine, doc.fileId);
    expect(back).toMatchObject({ name: '恢复码.pdf', mime: 'application/pdf', bytes: Buffer.from('%PDF-1.7') });
    const theirs = transientFiles(paths, randomBytes(32));
    await expect(readOutboxFile(theirs, doc.fileId)).rejects.toMatchObject({ code: 'FILE_NOT_FOUND' });
    await expect(readInboxFile(theirs, upload.uploadId)).rejects.toMatchObject({ code: 'FILE_NOT_FOUND' });
  });
});

describe('what a run leaves in the inbox and outbox', () => {
  /** The id of a process that has ended: what a crashed run's files are named after. */
  const endedPid = () => {
    const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
    return Number(child.stdout.toString());
  };

  it('is removed at quit; what a crash left is removed at the next start, what a running copy uses is not', async () => {
    const t = await startSetUpCore();
    const paths = dataPaths(t.dataDir);
    const crashed = `${endedPid()}-0badc0de-01a24a59-0000-7000-8000-000000000001`;
    // The parent of this test process is running: a second copy of the program, its upload in flight.
    const running = `${process.ppid}-0badc0de-01a24a59-0000-7000-8000-000000000002`;
    const unsealed = '01a24a59-0000-7000-8000-000000000003'; // left in clear by a version before sealing
    for (const dir of [paths.inboxDir, paths.outboxDir]) mkdirSync(dir, { recursive: true });
    for (const name of [crashed, `${crashed}.meta`, running]) writeFileSync(join(paths.inboxDir, name), 'sealed bytes');
    writeFileSync(join(paths.outboxDir, crashed), 'sealed bytes');
    writeFileSync(join(paths.inboxDir, unsealed), '姓名,身份证号');
    writeFileSync(join(paths.inboxDir, `${unsealed}.json`), '{"name":"名册.csv"}');

    // A document of this run: gone when it quits.
    const printed = await t.job('roster.print', { query: '' });
    expect(printed.result.ok).toBe(true);
    const next = t.reopen();
    expect(readdirSync(paths.inboxDir)).toEqual([running]);
    expect(readdirSync(paths.outboxDir)).toEqual([]);
    expect(await next.call('system.status', {})).toMatchObject({ state: 'ready' });
  });

  it("and an older version's folder readable by others is made the user's alone at start", async () => {
    const t = await startSetUpCore();
    const paths = dataPaths(t.dataDir);
    expect((await t.job('backup.create', {})).result.ok).toBe(true);
    t.core.close();
    for (const path of [paths.database, paths.recoveryFile]) chmodSync(path, 0o644);
    chmodSync(paths.dataDir, 0o755);
    for (const name of readdirSync(paths.backupsDir)) chmodSync(join(paths.backupsDir, name), 0o644);
    const again = t.reopen();
    for (const path of [paths.database, paths.recoveryFile, ...readdirSync(paths.backupsDir).map((n) => join(paths.backupsDir, n))]) {
      expect(statSync(path).mode & 0o777).toBe(0o600);
    }
    expect(statSync(paths.dataDir).mode & 0o777).toBe(0o700);
    expect(existsSync(`${paths.database}-wal`) ? statSync(`${paths.database}-wal`).mode & 0o777 : 0o600).toBe(0o600);
    expect(await again.call('system.status', {})).toMatchObject({ state: 'ready' });
  });
});
