import type { zhCNSeal } from './zh-CN-seal';

/** The organisation's signing key and the voucher check; part of the en catalogue (see en.ts). */
export const enSeal: typeof zhCNSeal = {
  signingKeyMoments: { setup: 'at setup', start: 'at the first start after an upgrade' },
  keyCardForms: { card: 'card file', pdf: 'printed page' },
  signingKey: {
    title: 'Signing key',
    intro:
      "The QR codes on aid vouchers and hardship certificates are signed with this organisation's key; anyone can check them on the Verify screen. The private key stays inside the encrypted database and is never exported.",
    fingerprint: 'Key fingerprint',
    createdAt: 'Created {time}',
    exportCard: 'Export key card (.bfkey)',
    printCard: 'Print key card',
    cardSaved: 'Key card saved. Give the file to the federation and compare the fingerprint by phone or on the printed card.',
  },
};
