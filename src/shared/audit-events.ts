/**
 * What an audit entry says happened, as a code with parameters: the renderer words it in the clerk's language
 * (i18n auditEvents). Parameters are codes, counts and record ids — never names, ID numbers, phones or amounts.
 */
export const AUDIT_EVENTS = [
  'org.setUp', // { mode }
  'org.settingsChanged', // { fields: comma-separated names of the settings that changed, idleLockMinutes }
  'key.recovered',
  'user.created', // { role }
  'user.renamed',
  'user.roleChanged', // { from, to }
  'user.disabled',
  'user.enabled',
  'user.passwordReset',
  'user.passwordChanged',
  'user.signedIn',
  'user.signedOut',
  'user.wrongPassword', // { attempt }
  'user.lockedOut', // { minutes }
  'user.unlocked', // an administrator lifted the lockout; the password stays
  'user.screenLocked',
  'user.screenUnlocked',
  'backup.created',
  'backup.copied', // a backup file handed to the host to save elsewhere (a USB stick): still encrypted
  'backup.restored', // { keptAs }
  'backup.countersCarried', // { raised } a restore kept the replaced database's serial and file-number high-water marks (counts only)
  'backup.exchangeCarried', // { batches } a restore kept the batches already sent (those the backup lacked); the next batch is a full one
  'backup.alarmsCarried', // { alarms } a federation's restore kept the batch alarms (exchange_alarms) the backup lacked
  'backup.withdrawalsCarried', // { cards } a restore kept the key cards withdrawn since the backup withdrawn
  'member.created',
  'member.updated', // { fields: comma-separated field names that changed }
  'member.statusChanged', // { from, to }
  'member.idRevealed',
  'unit.created', // { kind }
  'unit.renamed',
  'unit.merged', // { into: the unit id kept }
  'roster.imported', // { new, updated, rejected, firstRef, lastRef: the run of member refs it created, if any }
  'roster.exported', // { count } (ID numbers masked)
  'roster.exportedFullIds', // { count } (an administrator asked for full ID numbers)
  'roster.printed', // { count }
  'policy.added', // { key, regionCode, effectiveFrom }
  'policy.voided', // { key }
  'policy.daySet', // { date, kind: holiday | workday | ordinary }
  'policyFile.exported', // { issue, values, programs } (the federation)
  'policyFile.imported', // { source: the federation's code, issue, valuesAdded, valuesSkipped, programsAdded, programsSkipped }
  'file.created', // { workerType, member: 'yes' | 'no' }
  'file.draftSaved',
  'file.visitRecorded', // { kind, allClear: 'yes' | 'no', photos: count }
  'file.attached', // { type }
  'file.attachmentWithdrawn', // { type } (the reason is in the file's timeline, not here)
  'file.action', // { action, from, to }
  'file.printed', // { document: application | visit | notice, count }
  'file.imported', // { category, from } (存量档案: the sheet's category word as "from")
  'file.attachmentOpened', // { type } (opened in the viewer or previewed in the program)
  'files.exported', // { count } (the file list's selection as a 台账, ID numbers masked)
  'files.exportedFullIds', // { count } (an administrator asked for full ID numbers)
  'file.importStaged', // { category, from } (存量档案 staged: the sheet's category word as "from")
  'fileImport.staged', // { files }
  'fileImport.decided', // { decision, files }
  'aid.programSaved', // { type, year, created: 'yes' | 'no' }
  'aid.programStatusSet', // { status }
  'aid.paymentCreated', // { type, method, route: 'file' | 'emergency', adjusted: 'yes' | 'no' }
  'aid.overBudget', // { type } an administrator paid past the program's budget (the reason is on the payment)
  'aid.nameMismatch', // { type } emergency route: the ID number was registered earlier under another name (paid, flagged)
  'aid.batchCreated', // { type, count, excluded, adjusted }
  'aid.paymentsApproved', // { count, first, last: the voucher serials given }
  'aid.paymentsPaid', // { count }
  'aid.paymentVoided', // { type, serial }
  'aid.paymentReissued', // { type } (the voided payment is the record the entry names)
  'aid.vouchersPrinted', // { count, reprints, layout }
  'aid.sheetPrinted', // { count, pages }
  'aid.bankListExported', // { count } (full account numbers: administrator only)
  'aid.certificatePrinted', // { serial, reprint: 'yes' | 'no' }
  'aid.contactCardsPrinted', // { count }
  'org.signingKeyCreated', // { when: start } the office's Ed25519 key pair (vouchers, certificates, key cards), for a database from before it; at setup org.setUp covers it
  'org.keysCarried', // { added, updated, retired } counts: a restore kept the replaced database's keys (no key material)
  'org.keyCardExported', // { as: card | pdf }
  'org.exchangeKeyCreated', // { when: start | restore } the office's X25519 encryption identity, for a database from before it
  'org.keysReplaced', // both keys replaced; the old ones kept (retired)
  'exchange.cardImported', // { name, mode, change: new | signed | restart | same } another office's key card, not yet trusted
  'exchange.peerConfirmed', // { name, mode, change } the administrator confirmed the fingerprint by phone: trusted
  'exchange.peerWithdrawn', // { name, status: pending | trusted } no longer trusted (nothing is deleted)
  'exchange.peerCardPrinted', // { name } a peer's card printed for the confirmation record
  'exchange.batchExported', // { sequence, kind: snapshot | changes, records, attachments } a batch for the federation written
  'exchange.batchExportedAgain', // { from, to } kept batches written again (补发), byte for byte
  'exchange.receiptImported', // { sequence, outcome: applied | repeat | refused, refused: count } the federation's receipt
  'exchangeImport.applied', // { name, sequence, records, refused, attachments } a centre's batch applied (counts only)
  'exchangeImport.withdrawn', // { name, sequence, withdrawn } a centre's snapshot after a restore no longer held that many records: withdrawn
  'exchangeImport.repeat', // { name, sequence } the same batch again: nothing written
  'exchangeImport.refused', // { reason, name?, sequence?, expected? } a batch refused whole: nothing written
  'exchangeImport.alarm', // { name, sequence } the same sequence came again as another file (exchange_alarms)
  'exchangeImport.alarmSettled', // { name, sequence } an administrator marked an alarm looked into (the note is on the alarm)
  'reports.exported', // { period: 2026年第三季度, format: xlsx | pdf, tables: count } the report tables written to a file
  'compare.listImported', // { kind, rows, rejected } another body's list imported for 信息比对 (counts only)
  'compare.exported', // { kind, matched, missing, outreach } a comparison exported as .xlsx (ID numbers masked)
  'compare.listDeleted', // { kind, rows } an administrator deleted a list for good (the one real DELETE)
  'federation.duplicatesExported', // { files, aid } 重复核查 exported as .xlsx: people in each list (ID numbers masked)
  'audit.anchorStarted', // the audit log's head is kept outside the database from here on
  'audit.alarmRaised', // { kind: AuditAlarmKind, when: AuditCheckMoment, and the kind's numbers: seq | anchored, found | names }
  'audit.alarmAcknowledged', // { alarm: the alarm entry's seq, kind }
] as const;

export type AuditEvent = (typeof AUDIT_EVENTS)[number];

/**
 * Entries that record looking, signing in or copying, not a change of the office's data: they do not make an
 * automatic backup due (retention.ts autoBackupDue). Setup alone is not worth a backup either.
 */
export const EVENTS_THAT_CHANGE_NOTHING: readonly AuditEvent[] = [
  'org.setUp',
  'user.signedIn',
  'user.signedOut',
  'user.wrongPassword',
  'user.lockedOut',
  'user.screenLocked',
  'user.screenUnlocked',
  'backup.created',
  'backup.copied',
  'member.idRevealed',
  'roster.exported',
  'roster.exportedFullIds',
  'roster.printed',
  'file.printed',
  'file.attachmentOpened',
  'aid.vouchersPrinted',
  'aid.sheetPrinted',
  'aid.bankListExported',
  'aid.certificatePrinted',
  'aid.contactCardsPrinted',
  'org.keyCardExported',
  'exchange.peerCardPrinted',
  'exchange.batchExportedAgain',
  'compare.exported',
  'federation.duplicatesExported',
  'exchangeImport.repeat',
  'exchangeImport.refused',
  'reports.exported',
  'audit.anchorStarted',
  'audit.alarmRaised',
  'audit.alarmAcknowledged',
];
export type AuditParams = Record<string, string | number>;
export interface AuditSummary {
  event: AuditEvent;
  params: AuditParams;
}

/** What a check of the audit log against its anchor and the schema can find (features/audit/audit-check.ts). */
export const AUDIT_ALARM_KINDS = [
  'rolled-back', // { anchored, found }: the log ends before the anchored entry (tail cut, or an older database)
  'rewritten', // { seq }: the anchored entry is not the one anchored (rewritten with the chain recomputed)
  'chain-broken', // { seq }: an entry's hash or link does not match
  'trigger-missing', // { names }: a protective trigger of the migrations is gone (put back after the alarm)
  'anchor-missing', // the anchor file was removed
  'anchor-invalid', // the anchor file is damaged or not signed with this database's key
] as const;
export type AuditAlarmKind = (typeof AUDIT_ALARM_KINDS)[number];
export type AuditCheckMoment = 'start' | 'signIn' | 'verify' | 'restore' | 'setup' | 'recover';
