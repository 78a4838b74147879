import { enExchangeBatchCodeEntries } from './en-exchange-batches';
import { enExchangeImportCodeEntries } from './en-exchange-import';
import type { zhCNExchangeCodeEntries } from './zh-CN-exchange-codes';
import { enPolicyFileCodeEntries } from './en-policy-file';

/** English for the exchange's entries of the maps in en-codes.ts (see zhCNExchangeCodeEntries). */
export const enExchangeCodeEntries: typeof zhCNExchangeCodeEntries = {
  errors: {
    KEY_CARD_NOT_A_CARD:
      'This is not a Bangfu Desk key card (.bfkey). Ask the other office to export its key card on the Exchange keys page, and import that file.',
    KEY_CARD_NEWER: 'This key card comes from a newer version of Bangfu Desk. Upgrade this program, then import it.',
    KEY_CARD_OLD_VERSION:
      'This key card comes from an older version and has no encryption key. Ask the other office to upgrade and export its card again.',
    KEY_CARD_DAMAGED: 'The key card is incomplete or damaged. Ask the other office to export it again and try the new file.',
    KEY_CARD_BAD_SIGNATURE:
      'The key card is not signed correctly: it was changed after export, or another program made it. Do not trust it: ask for a new export and compare the fingerprint by phone.',
    KEY_CARD_OWN: "This is this office's own key card. Import the other office's card.",
    KEY_CARD_WRONG_MODE:
      "This is a key card of a {mode}. A help centre imports its federation's card; a federation imports its centres' cards.",
    KEY_CARD_OTHER_FEDERATION:
      'This centre already works with the federation "{name}", and a centre works with one federation only. To change, stop trusting it in the list first.',
    KEY_CARD_KEY_CHANGED:
      '"{name}" already has a trusted key, and this card brings another key without a signature by the old one. Call them to ask whether they changed keys; if they lost the old key, choose "Confirm again" and compare the new fingerprint.',
    KEY_CARD_RETIRED: 'This is a key card "{name}" has since replaced. Ask them for their current card.',
    ...enExchangeBatchCodeEntries.errors,
    ...enExchangeImportCodeEntries.errors,
    ...enPolicyFileCodeEntries.errors,
  },
  actions: {
    'org.signingKey': 'View the signing key',
    'org.exportKeyCard': 'Export the key card',
    'org.replaceKeys': "Replace the office's keys",
    'exchange.peers': "View other offices' key cards",
    'exchange.importCard': "Import another office's key card",
    'exchange.confirmPeer': 'Confirm a key fingerprint',
    'exchange.withdrawPeer': 'Stop trusting a key',
    'exchange.printPeerCard': "Print another office's key card",
    ...enExchangeBatchCodeEntries.actions,
    ...enExchangeImportCodeEntries.actions,
    ...enPolicyFileCodeEntries.actions,
  },
  auditEvents: {
    'org.keysCarried':
      "The office's keys kept through a restore: {added} carried in, {updated} state corrected, {retired} of the backup's retired",
    'org.signingKeyCreated': "The office's signing key created ({when})",
    'org.keyCardExported': "The office's key card exported ({as})",
    'org.exchangeKeyCreated': "The office's encryption key created ({when})",
    'org.keysReplaced': "The office's signing and encryption keys replaced (the old ones kept for checks)",
    'exchange.cardImported': 'Key card of {name} ({mode}) imported: {change}; fingerprint not yet confirmed',
    'exchange.peerConfirmed': 'Key of {name} ({mode}) trusted after the fingerprint was confirmed by phone: {change}',
    'exchange.peerWithdrawn': 'Key of {name} no longer trusted (was {status})',
    'exchange.peerCardPrinted': 'Key card of {name} printed',
    ...enExchangeBatchCodeEntries.auditEvents,
    ...enExchangeImportCodeEntries.auditEvents,
    ...enPolicyFileCodeEntries.auditEvents,
  },
  /** Audit record types: a batch sent (a centre) or received (a federation), and a federation's alarm. */
  recordTypes: { exchangeBatch: 'Exchange batch', exchangeAlarm: 'Batch alarm', policyFile: 'Policy file' },
};
