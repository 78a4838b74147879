import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { formatSignedCode, signedMessage, type VoucherCode } from '@shared/domain/signed-code';
import { listBackups } from '../../src/main/core/db/backup';
import { openDatabase, type Sqlite } from '../../src/main/core/db/client';
import { voucherCodeText, voucherIssuedOn } from '../../src/main/core/features/aid/qr-codes';
import { hashPassword } from '../../src/main/core/features/auth/password-hash';
import { readExchangeKey } from '../../src/main/core/keys/org-exchange';
import { insertSigningKey, readSigningKey } from '../../src/main/core/keys/org-signing';
import { dataPaths } from '../../src/main/core/paths';
import { ADMIN, startCore, startSetUpCore, type TestCore } from './support/core';
import { flipBytes } from './support/damage';
import { APPROVED_AT, insertPayment, olderDatabase, sqliteOf } from './support/signing';

/*
 * A restore puts older data in place, never older keys: every voucher printed with a key the replaced database had
 * still verifies after it (backup/restore-keys.ts). Real database files, real backups, the real restore channel.
 */

const P1 = '0193a000-0000-7000-8000-0000000000c1';
const P2 = '0193a000-0000-7000-8000-0000000000c2';
const P0 = '0193a000-0000-7000-8000-0000000000c0';
const LATER = '2027-02-01T03:00:00.000Z';

const verdictOf = async (t: TestCore, text: string) => (await t.call('aid.verify', { text })).verdict;
const signIn = (t: TestCore) => t.call('auth.signIn', { username: ADMIN.username, password: ADMIN.password });

function keys(sqlite: Sqlite) {
  return sqlite.prepare('SELECT id, purpose, retired_at AS retiredAt FROM org_keys ORDER BY created_at, id').all() as {
    id: string;
    purpose: string;
    retiredAt: string | null;
  }[];
}

function auditSummaries(sqlite: Sqlite, event: string): string[] {
  return sqlite
    .prepare("SELECT summary FROM audit_log WHERE json_extract(summary, '$.event') = ? ORDER BY seq")
    .pluck()
    .all(event) as string[];
}

/** Another organisation's key over the very fields of one of our vouchers. */
function strangerCode(code: VoucherCode): string {
  const stranger = generateKeyPairSync('ed25519').privateKey;
  return formatSignedCode(code, sign(null, signedMessage(code), stranger));
}

async function backup(t: TestCore): Promise<string> {
  const { result } = await t.job('backup.create');
  if (!result.ok) throw new Error(result.error.code);
  return result.data.id;
}

describe('a restore keeps the organisation keys', () => {
  it('after restoring a backup from before the keys (pre-0019), the vouchers printed since still verify as ours', async () => {
    const { dataDir, key } = olderDatabase();
    const { sqlite: older } = openDatabase(`${dataDir}/bangfu.db`, key);
    older.prepare("UPDATE users SET password_hash = ? WHERE username = 'admin'").run(await hashPassword(ADMIN.password));
    older.close();
    // The upgrade: a pre-migration backup (schema before 0019, no keys), then the key made at the first start.
    const t = startCore({ dataDir, key });
    const [preMigration] = listBackups(dataPaths(dataDir).backupsDir);
    expect(preMigration!.kind).toBe('pre-migration');
    await signIn(t);
    const before = keys(sqliteOf(t));
    expect(before.map((k) => k.purpose)).toEqual(['signing', 'exchange']); // both made at the first start

    insertPayment(sqliteOf(t), P1, '2027-000001', 'paid');
    const printed = voucherCodeText(sqliteOf(t), P1);
    expect(await verdictOf(t, printed)).toBe('valid-paid');

    await t.call('backup.restore', { backupId: preMigration!.id });
    await signIn(t);
    // The very key, still the active one; no new key was made for the restored database.
    expect(keys(sqliteOf(t))).toEqual(before);
    expect(auditSummaries(sqliteOf(t), 'org.signingKeyCreated')).toEqual([]);
    expect(auditSummaries(sqliteOf(t), 'org.exchangeKeyCreated')).toEqual([]);
    expect(auditSummaries(sqliteOf(t), 'org.keysCarried')).toEqual([
      '{"event":"org.keysCarried","params":{"added":2,"updated":0,"retired":0}}',
    ]);
    // The payment is not in the older data, but the voucher is genuinely ours: not forged.
    expect(await verdictOf(t, printed)).toBe('not-on-record');
    // What is printed from now on is signed with the same key, and verifies.
    insertPayment(sqliteOf(t), P2, '2027-000002', 'approved');
    expect(await verdictOf(t, voucherCodeText(sqliteOf(t), P2))).toBe('valid-unpaid');
    const code: VoucherCode = {
      kind: 'voucher',
      orgCode: '91350100M000100Y43',
      serial: '2027-000002',
      paymentId: P2,
      amountFen: 50_000,
      issuedOn: voucherIssuedOn(APPROVED_AT),
    };
    expect(await verdictOf(t, strangerCode(code))).toBe('forged');
    // Restarting finds the key and makes none.
    const again = t.reopen();
    expect(keys(sqliteOf(again))).toEqual(before);
  });

  it('after restoring a backup from before a key replacement: the active key stays, the older ones verify, retired', async () => {
    const t = await startSetUpCore();
    const k1 = readSigningKey(sqliteOf(t))!;
    insertPayment(sqliteOf(t), P1, '2027-000001', 'paid');
    const printedWithK1 = voucherCodeText(sqliteOf(t), P1);
    const backupId = await backup(t);

    // The backup also holds a key the live database never had (made by an earlier restore, say), the backup's
    // active one, and a voucher it signed.
    const { sqlite: old } = openDatabase(`${t.dataDir}/backups/${backupId}`, t.key);
    const k0 = insertSigningKey(old, LATER);
    insertPayment(old, P0, '2027-000003', 'approved');
    const printedWithK0 = voucherCodeText(old, P0);
    old.close();

    // A key replacement on the live database (no channel does this yet: the rows as one would leave them).
    sqliteOf(t).prepare('UPDATE org_keys SET retired_at = ? WHERE id = ?').run(LATER, k1.id);
    const k2 = insertSigningKey(sqliteOf(t), LATER);
    // A key of another purpose (issue 12's exchange identity) is carried the same way: the one made at setup
    // retired, a new one active (as org.replaceKeys leaves them).
    sqliteOf(t).prepare("UPDATE org_keys SET retired_at = ? WHERE purpose = 'exchange'").run(LATER);
    const exchange = generateKeyPairSync('x25519');
    sqliteOf(t)
      .prepare(
        `INSERT INTO org_keys (id, purpose, algorithm, public_key, private_key, created_at) VALUES ('exchange-1', 'exchange', 'x25519', ?, ?, ?)`,
      )
      .run(
        exchange.publicKey.export({ format: 'der', type: 'spki' }).subarray(12),
        exchange.privateKey.export({ format: 'der', type: 'pkcs8' }),
        LATER,
      );
    insertPayment(sqliteOf(t), P2, '2027-000002', 'approved');
    const printedWithK2 = voucherCodeText(sqliteOf(t), P2);
    expect(await verdictOf(t, printedWithK1)).toBe('valid-paid');

    await t.call('backup.restore', { backupId });
    await signIn(t);
    const after = new Map(keys(sqliteOf(t)).map((k) => [k.id, k.retiredAt]));
    expect(after.size).toBe(5);
    expect(after.get('exchange-1')).toBeNull();
    expect(after.get(k2.id)).toBeNull(); // the replaced database's active key is still the active one
    expect(after.get(k1.id)).toBe(LATER); // retired as it was
    const carriedAt = sqliteOf(t)
      .prepare("SELECT at FROM audit_log WHERE json_extract(summary, '$.event') = 'org.keysCarried'")
      .pluck()
      .get();
    expect(after.get(k0.id)).toBe(carriedAt); // only in the backup: kept, retired at the restore
    expect(readSigningKey(sqliteOf(t))!.id).toBe(k2.id);
    expect(auditSummaries(sqliteOf(t), 'org.keysCarried')).toEqual([
      '{"event":"org.keysCarried","params":{"added":2,"updated":2,"retired":1}}',
    ]);

    expect(await verdictOf(t, printedWithK1)).toBe('valid-paid'); // a retired key's codes stay valid
    expect(await verdictOf(t, printedWithK0)).toBe('valid-unpaid');
    expect(await verdictOf(t, printedWithK2)).toBe('not-on-record');
    insertPayment(sqliteOf(t), P2, '2027-000002', 'approved');
    expect(await verdictOf(t, printedWithK2)).toBe('valid-unpaid');
    // One changed character of a genuine code, and another organisation's key, still read as forged.
    const flipped = printedWithK1.slice(0, -3) + (printedWithK1.at(-3) === 'A' ? 'B' : 'A') + printedWithK1.slice(-2);
    expect(['forged', 'malformed']).toContain(await verdictOf(t, flipped));
    const code: VoucherCode = {
      kind: 'voucher',
      orgCode: (await t.call('org.get'))!.creditCode,
      serial: '2027-000001',
      paymentId: P1,
      amountFen: 50_000,
      issuedOn: voucherIssuedOn(APPROVED_AT),
    };
    expect(await verdictOf(t, strangerCode(code))).toBe('forged');

    // No key material in the audit log: neither private nor public keys, in any of the usual spellings.
    const audit = (sqliteOf(t).prepare('SELECT summary FROM audit_log').pluck().all() as string[]).join('\n');
    const rows = sqliteOf(t).prepare('SELECT id, public_key AS pub, private_key AS priv FROM org_keys').all() as {
      id: string;
      pub: Buffer;
      priv: Buffer;
    }[];
    for (const row of rows) {
      for (const bytes of [row.pub, row.priv]) {
        for (const form of [bytes.toString('hex'), bytes.toString('base64'), bytes.toString('base64url')]) {
          expect(audit.includes(form)).toBe(false);
        }
      }
      expect(audit.includes(row.id)).toBe(false);
    }
  });

  it('restoring a backup that holds the same keys changes none and records nothing about them', async () => {
    const t = await startSetUpCore();
    const before = keys(sqliteOf(t));
    const backupId = await backup(t);
    await t.call('backup.restore', { backupId });
    expect(keys(sqliteOf(t))).toEqual(before);
    expect(auditSummaries(sqliteOf(t), 'org.keysCarried')).toEqual([]);
  });

  it('from the damaged screen, carries the keys of the damaged file as far as it still reads', async () => {
    const t = await startSetUpCore();
    const k1 = readSigningKey(sqliteOf(t))!;
    const exchange = readExchangeKey(sqliteOf(t))!;
    insertPayment(sqliteOf(t), P1, '2027-000001', 'paid');
    const printedWithK1 = voucherCodeText(sqliteOf(t), P1);
    const backupId = await backup(t);
    sqliteOf(t).prepare('UPDATE org_keys SET retired_at = ? WHERE id = ?').run(LATER, k1.id);
    const k2 = insertSigningKey(sqliteOf(t), LATER);
    insertPayment(sqliteOf(t), P2, '2027-000002', 'approved');
    // Its serial as approval takes it (the counter the restore must not roll back, carry-counters.ts).
    sqliteOf(t).prepare("INSERT INTO document_serials (kind, year, last) VALUES ('voucher', 2027, 2)").run();
    const printedWithK2 = voucherCodeText(sqliteOf(t), P2);
    // A page of another table goes bad (the start's check finds it); the keys' own page still reads.
    const page = sqliteOf(t).pragma('page_size', { simple: true }) as number;
    const usersPage = sqliteOf(t).prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'users'").pluck().get() as number;
    t.core.close();
    flipBytes(`${t.dataDir}/bangfu.db`, (usersPage - 1) * page + page / 2);

    const again = t.reopen();
    expect((await again.call('system.status')).state).toBe('damaged');
    await again.call('system.restoreDamaged', { backupId });
    await signIn(again);
    expect(readSigningKey(sqliteOf(again))!.id).toBe(k2.id);
    expect(new Map(keys(sqliteOf(again)).map((k) => [k.id, k.retiredAt]))).toEqual(
      new Map([
        [k1.id, LATER],
        [exchange.id, null],
        [k2.id, null],
      ]),
    );
    expect(await verdictOf(again, printedWithK1)).toBe('valid-paid');
    expect(await verdictOf(again, printedWithK2)).toBe('not-on-record');
    // The serial counter of the damaged file is kept as far as it still reads: 2027-000002 is never given again.
    expect(sqliteOf(again).prepare("SELECT last FROM document_serials WHERE kind = 'voucher' AND year = 2027").pluck().get()).toBe(2);
    const carried = sqliteOf(again)
      .prepare("SELECT action, user_id AS userId, summary FROM audit_log WHERE json_extract(summary, '$.event') = 'org.keysCarried'")
      .all();
    expect(carried).toEqual([
      {
        action: 'system.restoreDamaged',
        userId: null,
        summary: '{"event":"org.keysCarried","params":{"added":1,"updated":1,"retired":0}}',
      },
    ]);
  });
});
