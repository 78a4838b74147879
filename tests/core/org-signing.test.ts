import { execFileSync, spawn } from 'node:child_process';
import { generateKeyPairSync, sign } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VerifyResult } from '@shared/contract/aid';
import { base32Encode, formatSignedCode, signedMessage, type VoucherCode } from '@shared/domain/signed-code';
import { keyCardBodyText, type KeyCard } from '@shared/domain/key-card';
import { openDatabase, type Sqlite } from '../../src/main/core/db/client';
import { applyMigrations, loadMigrations } from '../../src/main/core/db/migrate';
import { certificateCodeText, voucherCodeText, voucherIssuedOn } from '../../src/main/core/features/aid/qr-codes';
import { fingerprintOf, publicKeyOf, verifyWith } from '../../src/main/core/keys/ed25519';
import { ensureSigningKey, signAsOrg } from '../../src/main/core/keys/org-signing';
import { newDatabaseKey } from '../../src/main/core/keys/key-file';
import { bundleSigningKeyProcess } from './support/bundle';
import { ORG, RESOURCES_DIR, outboxCopy, startCore, startSetUpCore, tempDir, type TestCore } from './support/core';
import { fileForMember, office } from './support/hardship';
import { seedRows } from './support/migration-rows';

const sqliteOf = (t: TestCore): Sqlite => t.core.state.conn!.sqlite;

function keyRows(sqlite: Sqlite) {
  return sqlite.prepare('SELECT id, purpose, algorithm, public_key AS publicKey, private_key AS privateKey FROM org_keys').all() as {
    id: string;
    purpose: string;
    algorithm: string;
    publicKey: Buffer;
    privateKey: Buffer;
  }[];
}

const PROGRAM = '0193a000-0000-7000-8000-0000000000a1';
const PAYMENT = '0193a000-0000-7000-8000-0000000000b1';
const APPROVED_AT = '2027-01-18T03:00:00.000Z';

/** A program and one approved payment written as the foundation's schema has them (the aid service comes later). */
function insertPayment(sqlite: Sqlite, id: string, serial: string, status: 'approved' | 'paid' | 'voided', amountFen = 50_000) {
  sqlite
    .prepare(
      `INSERT OR IGNORE INTO aid_programs (id, origin, updated_at, type, name, year, fund_source, status, standard, created_by, created_at)
       VALUES (?, ?, ?, 'festival', '2027年春节送温暖', 2027, 'union', 'open', '{}', 'admin', ?)`,
    )
    .run(PROGRAM, PROGRAM, APPROVED_AT, APPROVED_AT);
  sqlite
    .prepare(
      `INSERT INTO aid_payments (id, origin, updated_at, program_id, year, type, recipient_name, recipient_id_number, amount_fen,
         suggested_fen, basis, method, status, entered_by, entered_at, approved_by, approved_at, voucher_serial, paid_on, voided_at)
       VALUES (?, ?, ?, ?, 2027, 'festival', '张三丰', '110105198001011011', ?, ?, '{}', 'cash', ?, 'clerk', ?, 'reviewer', ?, ?, ?, ?)`,
    )
    .run(
      id,
      id,
      APPROVED_AT,
      PROGRAM,
      amountFen,
      amountFen,
      status,
      APPROVED_AT,
      APPROVED_AT,
      serial,
      status === 'paid' ? '2027-01-20' : null,
      status === 'voided' ? '2027-01-21T02:00:00.000Z' : null,
    );
}

const verify = (t: TestCore, text: string) => t.call('aid.verify', { text });

/** A database of the version before the keys: migrated and seeded (an office, an account …) without org_keys rows. */
function olderDatabase(upToCurrent = false): { dataDir: string; key: Buffer } {
  const dataDir = tempDir();
  const key = newDatabaseKey();
  const migrations = loadMigrations(`${RESOURCES_DIR}/migrations`);
  const version = upToCurrent ? migrations.length : migrations.findIndex((m) => m.tag.startsWith('0019'));
  const { sqlite } = openDatabase(`${dataDir}/bangfu.db`, key);
  applyMigrations(sqlite, migrations.slice(0, version));
  seedRows(sqlite, version);
  sqlite.close();
  return { dataDir, key };
}

/** Starts signing-key-process.ts; resolves its answer after `go`. */
function keyProcess(script: string, path: string, key: Buffer) {
  const child = spawn(process.execPath, [script], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const messages: unknown[] = [];
  let wake = () => {};
  createInterface({ input: child.stdout }).on('line', (line) => {
    messages.push(JSON.parse(line));
    wake();
  });
  const message = (n: number) =>
    new Promise<unknown>((resolve, reject) => {
      const look = () => (messages.length > n ? resolve(messages[n]) : undefined);
      wake = look;
      child.on('close', () => (messages.length > n ? resolve(messages[n]) : reject(new Error(`child ended: ${stderr}`))));
      look();
    });
  child.stdin.write(`${JSON.stringify({ path, keyHex: key.toString('hex'), at: APPROVED_AT })}\n`);
  return { ready: message(0), go: () => child.stdin.end('go\n'), answer: () => message(1) as Promise<{ created: boolean; keyId: string }> };
}

describe('the organisation signing key', () => {
  it('is created at setup, once, inside the database, and shown as its fingerprint', async () => {
    const t = await startSetUpCore();
    const rows = keyRows(sqliteOf(t));
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(row).toMatchObject({ purpose: 'signing', algorithm: 'ed25519' });
    expect(row!.publicKey).toHaveLength(32);
    expect(publicKeyOf(row!.privateKey)).toEqual(Buffer.from(row!.publicKey));
    const shown = await t.call('org.signingKey');
    expect(shown.publicKey).toBe(Buffer.from(row!.publicKey).toString('base64'));
    expect(shown.fingerprint).toEqual(fingerprintOf(row!.publicKey));
    expect(shown.fingerprint.join(' ')).toMatch(/^(\d{5} ){7}\d{5}$/);
    // Restarting does not make another.
    const again = t.reopen();
    expect(keyRows(sqliteOf(again))).toHaveLength(1);
  });

  it('is created once for a database set up before keys existed, at the first start after the upgrade', () => {
    const { dataDir, key } = olderDatabase();
    const t = startCore({ dataDir, key });
    expect(t.core.state.state).toBe('ready');
    expect(keyRows(sqliteOf(t))).toHaveLength(1);
    const created = sqliteOf(t)
      .prepare("SELECT action, user_id AS userId, summary FROM audit_log WHERE json_extract(summary, '$.event') = 'org.signingKeyCreated'")
      .all();
    expect(created).toEqual([
      { action: 'system.setup', userId: null, summary: '{"event":"org.signingKeyCreated","params":{"when":"start"}}' },
    ]);

    // A second program on the same database (its own connection), starting at the same moment, finds the key.
    const second = openDatabase(`${dataDir}/bangfu.db`, key);
    let recorded = 0;
    expect(ensureSigningKey(second.sqlite, APPROVED_AT, () => recorded++).created).toBe(false);
    second.sqlite.close();
    expect(recorded).toBe(0);
    const again = t.reopen();
    expect(keyRows(sqliteOf(again))).toHaveLength(1);
  });

  describe('with four programs starting on one older database at the same moment', () => {
    let script: string;
    beforeAll(() => {
      script = bundleSigningKeyProcess();
    });
    afterAll(() => rmSync(script, { force: true }));

    it('makes one key between them', async () => {
      const { dataDir, key } = olderDatabase(true);
      const path = `${dataDir}/bangfu.db`;
      const children = Array.from({ length: 4 }, () => keyProcess(script, path, key));
      await Promise.all(children.map((c) => c.ready));
      for (const child of children) child.go();
      const answers = await Promise.all(children.map((c) => c.answer()));
      expect(answers.filter((a) => a.created)).toHaveLength(1);
      expect(new Set(answers.map((a) => a.keyId)).size).toBe(1);
      const { sqlite } = openDatabase(path, key);
      expect(keyRows(sqlite)).toHaveLength(1);
      sqlite.close();
    });
  });

  it('signs what its public key verifies, and nothing else', async () => {
    const t = await startSetUpCore();
    const message = Buffer.from('BF1.V.test', 'ascii');
    const { signature, key } = signAsOrg(sqliteOf(t), message);
    expect(verifyWith(key.publicKey, message, signature)).toBe(true);
    expect(verifyWith(key.publicKey, Buffer.from('BF1.V.tesT', 'ascii'), signature)).toBe(false);
    const other = generateKeyPairSync('ed25519').publicKey.export({ format: 'der', type: 'spki' }).subarray(12);
    expect(verifyWith(other, message, signature)).toBe(false);
    expect(verifyWith(key.publicKey, message, signature.subarray(1))).toBe(false);
  });

  it('never lets the private key out: no channel answer, key card, audit entry or log line holds it', async () => {
    const t = await startSetUpCore();
    const [row] = keyRows(sqliteOf(t));
    const der = Buffer.from(row!.privateKey);
    const seed = der.subarray(der.length - 32); // the 32-byte private seed at the end of the PKCS#8 DER
    const forms = [der, seed].flatMap((bytes) => [
      bytes.toString('hex'),
      bytes.toString('hex').toUpperCase(),
      bytes.toString('base64'),
      bytes.toString('base64url'),
      base32Encode(bytes),
    ]);
    insertPayment(sqliteOf(t), PAYMENT, '2027-000001', 'approved');
    const answers: unknown[] = [
      await t.call('org.get'),
      await t.call('org.signingKey'),
      await t.call('system.about'),
      await verify(t, voucherCodeText(sqliteOf(t), PAYMENT)),
      await verify(t, '2027-000001'),
      await t.call('audit.list', {}),
    ];
    const files: string[] = [];
    for (const as of ['card', 'pdf'] as const) {
      const { result } = await t.job('org.exportKeyCard', { as });
      expect(result.ok).toBe(true);
      if (result.ok) files.push(readFileSync(await outboxCopy(t, result.data.fileId)).toString('latin1'));
    }
    const everything = [JSON.stringify(answers), ...files, ...t.logger.lines].join('\n');
    for (const form of forms) expect(everything.includes(form), form.slice(0, 8)).toBe(false);
    expect(everything.includes(seed.toString('latin1'))).toBe(false);
  });
});

describe('凭证核验 (aid.verify)', () => {
  it('tells a genuine voucher by its state: approved, paid, voided', async () => {
    const t = await startSetUpCore();
    const sqlite = sqliteOf(t);
    insertPayment(sqlite, PAYMENT, '2027-000001', 'approved');
    insertPayment(sqlite, '0193a000-0000-7000-8000-0000000000b2', '2027-000002', 'paid', 12_345);
    insertPayment(sqlite, '0193a000-0000-7000-8000-0000000000b3', '2027-000003', 'voided');

    const unpaid = await verify(t, `${voucherCodeText(sqlite, PAYMENT)}\r\n`);
    expect(unpaid).toEqual({
      verdict: 'valid-unpaid',
      problem: null,
      kind: 'voucher',
      summary: {
        serial: '2027-000001',
        amountFen: 50_000,
        date: voucherIssuedOn(APPROVED_AT),
        type: 'festival',
        programName: '2027年春节送温暖',
        recipientMasked: '张*',
        status: 'approved',
        voidedAt: null,
        validUntil: null,
      },
    } satisfies VerifyResult);
    const paid = await verify(t, voucherCodeText(sqlite, '0193a000-0000-7000-8000-0000000000b2'));
    expect(paid).toMatchObject({ verdict: 'valid-paid', summary: { amountFen: 12_345, status: 'paid' } });
    const voided = await verify(t, voucherCodeText(sqlite, '0193a000-0000-7000-8000-0000000000b3'));
    expect(voided).toMatchObject({ verdict: 'voided', summary: { voidedAt: '2027-01-21T02:00:00.000Z' } });
    // Never the ID number, whole or in part.
    expect(JSON.stringify([unpaid, paid, voided])).not.toMatch(/110105|1011|张三丰/);

    // A voucher printed before the credit code was corrected in 机构设置 is still this organisation's.
    const printed = voucherCodeText(sqlite, PAYMENT);
    await t.call('org.update', { name: ORG.name, creditCode: '91350100M000100Y43', regionCode: ORG.regionCode, idleLockMinutes: 10 });
    expect((await verify(t, printed)).verdict).toBe('valid-unpaid');
  });

  it('refuses one changed character, another organisation’s key, and a signed text that disagrees with the record', async () => {
    const t = await startSetUpCore();
    const sqlite = sqliteOf(t);
    insertPayment(sqlite, PAYMENT, '2027-000001', 'approved');
    const genuine = voucherCodeText(sqlite, PAYMENT);

    // Each character of the signed part changed in turn: never valid, always forged or malformed.
    const body = genuine.slice(0, genuine.lastIndexOf('.'));
    const verdicts = new Set<string>();
    for (let i = 0; i < genuine.length; i += 7) {
      const swap = genuine[i] === '1' ? '2' : genuine[i] === 'A' ? 'B' : genuine[i] === '.' ? '-' : genuine[i] === '-' ? '.' : '1';
      const changed = genuine.slice(0, i) + swap + genuine.slice(i + 1);
      const { verdict } = await verify(t, changed);
      verdicts.add(verdict);
      expect(['forged', 'malformed', 'not-issued-here'], `${i}: ${verdict}`).toContain(verdict);
      if (i > body.indexOf('.2027')) expect(verdict, `position ${i}`).not.toBe('not-issued-here');
    }
    expect(verdicts).toContain('forged');
    expect((await verify(t, genuine.replace('.50000.', '.90000.'))).verdict).toBe('forged');

    // Another organisation's key over the same fields: forged.
    const code: VoucherCode = {
      kind: 'voucher',
      orgCode: ORG.creditCode,
      serial: '2027-000001',
      paymentId: PAYMENT,
      amountFen: 50_000,
      issuedOn: voucherIssuedOn(APPROVED_AT),
    };
    const stranger = generateKeyPairSync('ed25519').privateKey;
    expect((await verify(t, formatSignedCode(code, sign(null, signedMessage(code), stranger)))).verdict).toBe('forged');
    // Another organisation's code: not issued here.
    const elsewhere = { ...code, orgCode: '81110105MC00000017' };
    expect(await verify(t, formatSignedCode(elsewhere, sign(null, signedMessage(elsewhere), stranger)))).toMatchObject({
      verdict: 'not-issued-here',
      summary: null,
    });
    // Our own key over an amount the record does not have (a key misused, or a record changed since): forged.
    const inflated = { ...code, amountFen: 500_000 };
    expect((await verify(t, formatSignedCode(inflated, signAsOrg(sqlite, signedMessage(inflated)).signature))).verdict).toBe('forged');
    // Our key, a payment this database does not have: not issued here.
    const unknown = { ...code, paymentId: '0193a000-0000-7000-8000-0000000000ff' };
    expect((await verify(t, formatSignedCode(unknown, signAsOrg(sqlite, signedMessage(unknown)).signature))).verdict).toBe(
      'not-issued-here',
    );
  });

  it('names a malformed text, and looks a typed serial up without a signature', async () => {
    const t = await startSetUpCore();
    insertPayment(sqliteOf(t), PAYMENT, '2027-000123', 'paid');
    expect(await verify(t, '张三 500元')).toEqual({ verdict: 'malformed', problem: 'bad-characters', kind: null, summary: null });
    expect((await verify(t, 'BF1.V.123')).problem).toBe('field-count');
    expect(await verify(t, ' ２０２７-123 ')).toMatchObject({
      verdict: 'serial-found',
      kind: 'voucher',
      summary: { serial: '2027-000123', status: 'paid' },
    });
    expect(await verify(t, '2027-000124')).toEqual({ verdict: 'not-issued-here', problem: null, kind: null, summary: null });
  });

  it('verifies a certificate: valid until its date, expired after', async () => {
    const { t } = await office();
    const file = await fileForMember(t);
    const sqlite = sqliteOf(t);
    sqlite
      .prepare(
        `INSERT INTO aid_certificates (id, serial, file_id, valid_until, issued_by, issued_at) VALUES (?, 'Z2027-000001', ?, ?, 'admin', ?)`,
      )
      .run('0193a000-0000-7000-8000-0000000000c1', file.id, '2099-12-31', APPROVED_AT);
    const text = certificateCodeText(sqlite, 'Z2027-000001');
    expect(text.startsWith(`BF1.C.${ORG.creditCode}.Z2027-000001.`)).toBe(true);
    expect(await verify(t, text)).toMatchObject({
      verdict: 'valid',
      kind: 'certificate',
      summary: { serial: 'Z2027-000001', validUntil: '2099-12-31', recipientMasked: '测*', amountFen: null },
    });
    expect((await verify(t, text.replace('20991231', '21001231'))).verdict).toBe('forged');
    expect((await verify(t, 'z2027-1')).verdict).toBe('serial-found');
    sqlite.prepare("UPDATE aid_certificates SET valid_until = '2020-01-01'").run();
    expect((await verify(t, certificateCodeText(sqlite, 'Z2027-000001'))).verdict).toBe('expired');
  });
});

describe('the key card', () => {
  it('exports a .bfkey signed by the organisation key, and an A4 page with the fingerprint', async () => {
    const t = await startSetUpCore();
    const { result } = await t.job('org.exportKeyCard', { as: 'card' });
    if (!result.ok) throw new Error(result.error.code);
    expect(result.data.name).toBe(`${ORG.creditCode}.bfkey`);
    const card = JSON.parse(readFileSync(await outboxCopy(t, result.data.fileId), 'utf8')) as KeyCard;
    expect(card).toMatchObject({
      format: 'bangfu-keycard',
      version: 1,
      org: { name: ORG.name, code: ORG.creditCode, region: ORG.regionCode, mode: 'centre' },
    });
    const publicKey = Buffer.from(card.keys.ed25519, 'base64');
    expect(card.keys.ed25519).toBe((await t.call('org.signingKey')).publicKey);
    const body = Buffer.from(keyCardBodyText(card), 'utf8');
    expect(verifyWith(publicKey, body, Buffer.from(card.signature, 'base64'))).toBe(true);
    expect(
      verifyWith(
        publicKey,
        Buffer.from(keyCardBodyText({ ...card, org: { ...card.org, name: '别的单位' } }), 'utf8'),
        Buffer.from(card.signature, 'base64'),
      ),
    ).toBe(false);

    const pdf = await t.job('org.exportKeyCard', { as: 'pdf' });
    if (!pdf.result.ok) throw new Error(pdf.result.error.code);
    const path = await outboxCopy(t, pdf.result.data.fileId);
    const text = execFileSync('pdftotext', ['-layout', path, '-']).toString('utf8');
    const flat = text.replace(/\s+/g, '');
    expect(flat).toContain('机构密钥卡');
    expect(flat).toContain(ORG.creditCode);
    expect(flat).toContain(fingerprintOf(publicKey).join(''));
    expect(execFileSync('pdfinfo', [path]).toString()).toMatch(/Pages:\s+1\b/);

    const events = sqliteOf(t)
      .prepare("SELECT summary FROM audit_log WHERE json_extract(summary, '$.event') = 'org.keyCardExported' ORDER BY seq")
      .pluck()
      .all();
    expect(events).toEqual([
      '{"event":"org.keyCardExported","params":{"as":"card"}}',
      '{"event":"org.keyCardExported","params":{"as":"pdf"}}',
    ]);
  });
});
