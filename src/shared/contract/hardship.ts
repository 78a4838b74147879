import { z } from 'zod';
import {
  ATTACHMENT_TYPES,
  CAUSES,
  ENTRY_KINDS,
  CONTACT_LEVELS,
  HOUSING_AREA_BANDS,
  HOUSING_TYPES,
  INCOME_KINDS,
  MAX_SECONDARY_CAUSES,
  RIGID_SPENDING_KINDS,
  UPLOADED_ATTACHMENT_TYPES,
  WORKER_TYPES,
  type AttachmentType,
} from '../domain/hardship-codes';
import { CLOSE_REASONS, FILE_ACTIONS, type FileAction } from '../domain/hardship-lifecycle';
import {
  ACCIDENT_TESTS,
  HARDSHIP_CATEGORIES,
  INCOME_TESTS,
  MEANS_TEST_EXCLUSION_FIELDS,
  MEANS_TEST_OUTCOMES,
  type MeansTestExclusions,
} from '../domain/means-test';
import { auditEntry } from './audit';
import { channel, fileRef, isoDate, isoInstant, jobChannel, trimmedText, uuid } from './define';
import { existingFilesCheck, fileImportView, importDecision } from './existing-files';
import { fileSelection, fileStatus, fileSummary, memberFile } from './file-list';
import { householdMember, householdMemberInput } from './file-household';
import { visitInput, visitView } from './file-visits';
import { searchKind } from './roster';

export { FILE_FLAGS, fileFlag, fileSelection, fileStatus, fileSummary, memberFile } from './file-list';
export { visitInput, visitItem, visitView } from './file-visits';
export { householdMember, householdMemberInput } from './file-household';
export { EXISTING_ROW_PROBLEMS, existingFilesCheck, fileImportView, importDecision, type FileImportView } from './existing-files';

export const fileAction = z.enum(Object.keys(FILE_ACTIONS) as [FileAction, ...FileAction[]]);
const fen = z.number().int().min(0).max(100_000_000_00);
const text = trimmedText;

export const incomeItem = z.object({
  kind: z.enum(['income', 'rigid']),
  code: z.enum([...INCOME_KINDS, ...RIGID_SPENDING_KINDS] as [string, ...string[]]),
  annualFen: fen,
  note: text(100).nullable().default(null),
});

/** Each exclusion a yes or no (MeansTestExclusions). */
export const exclusions = z.object(
  Object.fromEntries(MEANS_TEST_EXCLUSION_FIELDS.map((field) => [field, z.boolean()])) as Record<keyof MeansTestExclusions, z.ZodBoolean>,
);

/** What a clerk fills in while the file is a draft (and corrects until the notice). Everything may stay empty. */
export const fileDraft = z.object({
  household: z.array(householdMemberInput).max(20),
  incomeItems: z.array(incomeItem).max(40),
  accidentCostsFen: fen.default(0),
  exclusions,
  mainCause: z.enum(CAUSES).nullable().default(null),
  secondaryCauses: z.array(z.enum(CAUSES)).max(MAX_SECONDARY_CAUSES).default([]),
  workerType: z.enum(WORKER_TYPES),
  /** A migrant worker's labour relationship: since when, with which employer (a year at least, to be filed). */
  labourSince: isoDate.nullable().default(null),
  labourEmployer: text(100).nullable().default(null),
  housingType: z.enum(HOUSING_TYPES).nullable().default(null),
  /**
   * 家庭住址 and 家庭联系电话: where the household lives (the visit's 家庭走访住址清) and how to reach it. Personal
   * data: never logged; the phone is kept in the roster's canonical form (shared/domain/phone.ts).
   */
  homeAddress: text(100).nullable().default(null),
  homePhone: text(30).nullable().default(null),
  housingAreaBand: z.enum(HOUSING_AREA_BANDS).nullable().default(null),
  /** 帮扶责任人 at each level: the centre, the grassroots union, the employer. */
  contacts: z
    .array(z.object({ level: z.enum(CONTACT_LEVELS), name: text(30).min(1), phone: text(20).nullable().default(null) }))
    .max(6)
    .default([]),
  singleParent: z.boolean().default(false),
  zeroEmployment: z.boolean().default(false),
  modelWorker: z.boolean().default(false),
  bankName: text(60).nullable().default(null),
  /**
   * The card number for payments. Never sent back whole (files.get masks it): on saving, leave it out to keep the
   * number on file, send null to clear it, or the digits of a new one.
   */
  bankAccount: z
    .string()
    .trim()
    .regex(/^\d{8,30}$/)
    .nullable()
    .optional(),
  needs: text(500).nullable().default(null),
  measures: text(500).nullable().default(null),
  consents: z.object({ incomeVerificationOn: isoDate.nullable(), publicNoticeOn: isoDate.nullable(), reportUpwardOn: isoDate.nullable() }),
});
export type FileDraft = z.infer<typeof fileDraft>;

export const meansTestView = z.object({
  /** Null while the household or the 低保 line is missing. */
  result: z
    .object({
      outcome: z.enum(MEANS_TEST_OUTCOMES),
      category: z.enum([...HARDSHIP_CATEGORIES, 'none']),
      excludedBy: z.array(z.string()),
      netAnnualIncomeFen: z.number().int(),
      householdSize: z.number().int(),
      perCapitaMonthlyFen: z.number().int(),
      lowIncomeLineFen: z.number().int(),
      relativeLineFen: z.number().int(),
      relativeLinePercent: z.number().int(),
      accidentThresholdPercent: z.number().int(),
      incomeTest: z.enum(INCOME_TESTS),
      accidentTest: z.enum(ACCIDENT_TESTS),
      accidentShareBasisPoints: z.number().int().nullable(),
      spendingExceedsIncome: z.boolean(),
    })
    .nullable(),
  missing: z.array(z.enum(['household', 'lowIncomeLine'])),
  /** The day and region whose 低保 line was used. */
  judgedOn: isoDate,
  /** The policy in force that day besides the line (whole percent): the relative-hardship line, the accident share. */
  relativeLinePercent: z.number().int(),
  accidentThresholdPercent: z.number().int(),
  regionCode: z.string(),
  /**
   * At the annual review (复核): the aid the household received in the 12 months before the judging day (not voided;
   * features/aid/file-aid.ts), counted as income (docs/domain.md "Aid"). Absent or null outside a review.
   */
  aidReceivedFen: z.number().int().nullable().optional(),
});

export const timelineEntry = z.object({
  at: isoInstant,
  user: z.string().nullable(),
  action: z.string(),
  from: fileStatus.nullable(),
  to: fileStatus,
  reason: z.string().nullable(),
  /** What the step recorded besides a reason: 注销's coded reason, an imported file's old category word. */
  code: z.string().nullable(),
  /** The day the step names: 已脱困's date, an imported file's filing date. */
  onDate: isoDate.nullable(),
});

export const fileDetail = fileSummary.extend({
  rev: z.number().int(),
  memberId: uuid.nullable(),
  isMember: z.boolean(),
  entryKind: z.enum(ENTRY_KINDS),
  enteredBy: z.string().nullable(),
  draft: fileDraft.omit({ household: true, bankAccount: true }).extend({ bankAccountMasked: z.string().nullable() }),
  household: z.array(householdMember),
  meansTest: meansTestView,
  visits: z.array(visitView),
  objections: z.array(
    z.object({
      id: uuid,
      receivedOn: isoDate,
      /** Who raised it and how to reach them (optional; personal data: shown here, never logged). */
      receivedFrom: z.string().nullable(),
      contact: z.string().nullable(),
      content: z.string(),
      status: z.enum(['open', 'dismissed', 'upheld']),
      decision: z.string().nullable(),
      decidedAt: isoInstant.nullable(),
    }),
  ),
  attachments: z.array(
    z.object({
      id: uuid,
      type: z.enum(ATTACHMENT_TYPES),
      fileName: z.string(),
      mime: z.string(),
      size: z.number().int(),
      addedAt: isoInstant,
      visitId: uuid.nullable(),
      /** A withdrawn attachment stays on the list, marked, with who withdrew it, when and why (nothing is deleted). */
      withdrawn: z.object({ at: isoInstant, by: z.string().nullable(), reason: z.string() }).nullable(),
    }),
  ),
  /** 原档案编号: the number an old file carried before the program (GL2023001 …), kept beside the national one. */
  legacyNo: z.string().nullable(),
  noticeEndsOn: isoDate.nullable(),
  /** The next annual review: approved or last kept + the policy interval; null before approval. */
  nextReviewOn: isoDate.nullable(),
  /**
   * 在档 and past nextReviewOn on the caller's day (the core's clock): the 困难职工证明 is refused until the review is
   * done, and the file page says so on the button (features/hardship/file-facts.ts reviewPeriodOf).
   */
  reviewOverdue: z.boolean(),
  timeline: z.array(timelineEntry),
  /** For the signed-in user today: every action of the status, with what stands in its way (codes). */
  actions: z.array(z.object({ action: fileAction, blockers: z.array(z.object({ code: z.string() }).passthrough()) })),
});
export type FileDetail = z.infer<typeof fileDetail>;

const existingFilesUpload = z.object({ uploadId: z.string().min(1), fileName: text(200).min(1) });

export const hardshipChannels = {
  /** 存量档案: reads an old-files sheet and says what importing it would do, and every row that stops it. */
  'files.checkExisting': channel({ input: existingFilesUpload, output: existingFilesCheck, access: 'clerk', mutates: false }),
  /**
   * Stages an old-files sheet as an import awaiting confirmation, all rows or none: refused with FILE_IMPORT_INVALID
   * if any row has a problem. Its files are 导入待确认 (status staged, no number) until a second person confirms it.
   */
  'files.importExisting': channel({
    input: existingFilesUpload,
    output: z.object({ importId: uuid, staged: z.number().int(), check: existingFilesCheck }),
    access: 'clerk',
    mutates: true,
  }),
  /** Imports of old files awaiting confirmation, oldest first. */
  'files.pendingImports': channel({
    input: z.object({}),
    output: z.object({ imports: z.array(fileImportView) }),
    access: 'clerk',
    mutates: false,
  }),
  /**
   * Decides a pending import: confirm (a reviewer or administrator who did not stage it: its files become 在档,
   * numbered, all or none), reject (the same, with a reason) or withdraw (the one who staged it). Refused with
   * FILE_IMPORT_BLOCKED and the blockers' codes.
   */
  'files.decideImport': channel({
    input: z.object({ id: uuid, decision: importDecision, reason: text(500).optional() }),
    output: fileImportView,
    access: 'clerk',
    mutates: true,
  }),
  /** A file for a roster member, or for a worker who is not a member yet (marked so). */
  'files.create': channel({
    input: z.union([
      z.object({ memberId: uuid, workerType: z.enum(WORKER_TYPES) }),
      z.object({ head: z.object({ name: text(50).min(1), idNumber: text(30).min(1) }), workerType: z.enum(WORKER_TYPES) }),
    ]),
    output: fileDetail,
    access: 'clerk',
    mutates: true,
  }),
  'files.get': channel({ input: z.object({ id: uuid }), output: fileDetail, access: 'viewer', mutates: false }),
  'files.list': channel({
    input: fileSelection.extend({
      page: z.number().int().min(1).default(1),
      pageSize: z.number().int().min(1).max(200).default(50),
    }),
    output: z.object({
      files: z.array(fileSummary),
      total: z.number().int(),
      /** Files per status, and per flag, over all files (whatever the filters). */
      counts: z.record(z.string(), z.number().int()),
      flagCounts: z.record(z.string(), z.number().int()),
      /** How the core read the search box (as the roster's). */
      kind: searchKind,
    }),
    access: 'viewer',
    mutates: false,
  }),
  /**
   * The list's selection (search and filters) as a .xlsx 台账; ID numbers masked unless an administrator asks for
   * full ones, as the roster's export. Logged (count, not content).
   */
  'files.export': jobChannel({
    input: fileSelection.extend({ fullIds: z.boolean().default(false) }),
    result: fileRef,
    access: 'clerk',
    mutates: true,
  }),
  /** The files a roster member is in: as the head (户主) or in the household, newest first. */
  'files.ofMember': channel({
    input: z.object({ memberId: uuid }),
    output: z.object({ files: z.array(memberFile) }),
    access: 'viewer',
    mutates: false,
  }),
  /** Saves what the clerk typed: whole sections, last writer refused when the file changed meanwhile (rev). */
  'files.saveDraft': channel({
    input: fileDraft.extend({ id: uuid, rev: z.number().int() }),
    output: fileDetail,
    access: 'clerk',
    mutates: true,
  }),
  'files.recordVisit': channel({ input: visitInput, output: fileDetail, access: 'clerk', mutates: true }),
  /** An attachment from an upload (image or PDF), kept in the encrypted database. */
  'files.attach': channel({
    input: z.object({
      fileId: uuid,
      type: z.enum(UPLOADED_ATTACHMENT_TYPES as [AttachmentType, ...AttachmentType[]]),
      uploadId: z.string().min(1),
      fileName: text(200).min(1),
    }),
    output: fileDetail,
    access: 'clerk',
    mutates: true,
  }),
  /** Withdraws an attachment with a reason: it stays with the file, marked withdrawn, and no longer counts. */
  'files.withdrawAttachment': channel({
    input: z.object({ fileId: uuid, attachmentId: uuid, reason: text(500).min(1) }),
    output: fileDetail,
    access: 'clerk',
    mutates: true,
  }),
  /** The old-files sheet's template: the headers the import reads and one example row (.xlsx). */
  'files.existingTemplate': channel({ input: z.object({}), output: fileRef, access: 'clerk', mutates: true }),
  /** A step of the lifecycle (shared/domain/hardship-lifecycle.ts); refused with the blockers' codes. */
  'files.act': channel({
    input: z.object({
      id: uuid,
      rev: z.number().int(),
      action: fileAction,
      reason: text(500).optional(),
      closeReason: z.enum(CLOSE_REASONS).optional(),
      date: isoDate.optional(),
      /** recordObjection: the objection as received. */
      objection: z
        .object({
          receivedOn: isoDate,
          from: text(50).nullable().optional(),
          contact: text(100).nullable().optional(),
          content: text(1000),
        })
        .optional(),
      /** submit: why the file goes on though someone of its household is in another active household. */
      crossHouseholdReason: text(500).optional(),
    }),
    output: fileDetail,
    access: 'clerk',
    mutates: true,
  }),
  /** 申报表: the application form with the national form's blocks and opinion boxes (A4). */
  'files.printApplication': jobChannel({ input: z.object({ id: uuid }), result: fileRef, access: 'clerk', mutates: true }),
  /** 入户调查表: one visit's record with the six items and the signature lines. */
  'files.printVisit': jobChannel({ input: z.object({ id: uuid, visitId: uuid }), result: fileRef, access: 'clerk', mutates: true }),
  /** 公示: the notice for a set of files; only 序号, 姓名, 单位, 类别 (docs/domain.md "Printed documents"). */
  'files.printNotice': jobChannel({
    input: z.object({ ids: z.array(uuid).min(1).max(500) }),
    result: fileRef,
    access: 'clerk',
    mutates: true,
  }),
  /** Who did what to the file and when (the audit log's entries for it, without the reasons). */
  'files.history': channel({
    input: z.object({ id: uuid }),
    output: z.object({ entries: z.array(auditEntry) }),
    access: 'viewer',
    mutates: false,
  }),
  /** An attachment to look at, as a file in the outbox; logged (it may be an ID card or a diagnosis). */
  'files.openAttachment': channel({
    input: z.object({ fileId: uuid, attachmentId: uuid }),
    output: fileRef,
    access: 'clerk',
    mutates: true,
  }),
  /** An image attachment shown in the program (a data: URL), logged as an opening is; PDFs open in the viewer instead. */
  'files.previewAttachment': channel({
    input: z.object({ fileId: uuid, attachmentId: uuid }),
    output: z.object({ fileName: z.string(), mime: z.string(), dataUrl: z.string() }),
    access: 'clerk',
    mutates: true,
  }),
};
