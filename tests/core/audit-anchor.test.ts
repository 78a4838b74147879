import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditHash } from '../../src/main/core/features/audit/audit.repo';
import { currentSignedHead, headIsSigned, anchorKeyFor } from '../../src/main/core/features/audit/audit-anchor';
import type { Sqlite } from '../../src/main/core/db/client';
import { newDatabaseKey } from '../../src/main/core/keys/key-file';
import { dataPaths } from '../../src/main/core/paths';
import { ADMIN, addUser, startCore, startSetUpCore, type TestCore } from './support/core';

type Row = {
  seq: number;
  at: string;
  userId: string | null;
  userName: string | null;
  action: string;
  recordType: string | null;
  recordId: string | null;
  summary: string;
  prevHash: string;
};

/** Someone with the database key and a SQLite tool: guards dropped, the change made, the guards put back. */
function tamper(sqlite: Sqlite, sql: (db: Sqlite) => void): void {
  sqlite.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete');
  sql(sqlite);
  sqlite.exec(`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
    CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;`);
}

/** Rewrites entry `seq` and recomputes every hash after it, so that the chain alone verifies again. */
function rewriteWithChain(sqlite: Sqlite, seq: number, summary: string): void {
  tamper(sqlite, (db) => {
    db.prepare('UPDATE audit_log SET summary = ? WHERE seq = ?').run(summary, seq);
    const rows = db
      .prepare(
        `SELECT seq, at, user_id AS userId, user_name AS userName, action, record_type AS recordType,
      record_id AS recordId, summary, prev_hash AS prevHash FROM audit_log WHERE seq >= ? ORDER BY seq`,
      )
      .all(seq) as Row[];
    let prev = rows[0]!.prevHash;
    for (const row of rows) {
      const hash = auditHash(prev, row.seq, row);
      db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?').run(prev, hash, row.seq);
      prev = hash;
    }
  });
}

async function signInAgain(t: TestCore) {
  await t.call('auth.signIn', { username: ADMIN.username, password: ADMIN.password });
  return (await t.call('audit.alarms')).alarms;
}

function anchorFile(t: TestCore): { seq: number; hash: string } {
  return JSON.parse(readFileSync(dataPaths(t.dataDir).auditAnchor, 'utf8')) as { seq: number; hash: string };
}

function lastSeq(t: TestCore): number {
  return t.core.state.conn!.sqlite.prepare('SELECT max(seq) FROM audit_log').pluck().get() as number;
}

describe('audit anchor', () => {
  it('keeps the signed head outside the database after every write', async () => {
    const t = await startSetUpCore();
    await addUser(t, 'clerk', 'clerk1', 'c');
    const head = currentSignedHead(t.core.state.conn!.sqlite, t.key)!;
    expect(anchorFile(t)).toEqual(head);
    expect(head.seq).toBe(lastSeq(t));
    expect(headIsSigned(anchorKeyFor(t.key), head)).toBe(true);
    expect(headIsSigned(anchorKeyFor(newDatabaseKey()), head)).toBe(false);
    expect(await t.call('audit.alarms')).toEqual({ alarms: [] });
  });

  it('detects an entry rewritten with the chain recomputed', async () => {
    const t = await startSetUpCore();
    await addUser(t, 'clerk', 'clerk1', 'c');
    rewriteWithChain(t.core.state.conn!.sqlite, 3, '{"event":"user.signedOut","params":{}}');
    const verified = await t.call('audit.verify', {});
    expect(verified).toMatchObject({ ok: false, firstBrokenSeq: null, problems: ['rewritten'] });
    const alarms = (await t.call('audit.alarms')).alarms;
    expect(alarms).toMatchObject([{ kind: 'rewritten', params: { when: 'verify' }, acknowledgedAt: null }]);
    // Recorded once: the anchor now follows the log as found, and the alarm stays until acknowledged.
    expect((await t.call('audit.verify', {})).ok).toBe(true);
    expect((await t.call('audit.alarms')).alarms).toHaveLength(1);
  });

  it('detects the last entries deleted, at the next start', async () => {
    const t = await startSetUpCore();
    await addUser(t, 'clerk', 'clerk1', 'c');
    const anchored = lastSeq(t);
    tamper(t.core.state.conn!.sqlite, (db) => db.prepare('DELETE FROM audit_log WHERE seq > ?').run(anchored - 2));
    const t2 = t.reopen();
    const alarms = await signInAgain(t2);
    expect(alarms).toMatchObject([{ kind: 'rolled-back', params: { when: 'start', anchored, found: anchored - 2 } }]);
    expect(t2.logger.lines.some((l) => l.includes('audit.alarm'))).toBe(true);
  });

  it('detects the database replaced by its own older backup, at start', async () => {
    const t = await startSetUpCore();
    const { result } = await t.job('backup.create', {});
    if (!result.ok) throw new Error(result.error.code);
    await addUser(t, 'clerk', 'clerk1', 'c');
    const anchored = lastSeq(t);
    t.core.close();
    const paths = dataPaths(t.dataDir);
    for (const suffix of ['-wal', '-shm']) rmSync(`${paths.database}${suffix}`, { force: true });
    copyFileSync(join(paths.backupsDir, result.data.id), paths.database);
    const t2 = t.reopen();
    const alarms = await signInAgain(t2);
    expect(alarms).toHaveLength(1);
    expect(alarms[0]).toMatchObject({ kind: 'rolled-back', params: { when: 'start', anchored } });
    expect(alarms[0]!.params.found).toBeLessThan(anchored);
    expect((await t2.call('audit.verify', {})).ok).toBe(true); // reported once; the chain itself is whole
  });

  it('detects a dropped append-only trigger at start, and puts it back', async () => {
    const t = await startSetUpCore();
    t.core.state.conn!.sqlite.exec('DROP TRIGGER audit_log_no_delete');
    const t2 = t.reopen();
    const alarms = await signInAgain(t2);
    expect(alarms).toMatchObject([{ kind: 'trigger-missing', params: { when: 'start', names: 'audit_log_no_delete' } }]);
    expect(() => t2.core.state.conn!.sqlite.exec('DELETE FROM audit_log WHERE seq = 1')).toThrow(/append-only/);
  });

  it('detects, at sign-in, an anchor removed or forged while the program runs', async () => {
    const t = await startSetUpCore();
    rmSync(dataPaths(t.dataDir).auditAnchor);
    expect(await signInAgain(t)).toMatchObject([{ kind: 'anchor-missing', params: { when: 'signIn' } }]);
    const forged = { ...anchorFile(t), seq: 1 };
    writeFileSync(dataPaths(t.dataDir).auditAnchor, JSON.stringify(forged));
    expect((await signInAgain(t)).map((a) => a.kind)).toEqual(['anchor-invalid', 'anchor-missing']);
  });

  it('raises no alarm for a restore through backup.restore, then or at the next start', async () => {
    const t = await startSetUpCore();
    const { result } = await t.job('backup.create', {});
    if (!result.ok) throw new Error(result.error.code);
    await addUser(t, 'clerk', 'clerk1', 'c');
    await t.call('backup.restore', { backupId: result.data.id });
    expect(await signInAgain(t)).toEqual([]);
    expect(anchorFile(t).seq).toBe(lastSeq(t));
    const t2 = t.reopen();
    expect(await signInAgain(t2)).toEqual([]);
    expect((await t2.call('audit.verify', {})).ok).toBe(true);
  });

  it('raises no alarm when the program stopped between a commit and its anchor write', async () => {
    const t = await startSetUpCore();
    const before = anchorFile(t);
    // A committed change whose anchor write never happened: the anchor file as it was before the change.
    await addUser(t, 'clerk', 'clerk1', 'c');
    writeFileSync(dataPaths(t.dataDir).auditAnchor, JSON.stringify(before));
    const t2 = t.reopen();
    expect(anchorFile(t2).seq).toBe(lastSeq(t2)); // caught up at start
    expect(await signInAgain(t2)).toEqual([]);
  });

  it('lets an administrator acknowledge an alarm; the acknowledgement is audited and the alarm stays', async () => {
    const t = await startSetUpCore();
    t.core.state.conn!.sqlite.exec('DROP TRIGGER audit_log_no_update');
    const t2 = t.reopen();
    const [alarm] = await signInAgain(t2);
    const { user } = await addUser(t2, 'clerk', 'clerk1', 'c');
    expect((await t2.fail('audit.acknowledge', { seq: alarm!.seq }, 'c')).code).toBe('FORBIDDEN');
    await t2.call('audit.acknowledge', { seq: alarm!.seq });
    await t2.call('audit.acknowledge', { seq: alarm!.seq });
    expect((await t2.call('audit.alarms')).alarms).toMatchObject([{ seq: alarm!.seq, acknowledgedBy: ADMIN.username }]);
    const acks = await t2.call('audit.list', { action: 'audit.acknowledge', page: 1, pageSize: 5 });
    expect(acks.entries).toMatchObject([
      { summary: { event: 'audit.alarmAcknowledged', params: { alarm: alarm!.seq, kind: 'trigger-missing' } } },
    ]);
    expect(user.id).toBeTruthy();
    expect((await t2.fail('audit.acknowledge', { seq: 1 })).code).toBe('NOT_FOUND');
  });

  it('only moves forward when a second copy of the program writes to the same data folder', async () => {
    const t = await startSetUpCore();
    const other = startCore({ dataDir: t.dataDir, key: t.key, clock: t.clock });
    await other.call('auth.signIn', { username: ADMIN.username, password: ADMIN.password });
    for (let i = 0; i < 4; i++) {
      await t.call('users.create', { username: `user-a${i}`, displayName: `甲${i}`, role: 'clerk', password: 'Temp#2026a' });
      await other.call('users.create', { username: `user-b${i}`, displayName: `乙${i}`, role: 'clerk', password: 'Temp#2026a' });
      expect(anchorFile(t).seq).toBe(lastSeq(t));
    }
    expect(await signInAgain(t)).toEqual([]);
    expect((await other.call('audit.alarms')).alarms).toEqual([]);
  });
});

describe('audit anchor on a database from before anchoring', () => {
  it('starts anchoring without an alarm, and records that it did', async () => {
    const t = await startSetUpCore();
    // A database as the previous version left it: entries, no 'audit.anchorStarted', no anchor file.
    const marker = t.core.state
      .conn!.sqlite.prepare(`SELECT seq FROM audit_log WHERE summary LIKE '{"event":"audit.anchorStarted"%'`)
      .pluck()
      .get() as number;
    tamper(t.core.state.conn!.sqlite, (db) => db.prepare('DELETE FROM audit_log WHERE seq >= ?').run(marker));
    rmSync(dataPaths(t.dataDir).auditAnchor);
    const t2 = t.reopen();
    expect(await signInAgain(t2)).toEqual([]);
    const started = await t2.call('audit.list', { action: 'audit.verify', page: 1, pageSize: 5 });
    expect(started.entries.map((e) => e.summary.event)).toEqual(['audit.anchorStarted']);
    expect(anchorFile(t2).seq).toBe(lastSeq(t2));
  });
});
