import { Decrypter, Encrypter, generateX25519Identity, identityToRecipient } from 'age-encryption';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/core/db/client';
import { ageIdentity, ageRecipient, recipientPublicKey, x25519PublicKeyOf } from '../../src/main/core/keys/age-x25519';
import { keyCardFingerprint, readKeyCard } from '../../src/main/core/keys/key-card';
import { ensureExchangeKey, exchangeIdentities } from '../../src/main/core/keys/org-exchange';
import { insertSigningKey } from '../../src/main/core/keys/org-signing';
import { startCore, startSetUpCore } from './support/core';
import { auditSummaries, cardText } from './support/exchange';
import { APPROVED_AT, keyRows, olderDatabase, sqliteOf } from './support/signing';

/** The organisation's X25519 encryption identity (keys/org-exchange.ts) in the age format, and on its key card. */
describe('the exchange identity', () => {
  it('is made at setup, in the age format the age-encryption package makes and reads, and opens what is encrypted to it', async () => {
    const t = await startSetUpCore();
    const rows = keyRows(sqliteOf(t), 'exchange');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ purpose: 'exchange', algorithm: 'x25519' });
    expect(rows[0]!.publicKey).toHaveLength(32);
    expect(x25519PublicKeyOf(rows[0]!.privateKey)).toEqual(Buffer.from(rows[0]!.publicKey));

    // The identity string is the package's own X25519 kind (not the post-quantum hybrid), and derives the same recipient.
    const [identity] = exchangeIdentities(sqliteOf(t));
    const sample = await generateX25519Identity();
    expect(identity).toMatch(/^AGE-SECRET-KEY-1[0-9A-Z]{58}$/);
    expect(identity).toHaveLength(sample.length);
    const recipient = (await t.call('org.signingKey')).exchangeRecipient;
    expect(await identityToRecipient(identity!)).toBe(recipient);
    expect(recipient).toBe(ageRecipient(rows[0]!.publicKey));
    expect(recipientPublicKey(recipient)).toEqual(Buffer.from(rows[0]!.publicKey));
    expect(recipientPublicKey(recipient.slice(0, -1) + (recipient.endsWith('q') ? 'p' : 'q'))).toBeNull(); // checksum

    const encrypter = new Encrypter();
    encrypter.addRecipient(recipient);
    const sealed = await encrypter.encrypt('批次内容 batch payload');
    const decrypter = new Decrypter();
    decrypter.addIdentity(identity!);
    expect(await decrypter.decrypt(sealed, 'text')).toBe('批次内容 batch payload');
    const stranger = new Decrypter();
    stranger.addIdentity(await generateX25519Identity());
    await expect(stranger.decrypt(sealed, 'text')).rejects.toThrow();

    // On the card, and in its fingerprint: the canonical JSON of both keys.
    const read = readKeyCard(await cardText(t));
    if (!read.ok) throw new Error(read.problem);
    expect(read.card.keys).toEqual({ ed25519: (await t.call('org.signingKey')).publicKey, x25519: recipient });
    expect(read.fingerprint).toEqual(keyCardFingerprint(read.card.keys));
    expect(read.fingerprint).toEqual((await t.call('org.signingKey')).fingerprint);
    expect(keyCardFingerprint({ ...read.card.keys, x25519: ageRecipient(Buffer.alloc(32, 7)) })).not.toEqual(read.fingerprint);

    expect(keyRows(sqliteOf(t.reopen()), 'exchange')).toHaveLength(1); // a restart makes no other
  });

  it('is made once for a database from before it, at the first start, beside the signing key it already had', () => {
    const { dataDir, key } = olderDatabase(true);
    const before = openDatabase(`${dataDir}/bangfu.db`, key);
    const signing = insertSigningKey(before.sqlite, APPROVED_AT);
    before.sqlite.close();

    const t = startCore({ dataDir, key });
    expect(t.core.state.state).toBe('ready');
    expect(keyRows(sqliteOf(t)).map((r) => r.id)).toEqual([signing.id]);
    expect(keyRows(sqliteOf(t), 'exchange')).toHaveLength(1);
    expect(auditSummaries(t, 'org.')).toEqual(['{"event":"org.exchangeKeyCreated","params":{"when":"start"}}']);

    const second = openDatabase(`${dataDir}/bangfu.db`, key);
    expect(ensureExchangeKey(second.sqlite, APPROVED_AT, () => undefined).created).toBe(false);
    second.sqlite.close();
    expect(keyRows(sqliteOf(t.reopen()), 'exchange')).toHaveLength(1);
  });

  it('keeps a replaced identity: what was encrypted to the old key still opens', async () => {
    const t = await startSetUpCore();
    const old = (await t.call('org.signingKey')).exchangeRecipient;
    const encrypter = new Encrypter();
    encrypter.addRecipient(old);
    const sealed = await encrypter.encrypt('before the change');
    await t.call('org.replaceKeys', { confirm: true });
    expect((await t.call('org.signingKey')).exchangeRecipient).not.toBe(old);
    const identities = exchangeIdentities(sqliteOf(t));
    expect(identities).toHaveLength(2);
    const decrypter = new Decrypter();
    for (const identity of identities) decrypter.addIdentity(identity);
    expect(await decrypter.decrypt(sealed, 'text')).toBe('before the change');
    expect(ageIdentity(keyRows(sqliteOf(t), 'exchange')[0]!.privateKey)).toBe(identities[1]);
  });
});
