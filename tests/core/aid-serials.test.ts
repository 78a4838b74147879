import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AidApproverConfig, AidApproverReport } from './support/aid-approver-process';
import { insertFile, saveProgram, sqliteOf } from './support/aid';
import { bundleAidApproverProcess } from './support/bundle';
import { ADMIN } from './support/core';
import { office } from './support/hardship';
import { racingCoreConfig, releaseTogether, startChild } from './support/race-processes';

/**
 * 领取凭证 serials with two programs on one database (as file-numbering-processes.test.ts does for file numbers):
 * two processes approve payments of two aid programs at the same moment, a few per approval. The serials are taken
 * inside each approval's BEGIN IMMEDIATE transaction, so they must come out distinct and without a gap.
 */

const PER_PROCESS = 24;
const CHUNK = 3;

describe('voucher serials with two programs on one database', () => {
  let script: string;
  beforeAll(() => {
    script = bundleAidApproverProcess();
  });
  afterAll(() => rmSync(script, { force: true }));

  it('gives payments approved at the same moment by two processes distinct serials without a gap', async () => {
    const { t, reviewers } = await office();
    const programs = [
      await saveProgram(t, 'festival', { kind: 'fixed', amountFen: 50_000, byCategory: {} }),
      await saveProgram(t, 'emergency', { kind: 'emergency', capFen: 100_000 }),
    ];
    const halves: string[][] = [[], []];
    for (let i = 0; i < PER_PROCESS; i++) {
      for (const [p, program] of programs.entries()) {
        const { fileId } = insertFile(t);
        const amountFen = p === 0 ? 50_000 : 100_000;
        halves[p]!.push((await t.call('aid.createPayment', { programId: program.id, fileId, amountFen, method: 'cash' }, 'clerk')).id);
      }
    }
    t.core.close();

    const results = await releaseTogether(
      halves.map((paymentIds, i) =>
        startChild<AidApproverConfig, AidApproverReport>(script, { ...racingCoreConfig(t, reviewers[i]!), paymentIds, chunk: CHUNK }),
      ),
    );
    const reports = results.map(({ exitCode, report, stderr }, i) => {
      expect(exitCode, `approver ${i}: ${stderr}`).toBe(0);
      expect(report!.errors).toEqual([]);
      return report!;
    });
    const [a, b] = reports as [AidApproverReport, AidApproverReport];
    expect(a.startedAt < b.endedAt && b.startedAt < a.endedAt).toBe(true);
    const n = (serial: string) => Number(serial.slice(-6));
    for (const r of reports) {
      // Each approval's serials are one block, in this process's order.
      for (const approval of r.approvals) expect(n(approval.last) - n(approval.first) + 1).toBe(approval.ids.length);
      const firsts = r.approvals.map((x) => n(x.first));
      expect(firsts).toEqual([...firsts].sort((x, y) => x - y));
    }

    const after = t.reopen();
    await after.call('auth.signIn', { username: ADMIN.username, password: ADMIN.password });
    const sqlite = sqliteOf(after);
    const serials = sqlite
      .prepare("SELECT voucher_serial FROM aid_payments WHERE status = 'approved' ORDER BY voucher_serial")
      .pluck()
      .all();
    const year = t.clock.now().getFullYear();
    expect(serials).toEqual(Array.from({ length: 2 * PER_PROCESS }, (_, i) => `${year}-${String(i + 1).padStart(6, '0')}`));
    expect(sqlite.prepare("SELECT last FROM document_serials WHERE kind = 'voucher'").pluck().get()).toBe(2 * PER_PROCESS);
    // Each payment got the serial its process reported.
    for (const r of reports) {
      for (const approval of r.approvals) {
        const got = approval.ids.map(
          (id) => sqlite.prepare('SELECT voucher_serial FROM aid_payments WHERE id = ?').pluck().get(id) as string,
        );
        expect(got.map(n)).toEqual(approval.ids.map((_, k) => n(approval.first) + k));
      }
    }
    expect((await after.call('audit.verify', {})).ok).toBe(true);
  }, 90_000);
});
