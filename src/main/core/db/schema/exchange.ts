import { sql } from 'drizzle-orm';
import { blob, index, integer, primaryKey, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { users } from './users';

/**
 * The other offices whose key cards this office took in (issue 12, docs/domain.md "Key cards"): a centre trusts
 * its federation, a federation its centres. One row per card key: a key change adds a row that points to the one
 * it replaces, which stays (retired) so what it signed can still be checked. Nothing is deleted, and nothing here
 * travels: each office's trust is its own (no sync columns; the users are this office's).
 */
export const exchangePeers = sqliteTable(
  'exchange_peers',
  {
    id: text('id').primaryKey(),
    /** The other office's 统一社会信用代码, as its card says. */
    code: text('code').notNull(),
    name: text('name').notNull(),
    region: text('region').notNull(),
    mode: text('mode', { enum: ['centre', 'federation'] }).notNull(),
    /** The raw 32-byte Ed25519 public key. */
    ed25519: blob('ed25519', { mode: 'buffer' }).notNull(),
    /** The age recipient, age1…. */
    x25519: text('x25519').notNull(),
    /** 40 digits: the card's fingerprint over both keys. */
    fingerprint: text('fingerprint').notNull(),
    /** The card as it was imported (.bfkey text): printed for the confirmation record, checked again at will. */
    card: text('card').notNull(),
    cardCreatedAt: text('card_created_at').notNull(),
    /** pending (imported, fingerprint not yet confirmed) → trusted → replaced (by a newer key) or withdrawn. */
    status: text('status', { enum: ['pending', 'trusted', 'replaced', 'withdrawn'] }).notNull(),
    /** How the key came: a first card, a change signed by the trusted old key, or a new start after a lost key. */
    change: text('change', { enum: ['new', 'signed', 'restart'] }).notNull(),
    replacesId: text('replaces_id').references((): AnySQLiteColumn => exchangePeers.id),
    importedAt: text('imported_at').notNull(),
    importedBy: text('imported_by')
      .notNull()
      .references(() => users.id),
    confirmedAt: text('confirmed_at'),
    confirmedBy: text('confirmed_by').references(() => users.id),
    /** When it was replaced or withdrawn. */
    endedAt: text('ended_at'),
  },
  (t) => [
    index('exchange_peers_code').on(t.code),
    // One trusted key per office at a time (a key change retires the old row in the same transaction).
    uniqueIndex('exchange_peers_trusted_code')
      .on(t.code)
      .where(sql`status = 'trusted'`),
  ],
);

/*
 * Batches (issue 12, docs/exchange-format.md for the file, docs/architecture.md "The exchange" for the flow). None of
 * these tables travels (no sync columns): they are this office's own record of what it sent and received.
 */

/**
 * 上报批次, the centre's side: one row per batch this office exported, in sequence order. The batch file itself is
 * kept in the data folder (exchange/sent/, encrypted to the federation, so nothing in it is in clear) so that
 * "export again from batch N" writes the very same bytes, which the federation takes as a harmless repeat.
 * Receipt columns are filled when the federation's signed receipt (.bfr) is imported.
 */
export const exchangeSent = sqliteTable(
  'exchange_sent',
  {
    sequence: integer('sequence').primaryKey(),
    recipientPeerId: text('recipient_peer_id')
      .notNull()
      .references(() => exchangePeers.id),
    createdAt: text('created_at').notNull(),
    /** The first batch is a snapshot of every travelling record; the next ones hold what changed since. */
    snapshot: integer('snapshot', { mode: 'boolean' }).notNull(),
    /** change_log seqs: the batch holds the records changed in (after, through]. */
    changeAfter: integer('change_after').notNull(),
    changeThrough: integer('change_through').notNull(),
    /** Records by table (JSON object), as the manifest counts them, and the number of attachment entries. */
    counts: text('counts').notNull(),
    attachments: integer('attachments').notNull(),
    /** The whole file's size and SHA-256 (hex), and its name in the data folder's exchange/sent/. */
    bytes: integer('bytes').notNull(),
    sha256: text('sha256').notNull(),
    /** The header's payload.sha256: what the federation's receipt names the batch by (migration 0023). */
    payloadSha256: text('payload_sha256'),
    keptFile: text('kept_file').notNull(),
    exportedBy: text('exported_by')
      .notNull()
      .references(() => users.id),
    /** From the federation's receipt: applied / repeat / refused, counts applied by table, records refused. */
    receiptAt: text('receipt_at'),
    receiptOutcome: text('receipt_outcome', { enum: ['applied', 'repeat', 'refused'] }),
    receiptApplied: text('receipt_applied'),
    /** JSON list of {table, id, reason}: reason codes only, never a value. */
    receiptRefused: text('receipt_refused'),
    receiptImportedBy: text('receipt_imported_by').references(() => users.id),
    /** Why the federation refused the whole batch (a refusal code, e.g. sequence-gap); null otherwise (migration 0023). */
    receiptReason: text('receipt_reason'),
    /**
     * The highest rev the batch carried (rev_base included; migration 0038): what the federation may hold of this
     * centre at most, which a restore raises rev_base above (features/backup/carry-exchange.ts).
     */
    revHigh: integer('rev_high').notNull().default(0),
  },
  (t) => [index('exchange_sent_created').on(t.createdAt)],
);

/**
 * What a restore leaves for the next batch (one row, features/backup/carry-exchange.ts): the federation holds what
 * the batches sent, the restored records are older. `rev_base` is added to every rev a batch carries, so each record
 * sent after the restore beats the version the federation holds; `snapshot_due_since` (the restore's instant) makes
 * the next batch a full one, which brings the federation back in line with the restored records; it is cleared when
 * that batch is written.
 */
export const exchangeRestart = sqliteTable('exchange_restart', {
  id: integer('id').primaryKey(),
  revBase: integer('rev_base').notNull().default(0),
  snapshotDueSince: text('snapshot_due_since'),
});

/** Which attachments went in which batch: an attachment never changes, so it travels once (a file's next change does not send its photos again). */
export const exchangeSentAttachments = sqliteTable('exchange_sent_attachments', {
  attachmentId: text('attachment_id').primaryKey(),
  sequence: integer('sequence')
    .notNull()
    .references(() => exchangeSent.sequence),
});

/**
 * 接收批次, the federation's side: one row per batch applied (or recognised as a repeat), per centre and sequence.
 * The next batch expected from a centre is its highest sequence here + 1.
 */
export const exchangeReceived = sqliteTable(
  'exchange_received',
  {
    /** The sending centre's 统一社会信用代码, as its header and its trusted card say. */
    centreCode: text('centre_code').notNull(),
    sequence: integer('sequence').notNull(),
    peerId: text('peer_id')
      .notNull()
      .references(() => exchangePeers.id),
    /** The whole file's SHA-256: a second file with this sequence and another hash is an alarm. */
    sha256: text('sha256').notNull(),
    bytes: integer('bytes').notNull(),
    createdAt: text('created_at').notNull(),
    importedAt: text('imported_at').notNull(),
    importedBy: text('imported_by')
      .notNull()
      .references(() => users.id),
    snapshot: integer('snapshot', { mode: 'boolean' }).notNull(),
    changeAfter: integer('change_after').notNull(),
    changeThrough: integer('change_through').notNull(),
    /** JSON: records applied by table; records refused [{table, id, reason}] (reason codes, never values). */
    applied: text('applied').notNull(),
    refused: text('refused').notNull(),
  },
  (t) => [primaryKey({ columns: [t.centreCode, t.sequence] })],
);

/** 异常: a batch that came again with a sequence already applied and a different hash (or another alarm kind). */
export const exchangeAlarms = sqliteTable(
  'exchange_alarms',
  {
    id: text('id').primaryKey(),
    centreCode: text('centre_code').notNull(),
    sequence: integer('sequence').notNull(),
    kind: text('kind', { enum: ['different-hash'] }).notNull(),
    at: text('at').notNull(),
    byUser: text('by_user')
      .notNull()
      .references(() => users.id),
    heldSha256: text('held_sha256').notNull(),
    offeredSha256: text('offered_sha256').notNull(),
    /** An administrator marks it looked into (已处理) with a note; it stays listed. */
    settledAt: text('settled_at'),
    settledBy: text('settled_by').references(() => users.id),
    settledNote: text('settled_note'),
  },
  (t) => [index('exchange_alarms_centre').on(t.centreCode, t.at)],
);

/**
 * The federation's copy of its centres' records, as the batches carried them (docs/exchange-format.md "Records"):
 * one row per (origin, table, id), replaced only by a higher rev, so any order of repeats gives the same rows.
 * Kept apart from this office's own tables: centres' rosters overlap (a worker who moved) and their units share
 * names, which the own tables' unique rules refuse, and a centre's records are read-only here.
 */
export const exchangeRecords = sqliteTable(
  'exchange_records',
  {
    origin: text('origin').notNull(),
    tableName: text('table_name').notNull(),
    id: text('id').notNull(),
    centreCode: text('centre_code').notNull(),
    rev: integer('rev').notNull(),
    updatedAt: text('updated_at').notNull(),
    deletedAt: text('deleted_at'),
    /** The record's fields (JSON object) exactly as the batch carried them. */
    fields: text('fields').notNull(),
    /** The batch it last came in. */
    sequence: integer('sequence').notNull(),
    /**
     * The snapshot (its sequence) that no longer held this record: the centre restored a backup taken before it made
     * the record. The record is then a tombstone here (deleted_at set), never removed (migration 0038).
     */
    withdrawnIn: integer('withdrawn_in'),
    // The values the federation's views filter, sort and sum on (features/federation/*.repo.ts), copied by the importer
    // from the record it has just parsed (migration 0025): indexed as plain columns, an insert costs no JSON parse per
    // index, where expressions on `fields` parsed a file's whole JSON once per index. Null where a table has no such
    // value, and where a value not checked on import (file_no, entered_at) is not text.
    /** hardship_files and aid_payments: their status code. */
    status: text('status'),
    /** hardship_files: the category (null when none). */
    category: text('category'),
    /** hardship_files: file_no. */
    fileNo: text('file_no'),
    /** hardship_files: head_name; members: name. */
    name: text('name'),
    /** hardship_files: the last 4 characters of head_id_number; members: of id_number (the tail search). */
    idTail: text('id_tail'),
    /** aid_payments: year, entered_at, type and amount_fen. */
    year: integer('year'),
    enteredAt: text('entered_at'),
    type: text('type'),
    amountFen: integer('amount_fen'),
    /**
     * aid_payments: recipient_id_number (migration 0035). A payment names one person, so the duplicate-aid list
     * reads it from the payment's own row: no exchange_people row (and its two index entries) per payment.
     */
    idNumber: text('id_number'),
    /**
     * aid_payments: program_id (migration 0042). The federation's home sums each program's payments from the order
     * index, which ends with it, instead of reading each payment's fields for it.
     */
    programId: text('program_id'),
    /**
     * aid_payments: paid_on (migration 0043), the day it was paid. A federation's report keeps only the payments paid
     * within its period (features/reports federation-source.ts), found on the order index, which ends with it: the
     * rows of a centre's other years of payments are never read.
     */
    paidOn: text('paid_on'),
  },
  (t) => [
    primaryKey({ columns: [t.origin, t.tableName, t.id] }),
    // 重复核查 of aid (duplicates.repo.ts): payments in force by year and person, grouped from the index alone, so it
    // carries every column the list's query tests. Replaces exchange_people_active_aid (0024).
    index('exchange_records_active_aid')
      .on(t.year, t.idNumber, t.centreCode, t.amountFen, t.tableName, t.deletedAt, t.status)
      .where(sql`table_name = 'aid_payments' AND deleted_at IS NULL AND status <> 'voided'`),
    // A centre's org record, newest batch first: the origin its records carry. Only org rows (migration 0025): on
    // every record, an index the bulk tables' own (0024, 0025) already cover cost the import a write per record.
    index('exchange_records_centre')
      .on(t.centreCode, t.sequence)
      .where(sql`table_name = 'org'`),
    // Not declared here: migration 0037's exchange_records_file_in_force (centre, status, category, the draft's main
    // cause), written by hand since drizzle-kit splits an expression with a comma into columns.
  ],
);

/** A centre's attachment (a scan, a visit photo), as an attachment entry carried it: it never changes. */
export const exchangeAttachments = sqliteTable(
  'exchange_attachments',
  {
    id: text('id').primaryKey(),
    centreCode: text('centre_code').notNull(),
    recordTable: text('record_table').notNull(),
    recordId: text('record_id').notNull(),
    name: text('name').notNull(),
    mime: text('mime').notNull(),
    bytes: integer('bytes').notNull(),
    sha256: text('sha256').notNull(),
    content: blob('content', { mode: 'buffer' }).notNull(),
  },
  (t) => [index('exchange_attachments_record').on(t.recordTable, t.recordId)],
);

/**
 * Who is named where across centres, kept by the importer from exchange_records (derived: rewritten when its record
 * is, so rows here may be replaced): the duplicate lists (same ID number in active files of two centres; aid paid
 * to one person by two centres in a year) read this index instead of every record's JSON.
 */
export const exchangePeople = sqliteTable(
  'exchange_people',
  {
    idNumber: text('id_number').notNull(),
    centreCode: text('centre_code').notNull(),
    /** hardship_files (role head or member); aid_payments' recipients are on their records since migration 0035. */
    recordTable: text('record_table').notNull(),
    recordId: text('record_id').notNull(),
    role: text('role', { enum: ['head', 'member', 'recipient'] }).notNull(),
    /** A file in force (在档 or 复核 in progress), or a payment not voided; a deleted record is not active. */
    active: integer('active', { mode: 'boolean' }).notNull(),
    /** Payments (before migration 0035): the program's year and the amount in fen; null for files. */
    year: integer('year'),
    amountFen: integer('amount_fen'),
  },
  (t) => [
    // Files' people only (migration 0025): the search by ID number reads files; a payment's recipient is found
    // through exchange_people_active_aid (0024), and a million payments' rows here cost the import a write each.
    index('exchange_people_id_number')
      .on(t.idNumber, t.centreCode)
      .where(sql`record_table = 'hardship_files'`),
    index('exchange_people_record').on(t.recordTable, t.recordId),
  ],
);
