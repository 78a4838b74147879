import { z } from 'zod';
import { CAUSES } from '../domain/hardship-codes';
import { HARDSHIP_CATEGORIES } from '../domain/means-test';
import { FILE_STATUSES } from '../domain/hardship-lifecycle';
import { aidType, paymentStatus } from './aid-types';
import { channel, fileRef, isoDate, jobChannel, uuid } from './define';
import { peerStatus } from './exchange';
import { gender, memberStatus } from './roster';

/**
 * The federation's views of its centres (issue 12, docs/domain.md "The federation's views"): what each centre sent,
 * read-only, and the duplicate lists. Every channel answers in federation mode only (FEDERATION_MODE_ONLY in a
 * centre). ID numbers are masked as the roster masks them (maskedIdView); the full number is never sent.
 */

const page = { page: z.number().int().min(1).default(1), pageSize: z.number().int().min(1).max(200).default(50) };
const centreCode = z.string().trim().min(1).max(40);
const query = z.string().trim().max(100).default('');

/** A person as the lists show one: the name, the masked number, gender and birth year (never the birth date). */
const maskedPerson = z.object({
  name: z.string(),
  idNumberMasked: z.string(),
  gender: gender.nullable(),
  birthYear: z.number().int().nullable(),
});

export const centreSummary = z.object({
  code: z.string(),
  name: z.string(),
  region: z.string(),
  /** The office's key as this federation holds it now: trusted, or its last state (replaced, withdrawn). */
  keyState: peerStatus.exclude(['pending']),
  /** The trusted key is not the first one: a change signed by the old key, or a new start after a lost key. */
  keyChange: z.object({ kind: z.enum(['signed', 'restart']), at: z.string().nullable() }).nullable(),
  /** A newer card waits for its phone confirmation. */
  keyPending: z.boolean(),
  lastBatch: z.object({ sequence: z.number().int(), createdAt: z.string(), importedAt: z.string() }).nullable(),
  lastImportAt: z.string().nullable(),
  counts: z.object({ files: z.number().int(), members: z.number().int(), payments: z.number().int() }),
  openAlarms: z.number().int(),
  /** No batch imported for more than `overdueDays` (counted from the card's confirmation while none came yet). */
  overdue: z.boolean(),
  /** Whole days since the last import (or the confirmation); null when neither is known. */
  daysSince: z.number().int().nullable(),
});
export type CentreSummary = z.infer<typeof centreSummary>;

/** The centre a per-centre page is about (its header), without the counts the centres list reads. */
export const centreHeader = z.object({ code: z.string(), name: z.string(), region: z.string(), keyState: peerStatus.exclude(['pending']) });
export type CentreHeader = z.infer<typeof centreHeader>;

export const fedFileItem = z.object({
  id: z.string(),
  fileNo: z.string().nullable(),
  status: z.enum(FILE_STATUSES),
  category: z.enum(HARDSHIP_CATEGORIES).nullable(),
  head: maskedPerson,
  householdSize: z.number().int(),
  updatedAt: z.string(),
});
export type FedFileItem = z.infer<typeof fedFileItem>;

/** One file as the centre sent it: the fields, household, visits and timeline; the draft's other fields as they are. */
export const fedFile = fedFileItem.extend({
  workerType: z.string(),
  entryKind: z.string(),
  approvedOn: z.string().nullable(),
  reviewedOn: z.string().nullable(),
  legacyNo: z.string().nullable(),
  rev: z.number().int(),
  sequence: z.number().int(),
  deleted: z.boolean(),
  household: z.array(maskedPerson.extend({ relation: z.string() })),
  visits: z.array(
    z.object({ kind: z.string(), date: z.string(), visitors: z.string(), allClear: z.boolean(), note: z.string().nullable() }),
  ),
  events: z.array(
    z.object({
      at: z.string(),
      action: z.string(),
      fromStatus: z.string().nullable(),
      toStatus: z.string(),
      reason: z.string().nullable(),
    }),
  ),
});
export type FedFile = z.infer<typeof fedFile>;

export const fedPaymentItem = z.object({
  id: z.string(),
  year: z.number().int(),
  type: aidType,
  status: paymentStatus,
  recipient: maskedPerson,
  amountFen: z.number().int(),
  fileId: z.string().nullable(),
  paidOn: z.string().nullable(),
  enteredAt: z.string(),
});
export type FedPaymentItem = z.infer<typeof fedPaymentItem>;

export const fedMemberItem = maskedPerson.extend({
  id: z.string(),
  status: memberStatus,
  unitName: z.string().nullable(),
  joinedOn: z.string().nullable(),
});
export type FedMemberItem = z.infer<typeof fedMemberItem>;

/** Where a duplicated person is named: the centre and its record (a file or a payment), for the links. */
const duplicatePlace = z.object({
  centreCode: z.string(),
  centreName: z.string(),
  recordId: z.string(),
  role: z.enum(['head', 'member', 'recipient']),
  fileNo: z.string().nullable(),
  amountFen: z.number().int().nullable(),
});

export const federationChannels = {
  /** 各中心: every centre this federation trusts or trusted, overdue ones first. */
  'federation.centres': channel({
    input: z.object({}).strict(),
    output: z.object({ centres: z.array(centreSummary), overdueDays: z.number().int() }),
    access: 'viewer',
    mutates: false,
  }),
  'federation.centreFiles': channel({
    input: z.object({
      centre: centreCode,
      status: z.enum(FILE_STATUSES).optional(),
      category: z.enum(HARDSHIP_CATEGORIES).optional(),
      /** Only the files in force (在档 or 复核中), as the home page's charts count them (with a status, both apply). */
      inForce: z.boolean().optional(),
      /** The draft's main cause (致困原因), or 'none' for the files with none recorded. */
      mainCause: z.enum([...CAUSES, 'none']).optional(),
      /** A file number, a name (its beginning), a whole ID number or its last 4 characters. */
      query,
      ...page,
    }),
    output: z.object({ centre: centreHeader, items: z.array(fedFileItem), total: z.number().int() }),
    access: 'viewer',
    mutates: false,
  }),
  'federation.centreFile': channel({
    input: z.object({ centre: centreCode, id: z.string().min(1).max(64) }),
    output: z.object({ centre: centreHeader, file: fedFile }),
    access: 'viewer',
    mutates: false,
  }),
  'federation.centrePayments': channel({
    input: z.object({
      centre: centreCode,
      year: z.number().int().min(2000).max(2100).optional(),
      type: aidType.optional(),
      status: paymentStatus.optional(),
      /** The centre's program (the home page's budgets link to its payments). */
      programId: uuid.optional(),
      /** Entered on or after / on or before (local dates, as the centre's own payments list reads them). */
      from: isoDate.optional(),
      to: isoDate.optional(),
      ...page,
    }),
    output: z.object({
      centre: centreHeader,
      items: z.array(fedPaymentItem),
      total: z.number().int(),
      /** Of every payment the filters select: not voided, and voided (kept apart, never added in). */
      totals: z.object({
        count: z.number().int(),
        amountFen: z.number().int(),
        voidedCount: z.number().int(),
        voidedFen: z.number().int(),
      }),
    }),
    access: 'viewer',
    mutates: false,
  }),
  'federation.centreRoster': channel({
    input: z.object({ centre: centreCode, /** A name's beginning, a whole ID number or its last 4 characters. */ query, ...page }),
    output: z.object({ centre: centreHeader, items: z.array(fedMemberItem), total: z.number().int() }),
    access: 'viewer',
    mutates: false,
  }),
  /** 重复核查 (a): one ID number in active files of two or more centres. */
  'federation.duplicateFiles': channel({
    input: z.object({ ...page }),
    output: z.object({ items: z.array(z.object({ person: maskedPerson, places: z.array(duplicatePlace) })), total: z.number().int() }),
    access: 'viewer',
    mutates: false,
  }),
  /** 重复核查 (b): aid paid to one person by two or more centres in one year (voided payments left out). */
  'federation.duplicateAid': channel({
    input: z.object({ year: z.number().int().min(2000).max(2100).optional(), ...page }),
    output: z.object({
      items: z.array(
        z.object({
          person: maskedPerson,
          year: z.number().int(),
          byCentre: z.array(
            z.object({ centreCode: z.string(), centreName: z.string(), count: z.number().int(), amountFen: z.number().int() }),
          ),
          places: z.array(duplicatePlace),
        }),
      ),
      total: z.number().int(),
    }),
    access: 'viewer',
    mutates: false,
  }),
  /**
   * 重复核查 as .xlsx, to take up with the centres: both lists whole, the aid of `year` (of every year when not given),
   * a row per place, ID numbers masked as on screen. Logged with the counts only.
   */
  'federation.exportDuplicates': jobChannel({
    input: z.object({ year: z.number().int().min(2000).max(2100).optional() }),
    result: fileRef,
    access: 'clerk',
    mutates: true,
  }),
};
