import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { VerifyResult } from '@shared/contract/aid';
import { formatSignedCode, signedMessage, type VoucherCode } from '@shared/domain/signed-code';
import { certificateCodeText, voucherCodeText, voucherIssuedOn } from '../../src/main/core/features/aid/qr-codes';
import { signAsOrg } from '../../src/main/core/keys/org-signing';
import { ORG, startSetUpCore, type TestCore } from './support/core';
import { fileForMember, office } from './support/hardship';
import { APPROVED_AT, PAYMENT, insertPayment, sqliteOf } from './support/signing';

/**
 * 凭证核验 on real SQLite: vouchers and certificates made by qr-codes.ts from rows written as the aid foundation's
 * schema has them, then changed, re-signed with other keys, voided, expired, or typed as serials.
 */
const verify = (t: TestCore, text: string) => t.call('aid.verify', { text });

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
    // Our own key over an amount the record does not have (the record rolled back by a restore): ours, never forged.
    const inflated = { ...code, amountFen: 500_000 };
    expect(await verify(t, formatSignedCode(inflated, signAsOrg(sqlite, signedMessage(inflated)).signature))).toEqual({
      verdict: 'not-on-record',
      problem: 'differs',
      kind: 'voucher',
      summary: null,
    });
    // Our key, a payment this database does not have (an older backup restored since): ours, but not on record.
    const unknown = { ...code, paymentId: '0193a000-0000-7000-8000-0000000000ff' };
    expect((await verify(t, formatSignedCode(unknown, signAsOrg(sqlite, signedMessage(unknown)).signature))).verdict).toBe('not-on-record');
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
    // Our own serial format, not on record: said so, not "another organisation's".
    expect(await verify(t, '2027-000124')).toEqual({ verdict: 'serial-not-found', problem: null, kind: null, summary: null });
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
