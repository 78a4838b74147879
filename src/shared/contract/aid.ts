import { z } from 'zod';
import {
  aidSuggestion,
  batchFilters,
  batchItem,
  batchRow,
  emergencyRecipient,
  fen,
  fileAidSummary,
  paymentFilters,
  paymentItem,
  paymentMethod,
  programInput,
  programItem,
  programStatus,
  verifyResult,
} from './aid-types';
import { channel, fileRef, isoDate, jobChannel, okOutput, trimmedText, uuid } from './define';
import { fileSelection } from './file-list';

export * from './aid-types';

const reason = z.string().trim().min(2).max(200);
const page = { page: z.number().int().min(1).default(1), pageSize: z.number().int().min(1).max(200).default(50) };

/**
 * Aid (帮扶救助, docs/domain.md "Aid"): programs with their standards, payments single and in batches, the
 * second person's approval, vouchers and payment sheets. Programs are set up by a reviewer or an administrator;
 * clerks enter payments; a reviewer who did not enter a payment approves it (the four-eyes rule, checked by the
 * service) and voids a mistake with a reason.
 */
export const aidChannels = {
  // ── Programs ───────────────────────────────────────────────────────────────────────────────────────
  'aid.programs': channel({
    input: z.object({ year: z.number().int().optional(), includeClosed: z.boolean().default(true) }),
    output: z.object({ programs: z.array(programItem) }),
    access: 'viewer',
    mutates: false,
  }),
  'aid.program': channel({ input: z.object({ id: uuid }), output: programItem, access: 'viewer', mutates: false }),
  /** Creates a program (no id) or changes one; payments already made keep the standard they were made under. */
  'aid.saveProgram': channel({
    input: programInput.extend({ id: uuid.optional() }),
    output: programItem,
    access: 'reviewer',
    mutates: true,
  }),
  'aid.setProgramStatus': channel({
    input: z.object({ id: uuid, status: programStatus }),
    output: okOutput,
    access: 'reviewer',
    mutates: true,
  }),

  // ── One payment ────────────────────────────────────────────────────────────────────────────────────
  /** What the standard allows this household (or this student, or this bill) now, with its reasons. */
  'aid.suggest': channel({
    input: z.object({
      programId: uuid,
      fileId: uuid.nullable(),
      studentId: z.string().nullable().default(null),
      /** 医疗: the self-paid part of the bill; 意外: the loss. */
      baseFen: fen.nullable().default(null),
      /**
       * The emergency route (no file): the worker as typed so far. A valid ID number makes the caps count what it
       * already received this year; an earlier different name for it is flagged. Ignored with a file.
       */
      recipient: z
        .object({ name: z.string().trim().max(30), idNumber: z.string().trim().max(30) })
        .nullable()
        .default(null),
    }),
    output: aidSuggestion.extend({
      accountMasked: z.string().nullable(),
      /** The emergency route: the caps counted the payments made to the typed ID number (it was valid). */
      countedIdNumber: z.boolean(),
      /** The typed ID number was registered (roster, earlier aid) under another name: a warning, not a refusal. */
      nameMismatch: z.boolean(),
    }),
    access: 'clerk',
    mutates: false,
  }),
  'aid.createPayment': channel({
    input: z.object({
      programId: uuid,
      /** null only on the emergency route, with `emergency` filled in. */
      fileId: uuid.nullable(),
      emergency: emergencyRecipient.nullable().default(null),
      studentId: z.string().nullable().default(null),
      baseFen: fen.nullable().default(null),
      amountFen: fen,
      /** Required when the amount is below the suggestion. */
      adjustReason: trimmedText(200).nullable().default(null),
      method: paymentMethod,
      /** An administrator paying past the program's budget says why (logged). */
      overBudgetReason: trimmedText(200).nullable().default(null),
      note: trimmedText(200).nullable().default(null),
    }),
    output: paymentItem,
    access: 'clerk',
    mutates: true,
  }),
  /** Approves payments one by one or a whole batch (待审核 → 待发放) and gives each its voucher serial. */
  'aid.approve': channel({
    input: z.object({
      ids: z.array(uuid).max(20_000).default([]),
      batchId: uuid.optional(),
      // What the reviewer confirmed (整批审核's dialog): approval is refused if the pending payments differ from it.
      expected: z.object({ count: z.number().int().min(0), amountFen: z.number().int().min(0) }).optional(),
    }),
    output: z.object({ approved: z.number().int(), serials: z.object({ first: z.string(), last: z.string() }).nullable() }),
    access: 'reviewer',
    mutates: true,
  }),
  /** 待发放 → 已发放 on the day the money went out (or the bank's return list said so). */
  'aid.markPaid': channel({
    input: z.object({ ids: z.array(uuid).max(20_000).default([]), batchId: uuid.optional(), paidOn: isoDate }),
    output: z.object({ paid: z.number().int() }),
    access: 'clerk',
    mutates: true,
  }),
  'aid.void': channel({ input: z.object({ id: uuid, reason }), output: okOutput, access: 'reviewer', mutates: true }),
  /** A new payment in place of a voided one (same program, household and student), pointing to it. */
  'aid.reissue': channel({
    input: z.object({
      voidedId: uuid,
      amountFen: fen,
      method: paymentMethod,
      adjustReason: trimmedText(200).nullable().default(null),
      note: trimmedText(200).nullable().default(null),
    }),
    output: paymentItem,
    access: 'clerk',
    mutates: true,
  }),
  'aid.payment': channel({ input: z.object({ id: uuid }), output: paymentItem, access: 'viewer', mutates: false }),
  /** The payments list: filters, a page, and the totals of the whole selection (computed in SQL). */
  'aid.payments': channel({
    input: paymentFilters.extend(page),
    output: z.object({
      rows: z.array(paymentItem),
      total: z.number().int(),
      totals: z.object({
        count: z.number().int(),
        amountFen: z.number().int(),
        byStatus: z.record(z.string(), z.number().int()),
        /** What the voided payments of the selection came to: the header of a list filtered to 已作废 says it. */
        voidedFen: z.number().int(),
      }),
    }),
    access: 'viewer',
    mutates: false,
  }),
  /** The file page's aid tab. */
  'aid.fileSummary': channel({ input: z.object({ fileId: uuid }), output: fileAidSummary, access: 'viewer', mutates: false }),

  // ── Batches ────────────────────────────────────────────────────────────────────────────────────────
  /** Every eligible file (one row per student for 助学) with its suggested amount, and those left out, why. */
  'aid.batchPreview': channel({
    input: z.object({ programId: uuid, filters: batchFilters }),
    output: z.object({
      rows: z.array(batchRow),
      /** What the eligible rows pay as suggested (the budget left taken into account, row after row). */
      totalFen: z.number().int(),
      /** The program's budget left before this batch; null when it has none. */
      budgetLeftFen: z.number().int().nullable(),
      /** Eligible rows the budget left does not cover in full: only an administrator may go on, with a reason. */
      overBudgetRows: z.number().int(),
      /** Eligible rows already paid from this program this year: this batch only tops them up to the standard. */
      toppedUpRows: z.number().int(),
    }),
    access: 'clerk',
    mutates: false,
  }),
  /** Creates all of the batch's payments in one transaction, or none. */
  'aid.createBatch': channel({
    input: z.object({
      programId: uuid,
      name: z.string().trim().min(2).max(60),
      method: paymentMethod,
      filters: batchFilters,
      excluded: z.array(z.object({ fileId: uuid, studentId: z.string().nullable().default(null), reason })).default([]),
      adjusted: z.array(z.object({ fileId: uuid, studentId: z.string().nullable().default(null), amountFen: fen, reason })).default([]),
      overBudgetReason: trimmedText(200).nullable().default(null),
    }),
    output: z.object({ batchId: uuid, count: z.number().int(), totalFen: z.number().int() }),
    access: 'clerk',
    mutates: true,
  }),
  'aid.batches': channel({
    input: z.object({ programId: uuid.optional() }),
    output: z.object({ batches: z.array(batchItem) }),
    access: 'viewer',
    mutates: false,
  }),
  'aid.batch': channel({ input: z.object({ id: uuid }), output: batchItem, access: 'viewer', mutates: false }),

  // ── Documents ──────────────────────────────────────────────────────────────────────────────────────
  /** 领取凭证 for approved payments: chosen ones, a batch, or a range of serials (after a printer jam). */
  'aid.printVouchers': jobChannel({
    input: z.object({
      ids: z.array(uuid).max(20_000).default([]),
      batchId: uuid.optional(),
      serialFrom: z.string().optional(),
      serialTo: z.string().optional(),
      layout: z.enum(['a4-three', 'a5']).default('a4-three'),
    }),
    result: fileRef,
    access: 'clerk',
    mutates: true,
  }),
  /** 发放表 of a batch or of a whole program. */
  'aid.printSheet': jobChannel({
    input: z.object({ batchId: uuid.optional(), programId: uuid.optional() }),
    result: fileRef,
    access: 'clerk',
    mutates: true,
  }),
  /** The bank's transfer list with full account numbers: administrator only, logged without personal data. */
  'aid.exportBankList': jobChannel({
    input: z.object({ batchId: uuid }),
    result: fileRef,
    access: 'admin',
    mutates: true,
  }),
  /** 困难职工证明 for an active file. */
  'aid.printCertificate': jobChannel({
    input: z.object({ fileId: uuid, layout: z.enum(['a4', 'a5']).default('a4') }),
    result: fileRef,
    access: 'clerk',
    mutates: true,
  }),
  /** 联系卡, ten to an A4 page: for the files given, or for what the files list shows (its search and filters). */
  'aid.printContactCards': jobChannel({
    input: z
      .object({ fileIds: z.array(uuid).max(20_000).default([]), selection: fileSelection.optional() })
      .refine((input) => input.fileIds.length > 0 || input.selection !== undefined, { path: ['fileIds'], message: 'EMPTY' }),
    result: fileRef,
    access: 'clerk',
    mutates: true,
  }),
  /** A voucher's or certificate's QR text (a scanner types it) or a typed serial → what it is. */
  'aid.verify': channel({
    input: z.object({ text: z.string().max(2000) }),
    output: verifyResult,
    access: 'viewer',
    mutates: false,
  }),
};
