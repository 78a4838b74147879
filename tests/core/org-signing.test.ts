import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { base32Encode } from '@shared/domain/signed-code';
import { keyCardBodyText, type KeyCard } from '@shared/domain/key-card';
import { openDatabase } from '../../src/main/core/db/client';
import { voucherCodeText } from '../../src/main/core/features/aid/qr-codes';
import { ageIdentity } from '../../src/main/core/keys/age-x25519';
import { publicKeyOf, verifyWith } from '../../src/main/core/keys/ed25519';
import { keyCardFingerprint, readKeyCard } from '../../src/main/core/keys/key-card';
import { ensureSigningKey, signAsOrg } from '../../src/main/core/keys/org-signing';
import { bundleSigningKeyProcess } from './support/bundle';
import { ORG, outboxCopy, startCore, startSetUpCore, type TestCore } from './support/core';
import { APPROVED_AT, PAYMENT, insertPayment, keyProcess, keyRows, olderDatabase, sqliteOf } from './support/signing';

const verify = (t: TestCore, text: string) => t.call('aid.verify', { text });

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
    expect(shown.fingerprint).toEqual(keyCardFingerprint({ ed25519: shown.publicKey, x25519: shown.exchangeRecipient }));
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

  it('is not made again when a backup from before the keys is restored: the one the office had is carried in', async () => {
    const t = await startSetUpCore();
    const [had] = keyRows(sqliteOf(t));
    const { result } = await t.job('backup.create');
    if (!result.ok) throw new Error(result.error.code);
    // The backup made as if before the keys: its key row taken out (the no-delete trigger lifted and put back).
    const { sqlite } = openDatabase(`${t.dataDir}/backups/${result.data.id}`, t.key);
    const trigger = sqlite.prepare("SELECT sql FROM sqlite_schema WHERE name = 'org_keys_no_delete'").pluck().get() as string;
    sqlite.exec(`DROP TRIGGER org_keys_no_delete; DELETE FROM org_keys; ${trigger};`);
    sqlite.close();
    await t.call('backup.restore', { backupId: result.data.id });
    expect(keyRows(sqliteOf(t))).toEqual([had]);
    const recorded = sqliteOf(t)
      .prepare(
        "SELECT action, summary FROM audit_log WHERE json_extract(summary, '$.event') IN ('org.signingKeyCreated', 'org.exchangeKeyCreated', 'org.keysCarried')",
      )
      .all();
    expect(recorded).toEqual([
      { action: 'backup.restore', summary: '{"event":"org.keysCarried","params":{"added":2,"updated":0,"retired":0}}' },
    ]);
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
    // The X25519 identity too: its DER, its scalar and its age string (AGE-SECRET-KEY-1…).
    const [exchange] = keyRows(sqliteOf(t), 'exchange');
    const exchangeDer = Buffer.from(exchange!.privateKey);
    const scalar = exchangeDer.subarray(exchangeDer.length - 32);
    const identity = ageIdentity(exchangeDer);
    const forms = [identity, identity.toLowerCase(), identity.slice(16, 40)];
    forms.push(
      ...[der, seed, exchangeDer, scalar].flatMap((bytes) => [
        bytes.toString('hex'),
        bytes.toString('hex').toUpperCase(),
        bytes.toString('base64'),
        bytes.toString('base64url'),
        base32Encode(bytes),
      ]),
    );
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
    expect(everything.includes(scalar.toString('latin1'))).toBe(false);
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

    // Read back as a federation would: shape and signature, and the fingerprint to compare by phone.
    const fileText = readFileSync(await outboxCopy(t, result.data.fileId), 'utf8');
    expect(readKeyCard(fileText)).toEqual({ ok: true, card, fingerprint: keyCardFingerprint(card.keys) });
    const tampered = (change: (c: KeyCard) => unknown) => readKeyCard(JSON.stringify(change(structuredClone(card))));
    expect(tampered((c) => ({ ...c, org: { ...c.org, code: '81110105MC00000017' } }))).toEqual({ ok: false, problem: 'bad-signature' });
    const otherKey = generateKeyPairSync('ed25519').publicKey.export({ format: 'der', type: 'spki' }).subarray(12).toString('base64');
    expect(tampered((c) => ({ ...c, keys: { ...c.keys, ed25519: otherKey } }))).toEqual({ ok: false, problem: 'bad-signature' });
    expect(tampered((c) => ({ ...c, version: 2 }))).toEqual({ ok: false, problem: 'newer-version' });
    expect(tampered((c) => ({ ...c, format: 'other' }))).toEqual({ ok: false, problem: 'not-a-key-card' });
    expect(tampered((c) => ({ ...c, keys: { ...c.keys, ed25519: 'AAAA' } }))).toEqual({ ok: false, problem: 'bad-fields' });
    expect(tampered((c) => ({ ...c, keys: { ed25519: c.keys.ed25519 } }))).toEqual({ ok: false, problem: 'no-exchange-key' });
    expect(readKeyCard('{')).toEqual({ ok: false, problem: 'not-json' });
    // Key order and spacing are free: the canonical body is rebuilt from the parsed card.
    const { signature, ...rest } = card;
    expect(readKeyCard(JSON.stringify({ signature, ...rest })).ok).toBe(true);

    const pdf = await t.job('org.exportKeyCard', { as: 'pdf' });
    if (!pdf.result.ok) throw new Error(pdf.result.error.code);
    const path = await outboxCopy(t, pdf.result.data.fileId);
    const text = execFileSync('pdftotext', ['-layout', path, '-']).toString('utf8');
    const flat = text.replace(/\s+/g, '');
    expect(flat).toContain('机构密钥卡');
    expect(flat).toContain(ORG.creditCode);
    expect(flat).toContain(keyCardFingerprint(card.keys).join(''));
    expect(flat).toContain('运行模式帮扶中心');
    expect(flat).toContain(card.keys.x25519);
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
