/** Exchange keys: the English texts (see zh-CN-exchange.ts). */
export const enExchange = {
  peerStatuses: { pending: 'Not yet confirmed', trusted: 'Trusted', replaced: 'Replaced by a new key', withdrawn: 'No longer trusted' },
  peerChanges: {
    new: 'first import',
    signed: 'key change signed by the old key',
    restart: 'confirmed again (they lost the old key)',
    same: 'same key imported again',
  },
  exchangeKeys: {
    title: 'Exchange keys',
    intro:
      'Before offices exchange data, they exchange key cards and compare the fingerprints group by group over the phone. Private keys stay in the encrypted database and are never exported.',
    mode: 'This office runs as: {mode}',
    replacedNote: "This office replaced its keys on {time}; old fingerprint: {fingerprint}. The new card carries the old key's signature.",
    replace: 'Replace keys…',
    replaceTitle: "Replace the office's keys",
    replaceBody:
      'New vouchers and exchange files then use the new keys; the old keys are kept, so earlier vouchers still verify. Give the new key card to the other office and compare the new fingerprint by phone. Replace keys only if you fear they leaked, or when rules say so.',
    replaceConfirm: 'Replace',
    replaced: 'Keys replaced. Export the new key card for the other office and compare the new fingerprint by phone.',
    peersCentre: "The federation's key card",
    peersFederation: "Help centres' key cards",
    introCentre: 'A centre works with one federation. Import its key card, compare the fingerprint by phone, then confirm.',
    introFederation: "Import each help centre's key card; compare each fingerprint by phone, then confirm.",
    importCard: 'Import a key card…',
    empty: "No other office's key card yet.",
    name: 'Office',
    code: 'Credit code',
    fingerprint: 'Fingerprint',
    status: 'Status',
    actions: 'Actions',
    importedAt: 'Imported: {time} ({user})',
    confirmedAt: 'Confirmed: {time} ({user})',
    keyChange: 'Key changed ({change}); old fingerprint: {fingerprint}',
    confirm: 'Confirm fingerprint…',
    print: 'Print',
    withdraw: 'Stop trusting',
    history: 'Earlier keys (replaced or no longer trusted)',
    endedAt: '{status}: {time}',
    confirmTitle: 'Confirm the fingerprint of "{name}"',
    confirmBody:
      'Call the other office and ask them to read their fingerprint from their Exchange keys page, group by group. Confirm only if every group matches; if one differs, do not confirm and ask for a new card.',
    confirmSigned:
      'This is the new key of "{name}": the new card is signed by its old key (fingerprint {fingerprint}). Still compare the new fingerprint by phone; once confirmed, the old key is no longer trusted and later batches use the new one.',
    confirmRestart:
      'This new card of "{name}" is not signed by its old key (fingerprint {fingerprint}): they say they lost it. Ask why by phone and compare the new fingerprint group by group; once confirmed, the old key is no longer trusted.',
    cardDetails: '{code} · region {region} · {mode}',
    checked: 'I compared every group of the fingerprint with the other office by phone, and all match',
    missingChecked: 'tick "compared by phone"',
    confirmButton: 'Trust this key',
    confirmed: 'The key of "{name}" is trusted.',
    imported: 'Key card of "{name}" imported. Compare the fingerprint by phone, then confirm.',
    importedSame: 'This key card of "{name}" was imported before; the key has not changed.',
    keyChangedTitle: "The other office's key changed",
    startOverBody:
      'If you called and they lost their old key and made a new card, confirm again: pick this card once more and compare the new fingerprint. Until you confirm, the old key stays trusted.',
    startOver: 'Confirm again and pick the file…',
    withdrawTitle: 'Stop trusting the key of "{name}"?',
    withdrawBody:
      'Files signed by this key are then refused and nothing is encrypted to it. The record stays; you can import and confirm a card again.',
    withdrawn: 'The key of "{name}" is no longer trusted.',
  },
};
