import { execFileSync } from 'node:child_process';
import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { keyCardBodyText } from '@shared/domain/key-card';
import { keyCardFingerprint } from '../../src/main/core/keys/key-card';
import { signAsOrg, verifyAsOrg } from '../../src/main/core/keys/org-signing';
import { ADMIN, ORG, outboxCopy } from './support/core';
import {
  CENTRE_2,
  FEDERATION,
  FEDERATION_2,
  auditSummaries,
  cardText,
  importCard,
  parsed,
  peerRowCount,
  refuseCard,
  startOffice,
} from './support/exchange';
import { sqliteOf } from './support/signing';

/** Other offices' key cards (features/exchange): import, the phone confirmation, refusals and key changes. */
describe('key cards between a federation and its centres', () => {
  it('imports a centre card as 待核对, trusts it only once the fingerprint is confirmed, and audits without keys', async () => {
    const federation = await startOffice(FEDERATION);
    const centre = await startOffice();
    const text = await cardText(centre);
    const own = await centre.call('org.signingKey');

    const { peer, outcome } = await importCard(federation, text);
    expect(outcome).toBe('new');
    expect(peer).toMatchObject({ name: ORG.name, code: ORG.creditCode, region: ORG.regionCode, mode: 'centre', status: 'pending' });
    expect(peer.fingerprint).toEqual(own.fingerprint);
    expect(peer).toMatchObject({ importedBy: ADMIN.displayName, confirmedAt: null, replaces: null });

    // The deliberate step: without the tick the input is refused; with it, trusted.
    expect((await federation.fail('exchange.confirmPeer', { id: peer.id })).code).toBe('INVALID_INPUT');
    expect((await federation.fail('exchange.confirmPeer', { id: peer.id, fingerprintChecked: false })).code).toBe('INVALID_INPUT');
    const trusted = await federation.call('exchange.confirmPeer', { id: peer.id, fingerprintChecked: true });
    expect(trusted).toMatchObject({ status: 'trusted', confirmedBy: ADMIN.displayName });
    expect((await federation.fail('exchange.confirmPeer', { id: peer.id, fingerprintChecked: true })).code).toBe('STALE_RECORD');

    // The same card again changes nothing but is noted.
    expect((await importCard(federation, text)).outcome).toBe('same');
    expect(peerRowCount(federation)).toBe(1);

    // A second centre: a federation trusts many.
    const second = await startOffice(CENTRE_2);
    expect((await importCard(federation, await cardText(second))).outcome).toBe('new');
    const list = await federation.call('exchange.peers');
    expect(list.mode).toBe('federation');
    expect(list.peers.map((p) => [p.name, p.status])).toEqual([
      [ORG.name, 'trusted'],
      [CENTRE_2.name, 'pending'],
    ]);

    const summaries = auditSummaries(federation, 'exchange.');
    expect(summaries).toEqual([
      `{"event":"exchange.cardImported","params":{"name":"${ORG.name}","mode":"centre","change":"new"}}`,
      `{"event":"exchange.peerConfirmed","params":{"name":"${ORG.name}","mode":"centre","change":"new"}}`,
      `{"event":"exchange.cardImported","params":{"name":"${ORG.name}","mode":"centre","change":"same"}}`,
      `{"event":"exchange.cardImported","params":{"name":"${CENTRE_2.name}","mode":"centre","change":"new"}}`,
    ]);
    const log = [...summaries, ...federation.logger.lines].join('\n');
    for (const secret of [parsed(text).keys.ed25519, parsed(text).keys.x25519, own.fingerprint.join('')]) expect(log).not.toContain(secret);

    // Printed for the confirmation record: the peer's details, both keys, the fingerprint and the state.
    const pdf = await federation.job('exchange.printPeerCard', { id: peer.id });
    if (!pdf.result.ok) throw new Error(pdf.result.error.code);
    const pdfPath = await outboxCopy(federation, pdf.result.data.fileId);
    expect(execFileSync('pdfinfo', [pdfPath]).toString()).toMatch(/Pages:\s+1\b/);
    const flat = execFileSync('pdftotext', ['-layout', pdfPath, '-']).toString('utf8').replace(/\s+/g, '');
    for (const part of [
      ORG.name,
      ORG.creditCode,
      '帮扶中心',
      own.fingerprint.join(''),
      parsed(text).keys.x25519,
      '已通过电话核对指纹',
      FEDERATION.name,
      '本单位核对人',
    ]) {
      expect(flat).toContain(part);
    }
  });

  it('refuses what is not a trustworthy card of the right kind, each with its reason and nothing written', async () => {
    const federation = await startOffice(FEDERATION);
    const centre = await startOffice();
    const card = parsed(await cardText(centre));
    const json = (value: unknown) => JSON.stringify(value);
    const refusals: [string, string | Buffer, string][] = [
      ['not JSON', '这是一份说明文档', 'KEY_CARD_NOT_A_CARD'],
      ['another JSON file', json({ format: 'bangfu-backup', version: 1 }), 'KEY_CARD_NOT_A_CARD'],
      ['a large file', Buffer.alloc(100_000, 0x20), 'KEY_CARD_NOT_A_CARD'],
      ['a newer version', json({ ...card, version: 2 }), 'KEY_CARD_NEWER'],
      ['an older card without the encryption key', json({ ...card, keys: { ed25519: card.keys.ed25519 } }), 'KEY_CARD_OLD_VERSION'],
      ['a damaged key', json({ ...card, keys: { ...card.keys, x25519: `${card.keys.x25519.slice(0, -1)}q` } }), 'KEY_CARD_DAMAGED'],
      ['a changed name', json({ ...card, org: { ...card.org, name: '冒名单位' } }), 'KEY_CARD_BAD_SIGNATURE'],
      ['its own card', await cardText(federation), 'KEY_CARD_OWN'],
      ['a federation card at a federation', await cardText(await startOffice(FEDERATION_2)), 'KEY_CARD_WRONG_MODE'],
    ];
    if (card.keys.x25519.endsWith('q'))
      refusals[5]![1] = json({ ...card, keys: { ...card.keys, x25519: `${card.keys.x25519.slice(0, -1)}p` } });
    for (const [what, text, code] of refusals) expect((await refuseCard(federation, text)).code, what).toBe(code);
    expect((await refuseCard(federation, json({ ...card, org: { ...card.org, mode: 'federation' } }))).code).toBe('KEY_CARD_BAD_SIGNATURE');
    expect(peerRowCount(federation)).toBe(0);
    expect(auditSummaries(federation, 'exchange.')).toEqual([]);
    expect((await refuseCard(federation, await cardText(await startOffice(FEDERATION_2)))).params).toEqual({
      mode: 'federation',
      own: 'federation',
    });

    // A centre trusts one federation: a second one is refused until the first is withdrawn.
    const first = (await importCard(centre, await cardText(federation))).peer;
    const other = await cardText(await startOffice(FEDERATION_2));
    expect(await refuseCard(centre, other)).toMatchObject({ code: 'KEY_CARD_OTHER_FEDERATION', params: { name: FEDERATION.name } });
    expect((await centre.call('exchange.withdrawPeer', { id: first.id })).status).toBe('withdrawn');
    expect((await importCard(centre, other)).outcome).toBe('new');
    expect((await centre.fail('exchange.confirmPeer', { id: first.id, fingerprintChecked: true })).code).toBe('STALE_RECORD');
    expect(auditSummaries(centre, 'exchange.peerWithdrawn')).toEqual([
      `{"event":"exchange.peerWithdrawn","params":{"name":"${FEDERATION.name}","status":"pending"}}`,
    ]);
  });

  it('takes a key change signed by the trusted old key after confirmation, keeps the old key, and refuses an unsigned one unless started over', async () => {
    const federation = await startOffice(FEDERATION);
    const centre = await startOffice();
    const oldText = await cardText(centre);
    const oldFingerprint = (await centre.call('org.signingKey')).fingerprint;
    const first = (await importCard(federation, oldText)).peer;
    await federation.call('exchange.confirmPeer', { id: first.id, fingerprintChecked: true });

    // The centre replaces its keys: the old one still verifies what it signed; the new card names and is signed by it.
    const voucher = Buffer.from('BF1.V.before', 'ascii');
    const { signature } = signAsOrg(sqliteOf(centre), voucher);
    const info = await centre.call('org.replaceKeys', { confirm: true });
    expect(info.fingerprint).not.toEqual(oldFingerprint);
    expect(info.replaced?.fingerprint).toBe(oldFingerprint.join(' '));
    expect(verifyAsOrg(sqliteOf(centre), voucher, signature)).toBe(true);
    const newText = await cardText(centre);
    const newCard = parsed(newText);
    expect(newCard.replaces).toMatchObject({ ed25519: parsed(oldText).keys.ed25519, fingerprint: oldFingerprint.join(' ') });
    expect(keyCardFingerprint(newCard.keys)).toEqual(info.fingerprint);

    const changed = await importCard(federation, newText);
    expect(changed.outcome).toBe('signed');
    expect(changed.peer).toMatchObject({ status: 'pending', change: 'signed', replaces: { id: first.id, fingerprint: oldFingerprint } });
    // Until confirmed, the old key stays the trusted one.
    const statuses = async () => (await federation.call('exchange.peers')).peers.map((p) => [p.fingerprint.join(''), p.status]);
    expect(await statuses()).toEqual([
      [info.fingerprint.join(''), 'pending'],
      [oldFingerprint.join(''), 'trusted'],
    ]);
    await federation.call('exchange.confirmPeer', { id: changed.peer.id, fingerprintChecked: true });
    expect(await statuses()).toEqual([
      [info.fingerprint.join(''), 'trusted'],
      [oldFingerprint.join(''), 'replaced'],
    ]);
    const old = (await federation.call('exchange.peers')).peers.find((p) => p.id === first.id)!;
    expect(old.endedAt).not.toBeNull();
    expect((await refuseCard(federation, oldText)).code).toBe('KEY_CARD_RETIRED');

    // A `replaces` signed by some other key is no key change: refused like an unsigned one.
    const forger = generateKeyPairSync('ed25519');
    const lost = await startOffice(); // the centre lost its database and set up again: same code, new keys, no old key
    const lostCard = parsed(await cardText(lost));
    const forged = { ...lostCard, replaces: { ed25519: newCard.keys.ed25519, fingerprint: info.fingerprint.join(' '), signature: '' } };
    forged.replaces.signature = sign(null, Buffer.from(keyCardBodyText(forged), 'utf8'), forger.privateKey).toString('base64');
    forged.signature = signAsOrg(sqliteOf(lost), Buffer.from(keyCardBodyText(forged), 'utf8')).signature.toString('base64');
    expect(await refuseCard(federation, JSON.stringify(forged))).toMatchObject({
      code: 'KEY_CARD_KEY_CHANGED',
      params: { name: ORG.name },
    });
    const lostText = await cardText(lost);
    expect((await refuseCard(federation, lostText)).code).toBe('KEY_CARD_KEY_CHANGED');
    expect(peerRowCount(federation)).toBe(2);

    // The administrator called, heard the key was lost, and starts over with a new phone confirmation.
    const restart = await importCard(federation, lostText, true);
    expect(restart.peer).toMatchObject({ status: 'pending', change: 'restart', replaces: { id: changed.peer.id } });
    await federation.call('exchange.confirmPeer', { id: restart.peer.id, fingerprintChecked: true });
    expect((await federation.call('exchange.peers')).peers.map((p) => [p.change, p.status])).toEqual([
      ['restart', 'trusted'],
      ['signed', 'replaced'],
      ['new', 'replaced'],
    ]);
    expect(auditSummaries(federation, 'exchange.peerConfirmed').map((s) => JSON.parse(s).params.change)).toEqual([
      'new',
      'signed',
      'restart',
    ]);
  });
});
