import type { zhCNExchangeImport, zhCNExchangeImportCodeEntries } from './zh-CN-exchange-import';

/** Receiving batches: the English texts (see zh-CN-exchange-import.ts). */
export const enExchangeImport: typeof zhCNExchangeImport = {
  exchangeTables: {
    org: 'Office details',
    units: 'Employers and unions',
    members: 'Members',
    hardship_files: 'Hardship files',
    aid_programs: 'Aid programs',
    aid_batches: 'Payment batches',
    aid_payments: 'Aid payments',
    attachments: 'Attachments',
  },
  batchRefusals: {
    'not-a-batch': 'This is not a Bangfu Desk batch file (.bfb). Choose the batch file the help centre exported.',
    'newer-version': 'This batch comes from a newer version of Bangfu Desk. Upgrade this program, then import it.',
    truncated:
      'The file is incomplete (cut short while copying, or the stick was pulled out too early). Ask the centre to export this batch again.',
    'bad-header': 'The header of the batch file is damaged or was changed. Ask the centre to export this batch again.',
    'unknown-sender':
      'This batch is not signed with a help centre key this office has confirmed (its key card was not imported and confirmed, or it changed its key). Import its (new) key card on the Exchange keys page and compare the fingerprint by phone, then import the batch.',
    'revoked-sender':
      'This batch is signed with a key no longer trusted or replaced. Ask the centre to export it again with its current key.',
    'bad-signature':
      'The batch signature does not verify: the file was changed after export. Do not use it; ask the centre to export it again.',
    'wrong-recipient': 'This batch is addressed to another federation, not to this office. Check which federation the centre works with.',
    'payload-length': 'Bytes were added at the end of the batch file. Ask the centre to export this batch again.',
    'payload-hash': 'The content of the batch does not match its signature: the file was changed. Ask the centre to export it again.',
    'cannot-decrypt': "This office's key cannot open the batch. Check that the centre imported this office's current key card.",
    'bad-payload': 'The content of the batch is damaged. Ask the centre to export this batch again.',
    'manifest-mismatch':
      'The records do not match the batch list: the file is incomplete or was changed. Ask the centre to export it again.',
    'sequence-gap': 'Batch {expected} is missing: import batch {expected} of this centre first, then this one.',
    'wrong-origin': "The batch holds records that are not this centre's. Check with the centre and ask for a new export.",
    'org-record-missing':
      "The batch lacks the centre's own details, so its records cannot be attributed. Ask the centre to upgrade and export again.",
    'different-hash':
      'Batch {sequence} of this centre was imported before, but this file is different. Recorded as an alarm; nothing was imported.',
  },
  batchRefusalNames: {
    'not-a-batch': 'not a batch file',
    'newer-version': 'newer version',
    truncated: 'incomplete file',
    'bad-header': 'damaged header',
    'unknown-sender': 'sender not trusted',
    'revoked-sender': 'key withdrawn or replaced',
    'bad-signature': 'bad signature',
    'wrong-recipient': 'addressed to another office',
    'payload-length': 'bytes added',
    'payload-hash': 'content does not match the signature',
    'cannot-decrypt': 'cannot decrypt',
    'bad-payload': 'damaged content',
    'manifest-mismatch': 'records do not match the list',
    'sequence-gap': 'an earlier batch is missing',
    'org-record-missing': "centre's details missing",
    'wrong-origin': "another office's records",
    'different-hash': 'same batch number, different file',
  },
  recordRefusals: {
    'unknown-table': 'unknown kind of record',
    'wrong-origin': "not this centre's record",
    'bad-record-id': 'bad record id',
    'bad-instant': 'bad change time',
    'missing-field': 'a required field is missing',
    'bad-field': 'a field has the wrong form',
    'invalid-id-number': 'invalid ID number',
    'invalid-money': 'invalid amount (whole fen, not negative)',
    'unknown-code': 'a code outside its list',
    'invalid-date': 'invalid date',
    'invalid-phone': 'invalid phone number',
    'invalid-credit-code': "credit code invalid or not the sender's",
  },
  exchangeImport: {
    title: 'Received batches',
    intro:
      'Import here the batch files (.bfb) help centres bring on a USB stick. Batches go in order; importing the same batch again records nothing twice. Then download the receipt (.bfr) for the centre to import.',
    importBatch: 'Import batch…',
    importing: 'Importing the batch…',
    progress: '{done} of {total} entries',
    outcomeApplied: 'Imported batch {sequence} of “{name}”{snapshot}',
    snapshot: ' (first batch, all data)',
    fullAgain: ' (full batch after a restore, all data)',
    outcomeRepeat: 'Batch {sequence} of “{name}” was imported before; nothing was recorded twice.',
    outcomeRefused: 'Not imported',
    refusedHeld:
      'This file ({reason}) is a copy of batch {sequence} of “{name}”. That batch was imported on {time} and this file changes nothing of it: the centre need not export it again. For its receipt, download the batch’s receipt from the list below.',
    outcomeAlarm: 'Alarm',
    appliedTitle: 'Records imported',
    attachments: '{count} attachments',
    noRecords: 'This batch holds no records.',
    withdrawnNote:
      '“{name}” restored a backup, and this full batch holds everything it has now: {count} records it sent before and no longer has were marked withdrawn (kept, no longer counted).',
    refusedTitle: 'Records not imported ({count})',
    refusedMore: '{count} more not listed; see the receipt.',
    table: 'Kind',
    recordId: 'Record id',
    reason: 'Reason',
    count: 'Records',
    downloadReceipt: 'Download receipt',
    receiptHint: 'Give the receipt file to the help centre to import on its batches page.',
    centresTitle: 'Batches by help centre',
    noCentres: 'No help centre is trusted yet. Import and confirm their key cards on the Exchange keys page first.',
    nextSequence: 'Next expected: batch {sequence}',
    noBatches: 'No batch received yet.',
    sequence: 'Batch',
    createdAt: 'Exported',
    importedAt: 'Imported',
    importedBy: 'By',
    kind: 'Kind',
    kindSnapshot: 'First (all)',
    kindFullAgain: 'All (after a restore)',
    kindChanges: 'Changes',
    appliedCount: 'Records',
    refusedCount: 'Not imported',
    alarmsTitle: 'Alarms',
    alarmsIntro:
      'A batch number came again as a different file: the centre may have exported again after restoring a backup, or the file is forged. Check with the centre; an administrator then marks it settled.',
    alarmText: 'Batch {sequence} of “{name}”: the file imported differs from the one brought at {at} ({by})',
    alarmSettled: 'Settled: {time} ({user}) {note}',
    settle: 'Settled…',
    settleTitle: 'Mark the alarm settled',
    settleNote: 'What was done',
    settleNoteHint: 'What the centre said and what was done',
    settleConfirm: 'Mark settled',
    settled: 'Marked settled.',
    missingNote: 'what was done',
    keptTitle: 'Batches kept on this computer, not imported',
    keptIntro:
      'The batches below are kept on this computer but the data lacks them: this office restored a backup (batches imported after it), or the last import stopped before it finished. Importing them again runs, batch by batch and in order, the same checks as an import (signature, key, sequence, content); the centre need not bring them again.',
    keptRun: 'To import again: {name} batch {range} (files kept on this computer)',
    keptReimport: 'Import again',
    keptReimporting: 'Importing again…',
    keptApplied: 'Batch {sequence} of "{name}" imported again.',
    keptNoCard:
      'Batch {sequence} of "{name}" was not imported: the restored data has no key card of this centre. Import its key card again on Exchange keys, check the fingerprint by phone, then click Import again.',
    keptRefused:
      'Batch {sequence} of "{name}" was not imported ({reason}). Its file was moved to exchange/received/set-aside in the data folder and kept. Ask the centre to send again from batch {sequence}, then import.',
  },
};

export const enExchangeImportCodeEntries: typeof zhCNExchangeImportCodeEntries = {
  errors: {
    EXCHANGE_FEDERATION_ONLY:
      'Only a federation imports help centres\u2019 batches. This office is a help centre: export batches on its batches page.',
    EXCHANGE_RECEIPT_UNAVAILABLE:
      'The kept file of batch {sequence} is no longer in the data folder, so its receipt cannot be made again. Ask the centre to bring the batch again and import it.',
    EXCHANGE_ALARM_SETTLED: 'This alarm is already marked settled. Refresh to see it.',
  },
  actions: {
    'exchangeImport.importBatch': "Import a centre's batch",
    'exchangeImport.received': 'View received batches',
    'exchangeImport.reimportKept': 'Import the batches kept on this computer again',
    'exchangeImport.receipt': 'Download a batch receipt',
    'exchangeImport.settleAlarm': 'Mark a batch alarm settled',
  },
  auditEvents: {
    'exchangeImport.applied': 'Imported batch {sequence} of {name}: {records} records, {attachments} attachments, {refused} not imported',
    'exchangeImport.withdrawn':
      'Batch {sequence} of {name} holds everything the centre has after restoring a backup: {withdrawn} records it no longer has were marked withdrawn',
    'exchangeImport.repeat': 'Batch {sequence} of {name} again: imported before, nothing recorded twice',
    'exchangeImport.refused': 'Batch refused ({reason})',
    'exchangeImport.alarm': 'Alarm: batch {sequence} of {name} came as a different file; nothing imported',
    'exchangeImport.alarmSettled': 'Alarm on batch {sequence} of {name} marked settled',
  },
};
