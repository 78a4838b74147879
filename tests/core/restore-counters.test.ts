import { describe, expect, it } from 'vitest';
import { voucherCodeText } from '../../src/main/core/features/aid/qr-codes';
import { nextFileNumber } from '../../src/main/core/features/hardship/file-number';
import type { TestCore } from './support/core';
import { aidOffice, SLOW } from './support/aid-print';
import { HEAD, OTHER_HEAD } from './support/hardship';

/*
 * A restore rolls the records back, never the numbers printed on paper (backup/carry-counters.ts), and a voucher our
 * key signed after the backup reads as ours, not forged (aid/verify.service.ts). Real database files, a real backup,
 * the real restore, approval and verify channels.
 */

const verify = (t: TestCore, text: string) => t.call('aid.verify', { text });

async function backup(t: TestCore): Promise<string> {
  const { result } = await t.job('backup.create');
  if (!result.ok) throw new Error(result.error.code);
  return result.data.id;
}

function auditSummaries(t: TestCore, event: string): string[] {
  return t.core.state
    .conn!.sqlite.prepare("SELECT summary FROM audit_log WHERE json_extract(summary, '$.event') = ? ORDER BY seq")
    .pluck()
    .all(event) as string[];
}

describe('a restore keeps the numbers already used', () => {
  it('gives the next serial and file number after the highest ever issued, and reads a later voucher as ours', SLOW, async () => {
    const env = await aidOffice();
    const { t, year } = env;
    const first = env.addPayment({ name: '张三', idNumber: HEAD, status: 'pending' });
    const second = env.addPayment({ name: '李四', idNumber: OTHER_HEAD, status: 'pending' });
    const sqlite = () => t.core.state.conn!.sqlite;
    const fileNumber = () =>
      sqlite()
        .transaction(() => nextFileNumber(sqlite(), '110105', year))
        .immediate();
    expect(fileNumber()).toBe(`110105${year}00001`);
    const backupId = await backup(t);

    // After the backup: the first payment approved (its voucher printed and handed out), a file numbered.
    expect(await t.call('aid.approve', { ids: [first.id] }, 'reviewer')).toMatchObject({ approved: 1 });
    const issued = sqlite().prepare('SELECT voucher_serial FROM aid_payments WHERE id = ?').pluck().get(first.id) as string;
    expect(issued).toBe(`${year}-000001`);
    const printed = voucherCodeText(sqlite(), first.id);
    expect((await verify(t, printed)).verdict).toBe('valid-unpaid');
    expect(fileNumber()).toBe(`110105${year}00002`);

    await t.call('backup.restore', { backupId });
    await env.advanceDays(0); // everyone signs in again
    expect(auditSummaries(t, 'backup.countersCarried')).toEqual(['{"event":"backup.countersCarried","params":{"raised":2}}']);

    // The restored data has the first payment pending, without a serial: the printed voucher is ours, the record differs.
    expect(await verify(t, printed)).toEqual({ verdict: 'not-on-record', problem: 'differs', kind: 'voucher', summary: null });
    // Its serial typed by hand: not here (not "another organisation's").
    expect(await verify(t, issued)).toEqual({ verdict: 'serial-not-found', problem: null, kind: null, summary: null });
    // A tampered code (the amount raised, the signature kept) is still forged.
    const tampered = printed.replace('.50000.', '.500000.');
    expect(tampered).not.toBe(printed);
    expect((await verify(t, tampered)).verdict).toBe('forged');

    // The next approval gets a serial after the highest ever issued; the first stays with the paper in circulation.
    expect(await t.call('aid.approve', { ids: [second.id] }, 'reviewer')).toMatchObject({ approved: 1 });
    expect(sqlite().prepare('SELECT voucher_serial FROM aid_payments WHERE id = ?').pluck().get(second.id)).toBe(`${year}-000002`);
    expect(fileNumber()).toBe(`110105${year}00003`);
  });
});
