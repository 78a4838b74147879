import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN } from './support/core';
import type { ApproverConfig, ApproverReport } from './support/approver-process';
import { consented, draftOf, fileForMember, idOf, office, toNotice } from './support/hardship';
import { bundleApproverProcess } from './support/bundle';
import { racingCoreConfig, releaseTogether, startChild } from './support/race-processes';

/**
 * 档案编号 with two programs on one database (two copies of the program on one computer; WAL needs one host): two
 * processes, each with its own core and connection, approve files at the same moment. The number is taken inside
 * the approval's BEGIN IMMEDIATE transaction, so the numbers must come out distinct and without a gap, and the audit
 * chain (whose previous hash is read in the same transaction) must still verify. hardship.test.ts covers one process.
 */

const FILES_PER_PROCESS = 15;

describe('file numbers with two programs on one database', () => {
  let script: string;
  beforeAll(() => {
    script = bundleApproverProcess();
  });
  afterAll(() => rmSync(script, { force: true }));

  it('gives files approved at the same moment by two processes distinct numbers without a gap, and keeps the audit chain whole', async () => {
    const { t, today, advanceDays, reviewers } = await office();
    const ids: string[] = [];
    for (let i = 0; i < 2 * FILES_PER_PROCESS; i++) {
      // Synthetic heads: born on consecutive days of 1980, so every ID number is valid and different.
      const born = new Date(Date.UTC(1980, 0, 1 + i)).toISOString().slice(0, 10).replaceAll('-', '');
      let file = await fileForMember(t, idOf(`110105${born}101`), `户主${i}`);
      file = await t.call(
        'files.saveDraft',
        draftOf(file, { household: [{ id: file.household[0]!.id, relation: 'self', name: file.headName }], ...consented(today) }),
        'clerk',
      );
      file = await toNotice(t, today, file);
      ids.push(file.id);
    }
    await advanceDays(10);
    for (const id of ids) {
      const file = await t.call('files.get', { id }, 'clerk');
      expect((await t.call('files.act', { id, rev: file.rev, action: 'endNotice' }, 'clerk')).status).toBe('approval');
    }
    const year = t.clock.now().getFullYear();
    const auditBefore = (await t.call('audit.verify', {})).checked;
    // Two programs, not this one: the preparing core lets go of the database before they start.
    t.core.close();

    const halves = [ids.filter((_, i) => i % 2 === 0), ids.filter((_, i) => i % 2 === 1)];
    // Both start at once (each sweeps the inbox the attachments left, as two programs opened together would), sign in
    // and warm up; then they are released together.
    const results = await releaseTogether(
      halves.map((fileIds, i) => startChild<ApproverConfig, ApproverReport>(script, { ...racingCoreConfig(t, reviewers[i]!), fileIds })),
    );

    const reports = results.map(({ exitCode, report, stderr }, i) => {
      expect(exitCode, `approver ${i}: ${stderr}`).toBe(0);
      // Nothing went wrong but the refusals that were tried again (a file changed meanwhile, BUSY).
      expect(report).toMatchObject({ errors: [], loggedErrors: [] });
      expect(Object.keys(report!.retries).filter((code) => code !== 'STALE_RECORD' && code !== 'BUSY')).toEqual([]);
      expect(Object.keys(report!.numbers).sort()).toEqual([...halves[i]!].sort());
      return report!;
    });
    const [a, b] = reports as [ApproverReport, ApproverReport];
    // The test means something only if the two really approved at the same time: their spans overlap, and the
    // numbers they got alternate (a process that ran first and alone would have got one block of numbers).
    expect(
      a.startedAt < b.endedAt && b.startedAt < a.endedAt,
      JSON.stringify({ a: [a.startedAt, a.endedAt], b: [b.startedAt, b.endedAt] }),
    ).toBe(true);
    const seqs = reports.map((r) => Object.values(r.numbers).map((no) => Number(no.slice(-5))));
    expect(Math.max(...seqs[0]!) > Math.min(...seqs[1]!) && Math.max(...seqs[1]!) > Math.min(...seqs[0]!), JSON.stringify(seqs)).toBe(true);
    // Each process's own approvals are numbered in its order.
    for (const s of seqs) expect(s).toEqual([...s].sort((x, y) => x - y));

    // Reopened: what the database holds, not only what the processes said.
    const after = t.reopen();
    await after.call('auth.signIn', { username: ADMIN.username, password: ADMIN.password });
    const reported = Object.fromEntries(reports.flatMap((r) => Object.entries(r.numbers)));
    const expected = Array.from({ length: ids.length }, (_, i) => `110105${year}${String(i + 1).padStart(5, '0')}`);
    expect(Object.values(reported).sort()).toEqual(expected);
    for (const [i, id] of ids.entries()) {
      const file = await after.call('files.get', { id });
      expect(file).toMatchObject({ status: 'active', fileNo: reported[id] });
      expect(file.timeline.filter((e) => e.action === 'approve')).toHaveLength(1);
      const approver = after.core.state
        .conn!.sqlite.prepare('SELECT u.username FROM hardship_files f JOIN users u ON u.id = f.approved_by WHERE f.id = ?')
        .pluck()
        .get(id);
      expect(approver).toBe(reviewers[i % 2]!.username);
    }
    const sqlite = after.core.state.conn!.sqlite;
    expect(sqlite.prepare('SELECT count(*) FROM hardship_files WHERE file_no IS NOT NULL').pluck().get()).toBe(ids.length);
    expect(sqlite.prepare('SELECT region_code AS region, year, last FROM file_numbers').all()).toEqual([
      { region: '110105', year, last: ids.length },
    ]);

    // The audit chain: every approval has its entry, linked to the one before whichever process wrote it.
    const approvals = sqlite
      .prepare("SELECT count(*) FROM audit_log WHERE action = 'files.act' AND json_extract(summary, '$.params.action') = 'approve'")
      .pluck()
      .get();
    expect(approvals).toBe(ids.length);
    const verified = await after.call('audit.verify', {});
    // Each process signed in (one entry each), approved its files, and the administrator signed in again here.
    expect(verified).toEqual({ ok: true, checked: auditBefore + 2 + ids.length + 1, firstBrokenSeq: null, problems: [] });
    // Two writers moved the audit anchor at the same time: it only went forward, and ends at the last entry.
    expect((await after.call('audit.alarms')).alarms).toEqual([]);
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  }, 60_000);
});
