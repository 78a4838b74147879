import { sql } from 'drizzle-orm';
import { blob, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { hardshipFiles } from './hardship';
import { units } from './roster';
import { syncColumns } from './sync-columns';

/**
 * Aid (帮扶救助, docs/domain.md "Aid"). Programs, batches and payments travel to the federation (sync columns);
 * nothing here is deleted: a payment made in error is voided with a reason and kept, and a reissue points to it.
 * Who entered, approved and voided a payment are user ids of this office (no foreign key: the records travel,
 * the users do not).
 */

/** A program (项目): one type, one year, one fund source, a budget and its standard (shared/domain/aid.ts). */
export const aidPrograms = sqliteTable(
  'aid_programs',
  {
    ...syncColumns(),
    type: text('type').notNull(),
    name: text('name').notNull(),
    year: integer('year').notNull(),
    fundSource: text('fund_source').notNull(),
    /** Fen; null when the program has no budget of its own to watch. */
    budgetFen: integer('budget_fen'),
    /** open | closed: a closed program takes no new payment; its payments go on through approval and paying. */
    status: text('status').notNull(),
    /** The standard as JSON (contract aidStandard), checked against the type when saved. */
    standard: text('standard').notNull(),
    note: text('note'),
    createdBy: text('created_by').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('aid_programs_year').on(t.year, t.type)],
);

/** A batch (批次): many payments of one program made together (送温暖 before Spring Festival), approved together. */
export const aidBatches = sqliteTable(
  'aid_batches',
  {
    ...syncColumns(),
    programId: text('program_id')
      .notNull()
      .references(() => aidPrograms.id),
    name: text('name').notNull(),
    method: text('method').notNull(),
    /** The filters the batch was drawn with, as JSON (for the record; the payments are the truth). */
    filters: text('filters').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('aid_batches_program').on(t.programId)],
);

/**
 * One payment (or, for 就业帮扶, one service with no money). States (shared/domain/aid.ts PAYMENT_STATUSES):
 * pending 待审核 → approved 待发放 → paid 已发放; voided 作废 from pending or approved or paid, by a reviewer with a
 * reason. The voucher serial is given at approval and never reused: a voided payment keeps it.
 */
export const aidPayments = sqliteTable(
  'aid_payments',
  {
    ...syncColumns(),
    programId: text('program_id')
      .notNull()
      .references(() => aidPrograms.id),
    batchId: text('batch_id').references(() => aidBatches.id),
    /** The household's file; null only on the emergency route (a worker without a file). */
    fileId: text('file_id').references(() => hardshipFiles.id),
    /** The program's year and type, copied so that caps are summed from this table's index alone. */
    year: integer('year').notNull(),
    type: text('type').notNull(),
    /** Who receives it: the file's head, or the person typed on the emergency route (personal data). */
    recipientName: text('recipient_name').notNull(),
    recipientIdNumber: text('recipient_id_number').notNull(),
    recipientUnit: text('recipient_unit'),
    /** 助学: the student in the parent's file (file_household.id), and the school stage paid for. */
    studentId: text('student_id'),
    schoolStage: text('school_stage'),
    amountFen: integer('amount_fen').notNull(),
    /** What the standard allowed at entry, and the clerk's reason when the amount is lower. */
    suggestedFen: integer('suggested_fen').notNull(),
    adjustReason: text('adjust_reason'),
    /** The rule's inputs and the explanation, as JSON (contract aidSuggestion): shown again, never recomputed. */
    basis: text('basis').notNull(),
    method: text('method').notNull(),
    status: text('status').notNull(),
    /** An administrator's reason for going over the program's budget (logged). */
    overBudgetReason: text('over_budget_reason'),
    note: text('note'),
    enteredBy: text('entered_by').notNull(),
    enteredAt: text('entered_at').notNull(),
    approvedBy: text('approved_by'),
    approvedAt: text('approved_at'),
    /** 2027-000123: the voucher's serial, given at approval (voucher_serials). */
    voucherSerial: text('voucher_serial'),
    paidOn: text('paid_on'),
    paidBy: text('paid_by'),
    voidedBy: text('voided_by'),
    voidedAt: text('voided_at'),
    voidReason: text('void_reason'),
    /** A reissue (重新发放) names the voided payment it replaces. */
    reissueOf: text('reissue_of'),
    /** How many times the voucher was printed (the first print is 1; a reprint says 补打 with its count). */
    printCount: integer('print_count').notNull().default(0),
    /**
     * The unit (工作单位) the payment was paid through: the file's member's unit in the roster when the payment was
     * entered, written by the insert (aid.repo paymentInserter) and never changed after, so a payment stays with
     * that unit when the member later moves (what a report by unit wants). Null on the emergency route (no file)
     * and for a file with no member in the roster. A local ref like members.unit_ref (migration 0020).
     */
    unitRef: integer('unit_ref').references(() => units.ref),
  },
  (t) => [
    uniqueIndex('aid_payments_serial')
      .on(t.voucherSerial)
      .where(sql`voucher_serial IS NOT NULL`),
    // One payment per household per batch (per student for 助学): voided ones leave room for their reissue. The
    // student as '' when there is none: SQLite holds NULLs distinct in a unique index, which would let a household
    // be paid twice in one batch.
    uniqueIndex('aid_payments_batch_file')
      .on(t.batchId, t.fileId, sql`(CASE WHEN student_id IS NULL THEN '' ELSE student_id END)`)
      .where(sql`batch_id IS NOT NULL AND file_id IS NOT NULL AND status <> 'voided' AND deleted_at IS NULL`),
    // Caps: what a household received in a year, by type, without voided payments.
    index('aid_payments_file_year')
      .on(t.fileId, t.year, t.type)
      .where(sql`status <> 'voided' AND deleted_at IS NULL`),
    // The payments list (features/aid/payment-list.ts): each filter's column, then the list's order, then what its
    // totals sum, and only rows not deleted, so that a filtered page and its totals are read from one index alone
    // (the table is not touched until the page's 50 rows). The program's also gives its usage (the budget's used part).
    index('aid_payments_program')
      .on(t.programId, t.enteredAt, t.status, t.amountFen)
      .where(sql`deleted_at IS NULL`),
    index('aid_payments_batch')
      .on(t.batchId, t.enteredAt, t.status, t.amountFen)
      .where(sql`deleted_at IS NULL`),
    index('aid_payments_file')
      .on(t.fileId, t.enteredAt, t.status, t.amountFen)
      .where(sql`deleted_at IS NULL`),
    index('aid_payments_type')
      .on(t.type, t.enteredAt, t.status, t.amountFen)
      .where(sql`deleted_at IS NULL`),
    // The reissue of a voided payment (once only; the list shows it).
    index('aid_payments_reissue')
      .on(t.reissueOf)
      .where(sql`reissue_of IS NOT NULL`),
    index('aid_payments_status')
      .on(t.status, t.enteredAt, t.amountFen)
      .where(sql`deleted_at IS NULL`),
    index('aid_payments_entered')
      .on(t.enteredAt, t.status, t.amountFen)
      .where(sql`deleted_at IS NULL`),
    index('aid_payments_unit')
      .on(t.unitRef, t.enteredAt, t.status, t.amountFen)
      .where(sql`deleted_at IS NULL`),
    index('aid_payments_recipient').on(t.recipientIdNumber),
    // The reports (features/reports, migration 0028): payments by the day they were paid, with everything the aid
    // tables count (program for type and fund source, household, student's stage, amount, and whether and when a
    // voided one was voided), so that a year of a million payments is read from this index alone.
    index('aid_payments_paid')
      .on(t.paidOn, t.programId, t.fileId, t.amountFen, t.status, t.voidedAt, t.schoolStage, t.recipientIdNumber)
      .where(sql`paid_on IS NOT NULL AND deleted_at IS NULL`),
  ],
);

/**
 * The payments list's totals kept ready (triggers in migration 0019 keep them on every insert and change of
 * aid_payments): count and sum per program, batch ('' for none), type and status, payments not deleted. A total over
 * a million payments is then a sum of a few hundred rows (features/aid/payment-list.ts); derived, so it never travels.
 */
export const aidPaymentTotals = sqliteTable(
  'aid_payment_totals',
  {
    programId: text('program_id').notNull(),
    batchId: text('batch_id').notNull(),
    type: text('type').notNull(),
    status: text('status').notNull(),
    count: integer('count').notNull(),
    amountFen: integer('amount_fen').notNull(),
  },
  (t) => [primaryKey({ columns: [t.programId, t.batchId, t.type, t.status] })],
);

/**
 * The payments list's totals by unit (migration 0020's triggers keep them like aid_payment_totals): per unit ref,
 * program, batch ('' for none), type and status, payments not deleted and paid through a unit. A unit's total is
 * a sum of its few hundred rows, whatever the size of the table. Derived, never synced.
 */
export const aidPaymentUnitTotals = sqliteTable(
  'aid_payment_unit_totals',
  {
    unitRef: integer('unit_ref').notNull(),
    programId: text('program_id').notNull(),
    batchId: text('batch_id').notNull(),
    type: text('type').notNull(),
    status: text('status').notNull(),
    count: integer('count').notNull(),
    amountFen: integer('amount_fen').notNull(),
  },
  (t) => [primaryKey({ columns: [t.unitRef, t.programId, t.batchId, t.type, t.status] })],
);

/**
 * The payments list's totals by period of entry (migration 0020's triggers): each payment not deleted counts once in
 * its UTC month (grain 'm', period 'YYYY-MM') and once in its UTC day (grain 'd', period 'YYYY-MM-DD'), by type and
 * status. UTC, the stored form of entered_at, because a trigger cannot know the clerk's time zone: a span of local
 * days is cut by the list into whole UTC months, whole UTC days and the part-days at its two ends, which are counted
 * from aid_payments_entered (features/aid/payment-list-totals.ts). Derived, never synced.
 */
export const aidPaymentPeriodTotals = sqliteTable(
  'aid_payment_period_totals',
  {
    grain: text('grain').notNull(),
    period: text('period').notNull(),
    type: text('type').notNull(),
    status: text('status').notNull(),
    count: integer('count').notNull(),
    amountFen: integer('amount_fen').notNull(),
  },
  (t) => [primaryKey({ columns: [t.grain, t.period, t.type, t.status] })],
);

/** The last serial given per kind (voucher, certificate) and year: yearly, gap-free, never reused. */
export const documentSerials = sqliteTable(
  'document_serials',
  {
    kind: text('kind').notNull(),
    year: integer('year').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.year] })],
);

/** 困难职工证明 issued: the serial its QR names, the file, and until when it holds. */
export const aidCertificates = sqliteTable(
  'aid_certificates',
  {
    id: text('id').primaryKey(),
    serial: text('serial').notNull().unique(),
    fileId: text('file_id')
      .notNull()
      .references(() => hardshipFiles.id),
    validUntil: text('valid_until').notNull(),
    issuedBy: text('issued_by').notNull(),
    issuedAt: text('issued_at').notNull(),
    printCount: integer('print_count').notNull().default(1),
  },
  (t) => [index('aid_certificates_file').on(t.fileId)],
);

/**
 * The office's own keys. The private key is kept only here, inside the encrypted database, and never leaves it
 * (no channel returns it). One row per key; a replaced key gets retired_at and stays, so old vouchers still verify.
 */
export const orgKeys = sqliteTable('org_keys', {
  id: text('id').primaryKey(),
  /** signing (Ed25519: vouchers, certificates, key cards, later batches). */
  purpose: text('purpose').notNull(),
  algorithm: text('algorithm').notNull(),
  /** The raw 32-byte public key. */
  publicKey: blob('public_key', { mode: 'buffer' }).notNull(),
  /** PKCS#8 DER. */
  privateKey: blob('private_key', { mode: 'buffer' }).notNull(),
  createdAt: text('created_at').notNull(),
  retiredAt: text('retired_at'),
});
