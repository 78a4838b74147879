import type { zhCNSeal } from './zh-CN-seal';

/** The organisation's signing key and the voucher check; part of the en catalogue (see en.ts). */
export const enSeal: typeof zhCNSeal = {
  signingKeyMoments: {
    setup: 'at setup',
    start: 'at the first start after an upgrade',
    restore: 'after restoring a backup from before keys',
  },
  keyCardForms: { card: 'card file', pdf: 'printed page' },
  verify: {
    title: 'Verify a voucher',
    intro:
      'Scan the QR code on an aid voucher or hardship certificate (it is checked as soon as the scan ends), paste the QR text, or type the serial (e.g. 2027-000123).',
    input: 'QR text or serial',
    placeholder: 'Scan, paste, or type a serial and press Enter',
    check: 'Verify',
    clear: 'Clear',
    voucher: 'Aid voucher',
    certificate: 'Hardship certificate',
    titleWithKind: '{kind}: {verdict}',
    verdicts: {
      'valid-paid': 'Genuine, paid',
      'valid-unpaid': 'Genuine: approved, not yet paid',
      voided: 'Genuine, but voided',
      'not-issued-here': 'Not issued by this organisation',
      'not-on-record': 'Signed by us, but not on record here or the record differs',
      forged: "Forged or altered: the signature does not verify with this organisation's key",
      malformed: 'Not a readable code',
      'serial-found': 'Found by serial',
      'serial-not-found': 'No document with this serial here',
      valid: 'Genuine and valid',
      expired: 'Genuine, but expired',
    },
    details: {
      'valid-paid': "The QR signature is correct and matches this organisation's payment record.",
      'valid-unpaid': 'The QR signature is correct. The payment is approved but not yet recorded as paid.',
      voided: 'The QR signature is correct, but the payment was voided on {date}; the voucher is no longer good.',
      voidedNoDate: 'The QR signature is correct, but the payment was voided; the voucher is no longer good.',
      'not-on-record':
        "The QR signature is correct and made with this organisation's key, but this database has no such record (an older backup was restored since, say). Whether it was paid or voided cannot be told here: check the stub or the finance copy and enter it again before accepting it.",
      'not-issued-here': 'The code names another organisation: this organisation did not issue it. Check with the issuer.',
      notOnRecordDiffers:
        "The QR signature is correct and made with this organisation's key, but the record here differs from it (another serial, amount or date, or not yet approved here). Most likely an older backup was restored after it was issued: ask whether a backup was restored, check the stub or the finance copy, and accept it only when they agree.",
      'serial-not-found':
        'This database has no document with this serial. Check the serial and the year (a voucher reads 2027-000123, a certificate starts with Z); if it is right, an older backup may have been restored since it was issued: check the stub.',
      forged:
        "The QR signature does not verify with this organisation's key: the content was altered, or it was not signed with our key. Do not accept it; tell your supervisor.",
      'serial-found':
        'A typed serial carries no signature: it only shows that this organisation has a record with this serial, not that the paper is unaltered. Compare the amount and name.',
      valid: 'The QR signature is correct and the certificate is within its validity.',
      expired: 'The QR signature is correct, but the certificate has expired; the holder needs a new one.',
    },
    problems: {
      empty: 'Nothing entered.',
      'bad-characters':
        'It holds characters a QR code here never has (Chinese or full-width). Switch the input method to English before scanning.',
      'wrong-prefix': 'It does not start with BF1: not a Bangfu Desk voucher code, or not a whole serial.',
      'newer-version': 'A newer version of the program made this code: update this program to verify it.',
      'unknown-kind': 'The kind of document is not known.',
      'field-count': 'Parts are missing or extra: scan again.',
      'bad-org-code': 'The organisation code is incomplete.',
      'bad-serial': 'The serial part is wrong.',
      'bad-id': 'The record id part is wrong.',
      'bad-amount': 'The amount part is wrong.',
      'bad-date': 'The date part is wrong.',
      'bad-signature': 'The signature part is incomplete: scan again.',
    },
    serial: 'Serial',
    kind: 'Document',
    amount: 'Amount',
    date: 'Issued on',
    type: 'Aid type',
    program: 'Program',
    recipient: 'Recipient',
    holder: 'Holder',
    status: 'Status',
    validUntil: 'Valid until',
  },
  signingKey: {
    title: "This office's key card",
    intro:
      'The signing key signs aid vouchers, hardship certificates and exchange files; the encryption key receives files the other office encrypts to you. Give the key card to the other office, then compare the fingerprint below by phone, group by group. Private keys stay inside the encrypted database and are never exported.',
    fingerprint: 'Key fingerprint (covers the signing and the encryption key)',
    recipient: 'Encryption key (other offices encrypt to it):',
    createdAt: 'Created {time}',
    exportCard: 'Export key card (.bfkey)',
    printCard: 'Print key card',
    cardSaved: 'Key card saved. Give the file to the other office and compare the fingerprint by phone or on the printed card.',
  },
};
