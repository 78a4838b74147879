import { sql } from 'drizzle-orm';
import { blob, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { members } from './roster';
import { personBornSql, personCodeSql } from './person-codes';
import { syncColumns } from './sync-columns';

/**
 * Hardship files (困难职工档案, docs/domain.md "Hardship file"). The file travels to the federation (sync columns); its
 * household, visits, objections, attachments and timeline are part of it: every change to them also touches the
 * file's row, so its rev and the change log follow. Nothing here is deleted: a household member taken off the
 * list gets deleted_at, the rest is append-only or changes status.
 */
/**
 * The columns of hardship_files this database keeps by trigger for its reports (main cause, the days on record, the
 * latest step's moment, kept_since and the prior state: migrations 0030, 0036, 0039). They never travel: the
 * exchange's export leaves them out (features/exchange/export-records.ts) and a federation's report shadows derive
 * their own (features/reports/federation-source.ts).
 */
export const FILE_REPORT_COLUMNS = [
  'main_cause',
  'entered_on',
  'left_on',
  'left_by',
  'last_step_at',
  'kept_since',
  'prior_entered_on',
  'prior_left_on',
  'prior_left_by',
  'prior_since',
];

export const hardshipFiles = sqliteTable(
  'hardship_files',
  {
    ...syncColumns(),
    /** Region code + year + 5-digit sequence, given at approval (file_numbers), never reused. */
    fileNo: text('file_no').unique(),
    status: text('status').notNull(),
    /** The roster member the file is for; null for a worker who is not a member yet. */
    memberId: text('member_id'),
    /**
     * member_id as the member's 16-byte id, computed (never stored): members.id is a blob, so only this form can
     * carry the foreign key. Written by nobody; read by nothing but the key check.
     */
    memberKey: blob('member_key', { mode: 'buffer' })
      .generatedAlwaysAs(sql`unhex(replace(member_id, '-', ''))`, { mode: 'virtual' })
      .references(() => members.id),
    headName: text('head_name').notNull(),
    headIdNumber: text('head_id_number').notNull(),
    workerType: text('worker_type').notNull(),
    entryKind: text('entry_kind').notNull(),
    /** The means test's category; fixed at approval. */
    category: text('category'),
    /** The rest of what the clerk fills in (contract fileDraft without the household), as JSON. */
    draft: text('draft').notNull(),
    enteredBy: text('entered_by').notNull(),
    visitsCountFrom: text('visits_count_from'),
    noticeEndsOn: text('notice_ends_on'),
    annualReviewBy: text('annual_review_by'),
    approvedBy: text('approved_by'),
    approvedOn: text('approved_on'),
    /** The day of approval or of the last annual review kept: the next review is due a policy interval later. */
    reviewedOn: text('reviewed_on'),
    /** 原档案编号: an imported old file's own number when it is not in the national form (GL2023001 …). */
    legacyNo: text('legacy_no'),
    /**
     * The draft's main cause, kept by triggers (migration 0030) for the reports, the dashboard and the list, which
     * read it from indexes. Written by those triggers alone; it does not travel.
     */
    mainCause: text('main_cause'),
    /**
     * Where the file stands on its timeline, kept by the trigger file_events_report_states (migration 0030) from the
     * steps that put it on record or end it, exactly as the reports' STATES_CTE reads them with every step counted
     * (features/reports/file-states.ts): the office's day it came on record, the day it left (raw, before the
     * reports' clamp to the entry), and how ('exit' / 'close'). Written by that trigger alone; they do not travel.
     */
    enteredOn: text('entered_on'),
    leftOn: text('left_on'),
    leftBy: text('left_by'),
    /**
     * When the latest of those steps was recorded (its `at`), kept by the same trigger (migration 0036): a report as
     * of a past day read the files with no step since from their kept states, and grouped the timeline of the others
     * (file-states.ts; since 0039 kept_since and prior_since below tell them apart). Written by that trigger alone; it
     * does not travel.
     */
    lastStepAt: text('last_step_at'),
    /**
     * When the kept state became the timeline's answer (the moment of the step from which on it holds: migration 0039),
     * the state before it (prior_*: the timeline's answer just before that moment) and when that one became it
     * (prior_since). A report as of a moment after kept_since reads the kept state, one after prior_since the prior
     * state; only a file with two changes after the moment is grouped from its timeline (file-states.ts). Kept by the
     * same trigger; they do not travel.
     */
    keptSince: text('kept_since'),
    priorEnteredOn: text('prior_entered_on'),
    priorLeftOn: text('prior_left_on'),
    priorLeftBy: text('prior_left_by'),
    priorSince: text('prior_since'),
  },
  // The list's indexes leave tombstones out (WHERE deleted_at IS NULL), so counts and pages are read from the
  // index alone, without a visit to each row (50,000 files: a count by status went from 24 to a few ms).
  (t) => [
    index('hardship_files_status')
      .on(t.status, t.updatedAt)
      .where(sql`deleted_at IS NULL`),
    index('hardship_files_head').on(t.headIdNumber),
    index('hardship_files_review')
      .on(t.status, t.reviewedOn)
      .where(sql`deleted_at IS NULL`),
    index('hardship_files_category')
      .on(t.category, t.updatedAt)
      .where(sql`deleted_at IS NULL`),
    index('hardship_files_updated')
      .on(t.updatedAt)
      .where(sql`deleted_at IS NULL`),
    // The file list's unit filter goes from the unit's members (members_unit) to their files: members' ids are
    // 16-byte blobs, a file names its member as UUID text, so the index is on the blob form of that text.
    index('hardship_files_member')
      .on(sql`unhex(replace(member_id, '-', ''))`)
      .where(sql`deleted_at IS NULL`),
    // The reports' file tables (features/reports/file-states.ts), when they read the timeline, take each file's codes
    // and main cause from this index alone (INDEXED BY): a visit to each row decrypts its page and the draft's
    // overflow pages (100,000 files: the causes table took seconds). deleted_at is a column, not a WHERE, so that the
    // index covers the query. With the kept states (migration 0034) it is also every file's state in file id order:
    // the people table reads each file's household in that order, so that the household index's pages come in turn
    // (in the codes' order each look lands on another page: 2–3 times slower at 100,000 files).
    index('hardship_files_report').on(
      t.id,
      t.category,
      t.workerType,
      t.entryKind,
      t.mainCause,
      t.deletedAt,
      t.enteredOn,
      t.leftOn,
      t.leftBy,
      t.keptSince,
      t.priorEnteredOn,
      t.priorLeftOn,
      t.priorLeftBy,
      t.priorSince,
    ),
    // The households in force by category and main cause (the director's charts, features/dashboard), counted from
    // the index alone: parsing 100,000 drafts took over a second (migration 0029). The files list's cause filter
    // reads it too.
    index('hardship_files_in_force')
      .on(t.status, t.category, t.mainCause)
      .where(sql`deleted_at IS NULL`),
    // A file's status and category by its id without a visit to its row (the row's page decrypted, the draft beside
    // it): 信息比对 asks whether the file of each of tens of thousands of matched people is open, and which 在档 files
    // are 深度困难 (features/compare, migration 0032). deleted_at is a column so that the index covers those queries.
    index('hardship_files_compare').on(t.id, t.status, t.category, t.deletedAt),
    // The visit flags (待入户调查, 入户调查已过期: files list and home page, file-list.ts LATEST_VALID_VISIT) go through
    // every file under way or in 复核 and look up its visits by id: this index gives the id and visits_count_from
    // without reading the row (deleted_at as a column too, so that SQLite sees it covers). With file_visits_latest and
    // file_events_round_start, migration 0031: 10,000 files in 复核 with their visits, 118–152 ms a flag against 15–16
    // (p50, bench/dashboard.bench.ts).
    index('hardship_files_visit_flags')
      .on(t.status, t.id, t.visitsCountFrom, t.deletedAt)
      .where(sql`deleted_at IS NULL`),
    // The reports' states (file-states.ts): every file on record with its kept days and codes, from this index alone,
    // in the order of the codes the tables group by (no sort); deleted_at, always null here, is a column too: else
    // SQLite visits the row to test it.
    // Whether any file must be grouped from its timeline as of a past moment (two changes recorded since: prior_since
    // at or after it, file-states.ts): one probe, where the part that groups them scanned every file's entry to find
    // none (migration 0039).
    index('hardship_files_prior_since')
      .on(t.priorSince)
      .where(sql`prior_since IS NOT NULL`),
    index('hardship_files_states')
      .on(
        t.category,
        t.workerType,
        t.entryKind,
        t.mainCause,
        t.enteredOn,
        t.leftOn,
        t.leftBy,
        t.id,
        t.deletedAt,
        t.keptSince,
        t.priorEnteredOn,
        t.priorLeftOn,
        t.priorLeftBy,
        t.priorSince,
      )
      .where(sql`deleted_at IS NULL AND entered_on IS NOT NULL`),
  ],
);

export const fileHousehold = sqliteTable(
  'file_household',
  {
    id: text('id').primaryKey(),
    fileId: text('file_id')
      .notNull()
      .references(() => hardshipFiles.id),
    position: integer('position').notNull(),
    relation: text('relation').notNull(),
    name: text('name').notNull(),
    idNumber: text('id_number').notNull(),
    /** Health, work, schooling, income …: contract householdMemberInput's other fields, as JSON. */
    details: text('details').notNull(),
    deletedAt: text('deleted_at'),
  },
  (t) => [
    // A household's people and their ID numbers from the index alone: 信息比对's "should be on the list" asks it of
    // tens of thousands of files (features/compare, migration 0032). deleted_at is a column, not a WHERE, so that the
    // index covers the query.
    index('file_household_file').on(t.fileId, t.deletedAt, t.relation, t.idNumber),
    index('file_household_id_number')
      .on(t.idNumber)
      .where(sql`deleted_at IS NULL`),
    // The reports' people table (features/reports/people-counts.ts) reads each file's people from this index alone:
    // a visit to each row decrypts its details (100,000 files: seconds). Each person's codes (relation, sex, 文化程度,
    // stage: person-codes.ts) are one small integer computed here once, with the birth date: the count reads two
    // values a person and no JSON (migration 0041).
    index('file_household_people').on(t.fileId, t.deletedAt, sql.raw(`(${personCodeSql('')})`), sql.raw(personBornSql(''))),
  ],
);

export const fileVisits = sqliteTable(
  'file_visits',
  {
    id: text('id').primaryKey(),
    fileId: text('file_id')
      .notNull()
      .references(() => hardshipFiles.id),
    kind: text('kind').notNull(),
    date: text('date').notNull(),
    visitors: text('visitors').notNull(),
    items: text('items').notNull(),
    allClear: integer('all_clear').notNull(),
    mustVisitReason: text('must_visit_reason'),
    headSigned: integer('head_signed').notNull(),
    note: text('note'),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: text('recorded_at').notNull(),
  },
  (t) => [
    index('file_visits_file').on(t.fileId, t.date),
    // A file's latest six-clears visit of the round (file-list.ts LATEST_VALID_VISIT, newest first) read from the
    // index alone, in its order: no visit to the row (its items and visitors are JSON), no sort (migration 0031).
    index('file_visits_latest').on(t.fileId, t.kind, t.date, t.recordedAt, t.allClear, t.headSigned),
  ],
);

export const fileObjections = sqliteTable(
  'file_objections',
  {
    id: text('id').primaryKey(),
    fileId: text('file_id')
      .notNull()
      .references(() => hardshipFiles.id),
    receivedOn: text('received_on').notNull(),
    /** Who raised it and how to reach them, when they said: personal data, kept here only (never in a log). */
    receivedFrom: text('received_from'),
    contact: text('contact'),
    content: text('content').notNull(),
    status: text('status').notNull(),
    decidedBy: text('decided_by'),
    decidedAt: text('decided_at'),
    decision: text('decision'),
  },
  (t) => [index('file_objections_file').on(t.fileId)],
);

export const fileAttachments = sqliteTable(
  'file_attachments',
  {
    id: text('id').primaryKey(),
    fileId: text('file_id')
      .notNull()
      .references(() => hardshipFiles.id),
    type: text('type').notNull(),
    fileName: text('file_name').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    content: blob('content', { mode: 'buffer' }).notNull(),
    addedBy: text('added_by').notNull(),
    addedAt: text('added_at').notNull(),
    deletedAt: text('deleted_at'),
    /** The visit a photo was taken at (入户照片); null for the file's other attachments. */
    visitId: text('visit_id').references(() => fileVisits.id),
    /** Withdrawn (撤回) with a reason: kept and listed, marked, and no longer counted (minutes, photos). */
    withdrawnAt: text('withdrawn_at'),
    withdrawnBy: text('withdrawn_by'),
    withdrawnReason: text('withdrawn_reason'),
  },
  (t) => [index('file_attachments_file').on(t.fileId)],
);

/** The file's timeline: every lifecycle step with who, when and why (the audit log has the who and when too). */
export const fileEvents = sqliteTable(
  'file_events',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    fileId: text('file_id')
      .notNull()
      .references(() => hardshipFiles.id),
    at: text('at').notNull(),
    userId: text('user_id'),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    reason: text('reason'),
    /** A coded reason (注销: death / ineligible / fraud). */
    code: text('code'),
    /** The date the step names (已脱困: the day the household left hardship). */
    onDate: text('on_date'),
  },
  (t) => [
    index('file_events_file').on(t.fileId, t.seq),
    // The reports read only the steps that put a file on record or end it (features/reports/file-states.ts): this
    // index holds those alone, in file order, so the tables read a tenth of the timeline, from the index only. The
    // moment before the action (migration 0036): a file's steps recorded before an as-of moment are one range
    // (file_id=? AND at<?), where the action first made it four (half the time of the later files' grouping).
    index('file_events_report')
      .on(t.fileId, t.at, t.action, t.onDate)
      .where(sql`action IN ('approve', 'confirmImport', 'exit', 'close')`),
    // Where the file's current round began (file-facts.ts roundStartSql: the latest of these two steps), one look in
    // a small index instead of reading the file's whole timeline (migration 0031; action as a column so it covers).
    index('file_events_round_start')
      .on(t.fileId, t.at, t.action)
      .where(sql`action IN ('upholdObjection', 'startAnnualReview')`),
    // The same steps by the moment recorded: one probe tells the reports whether any was recorded after an as-of
    // moment (if none, the files' kept states are the answer: file-states.ts). The file id as a column (migration
    // 0034): the files with such a step are read from the index alone (visiting each event's row: 100 ms at 40,000).
    index('file_events_report_at')
      .on(t.at, t.fileId)
      .where(sql`action IN ('approve', 'confirmImport', 'exit', 'close')`),
  ],
);

/** The last sequence number given per region and year. */
export const fileNumbers = sqliteTable(
  'file_numbers',
  {
    regionCode: text('region_code').notNull(),
    year: integer('year').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.year] })],
);
