import type { FileDetail, FileDraft } from '@shared/contract/hardship';
import type { FileFacts, LifecyclePolicy } from '@shared/domain/hardship-lifecycle';
import { meansTestTotals, runMeansTest } from '@shared/domain/means-test';
import { localDate } from '../../clock';
import type { CallContext } from '../../context';
import { aidInLast12Months } from '../aid/file-aid';
import { readOrg } from '../org/org.repo';
import { policyOn, workingCalendar } from '../policy/policy.service';
import { householdOf, otherActiveFiles, type FileRow, type HouseholdRow, type StoredDraft } from './files.repo';

/** What the lifecycle and the means test are judged with: today, the office's region, the policy in force. */
export function judgingDay(ctx: CallContext) {
  const today = localDate(ctx.clock);
  const regionCode = readOrg(ctx.db)!.regionCode;
  const policy = policyOn(ctx, today, regionCode);
  const lifecycle: LifecyclePolicy = {
    visitValidDays: policy.visitValidDays!,
    noticeWorkingDays: policy.noticeWorkingDays!,
    // Holidays and worked weekends as an administrator set them (政策参数); weekends otherwise.
    calendar: workingCalendar(ctx),
  };
  return {
    today,
    regionCode,
    lowIncomeLineFen: policy.lowIncomeLine,
    relativeLinePercent: policy.relativeLinePercent!,
    accidentThresholdPercent: policy.accidentThresholdPercent!,
    reviewIntervalMonths: policy.reviewIntervalMonths!,
    lifecycle,
  };
}
export type JudgingDay = ReturnType<typeof judgingDay>;

/** What a new file's draft holds; also fills what a draft saved by an earlier version lacks. */
export const emptyDraft = (workerType: 'urban' | 'migrant'): StoredDraft => ({
  incomeItems: [],
  accidentCostsFen: 0,
  exclusions: {
    twoOrMoreHomes: false,
    ownsBusinessOrEmploysOthers: false,
    childAtCostlyPrivateSchoolOrAbroad: false,
    privateVehicleNotForWork: false,
  },
  mainCause: null,
  secondaryCauses: [],
  workerType,
  labourSince: null,
  labourEmployer: null,
  housingType: null,
  homeAddress: null,
  homePhone: null,
  housingAreaBand: null,
  contacts: [],
  singleParent: false,
  zeroEmployment: false,
  modelWorker: false,
  bankName: null,
  bankAccount: null,
  needs: null,
  measures: null,
  consents: { incomeVerificationOn: null, publicNoticeOn: null, reportUpwardOn: null },
});

export function parseDraft(file: FileRow): StoredDraft {
  return { ...emptyDraft(file.workerType), ...(JSON.parse(file.draft) as Partial<StoredDraft>) };
}

/** A household row's details column: what the clerk filled in besides relation, name and ID number. */
export type MemberDetails = Omit<FileDraft['household'][number], 'relation' | 'name' | 'idNumber' | 'id'>;

export function detailsOf(row: HouseholdRow): MemberDetails {
  return JSON.parse(row.details) as MemberDetails;
}

/**
 * The aid the means test counts as income: at the annual review (复核) only, what the household received in the 12
 * months before the judging day (docs/domain.md "Aid": payments count as income at the next means test).
 */
export function aidForMeansTest(ctx: CallContext, file: Pick<FileRow, 'id' | 'status'>, day: JudgingDay): number | null {
  return file.status === 'annualReview' ? aidInLast12Months(ctx.sqlite, file.id, day.today) : null;
}

/**
 * The file's next annual review: the day it was approved or last kept at a review (reviewed_on, approved_on for a
 * file approved before reviewed_on was kept) plus the policy interval; null before approval. A 在档 file past that day
 * is overdue: nothing may vouch for it (the 困难职工证明 is refused, aid/certificate.service.ts) until it is reviewed.
 * One rule for the core's refusal and the file page's disabled button.
 */
export function reviewPeriodOf(ctx: CallContext, file: Pick<FileRow, 'id' | 'status'>, day: JudgingDay) {
  const nextReviewOn = ctx.sqlite
    .prepare(
      `SELECT CASE WHEN coalesce(reviewed_on, approved_on) IS NOT NULL
              THEN date(coalesce(reviewed_on, approved_on), '+' || ? || ' months') END
       FROM hardship_files WHERE id = ?`,
    )
    .pluck()
    .get(day.reviewIntervalMonths, file.id) as string | null;
  return { nextReviewOn, reviewOverdue: file.status === 'active' && nextReviewOn !== null && nextReviewOn < day.today };
}

/**
 * The means test on the file as it stands (docs/domain.md "Means test"): annual income = the members' monthly incomes
 * × 12 (what they earn) + the income items (pensions, benefits, property …); rigid spending is deducted. `household`
 * is the file's household rows' details (detailsOf), one per member.
 */
export function meansTestOf(
  draft: StoredDraft,
  household: readonly { monthlyIncomeFen?: number }[],
  day: JudgingDay,
  aidReceivedFen: number | null = null,
): FileDetail['meansTest'] {
  const missing: ('household' | 'lowIncomeLine')[] = [];
  if (household.length === 0) missing.push('household');
  if (day.lowIncomeLineFen === null) missing.push('lowIncomeLine');
  const judged = {
    judgedOn: day.today,
    regionCode: day.regionCode,
    relativeLinePercent: day.relativeLinePercent,
    accidentThresholdPercent: day.accidentThresholdPercent,
    aidReceivedFen,
  };
  if (missing.length > 0) return { result: null, missing, ...judged };
  const totals = meansTestTotals(household, draft.incomeItems);
  const result = runMeansTest({
    householdSize: household.length,
    annualIncomeFen: totals.annualIncomeFen + (aidReceivedFen ?? 0),
    rigidSpendingFen: totals.rigidSpendingFen,
    lowIncomeLineFen: day.lowIncomeLineFen!,
    relativeLinePercent: day.relativeLinePercent,
    accidentThresholdPercent: day.accidentThresholdPercent,
    accidentCostsFen: draft.accidentCostsFen,
    exclusions: draft.exclusions,
  });
  return { result, missing: [], ...judged };
}

/**
 * The instant the file's current round began: only what was recorded after the file was last sent back to the visit
 * (an upheld objection) or its annual review began counts, the visit and the minutes of before are of another round.
 * (The lifecycle module also compares the visit's date with visitsCountFrom; the instant tells apart the same day's
 * earlier records.) SQL on the file's id (`?` or a column), shared by factsOf and the files list's visit flags.
 */
export const roundStartSql = (fileId: string) =>
  `coalesce((SELECT max(e.at) FROM file_events e WHERE e.file_id = ${fileId} AND e.action IN ('upholdObjection', 'startAnnualReview')), '')`;

/** The latest six-clears visit of the round, the one the lifecycle judges (factsOf's latestVisit), newest first. */
export const LATEST_VISIT_ORDER = 'ORDER BY v.date DESC, v.recorded_at DESC LIMIT 1';

/** The facts the lifecycle module judges (shared/domain/hardship-lifecycle.ts), read from the file's records. */
export function factsOf(ctx: CallContext, file: FileRow, draft: StoredDraft): FileFacts {
  const since = ctx.sqlite
    .prepare(`SELECT ${roundStartSql('?')}`)
    .pluck()
    .get(file.id) as string;
  const visit = ctx.sqlite
    .prepare(
      `SELECT v.date, v.all_clear AS allClear, v.head_signed AS headSigned FROM file_visits v
       WHERE v.file_id = ? AND v.kind = 'sixClears' AND v.recorded_at > ? ${LATEST_VISIT_ORDER}`,
    )
    .get(file.id, since) as { date: string; allClear: number; headSigned: number } | undefined;
  const minutes = ctx.sqlite
    .prepare(
      "SELECT 1 FROM file_attachments WHERE file_id = ? AND type = 'minutes' AND deleted_at IS NULL AND withdrawn_at IS NULL AND added_at > ?",
    )
    .get(file.id, since);
  const openObjections = ctx.sqlite
    .prepare("SELECT count(*) FROM file_objections WHERE file_id = ? AND status = 'open'")
    .pluck()
    .get(file.id) as number;
  const household = householdOf(ctx.sqlite, file.id).map((r) => r.idNumber);
  const inOtherHouseholds = otherActiveFiles(ctx.sqlite, file.id, household).size;
  return {
    status: file.status,
    enteredBy: file.enteredBy,
    latestVisit: visit ? { date: visit.date, allClear: visit.allClear === 1, headSigned: visit.headSigned === 1 } : null,
    visitsCountFrom: file.visitsCountFrom,
    minutesAttached: minutes !== undefined,
    consents: {
      incomeVerification: draft.consents.incomeVerificationOn !== null,
      publicNotice: draft.consents.publicNoticeOn !== null,
      reportUpward: draft.consents.reportUpwardOn !== null,
    },
    excluded: Object.values(draft.exclusions).some(Boolean),
    noticeEndsOn: file.noticeEndsOn,
    openObjections,
    annualReviewBy: file.annualReviewBy,
    labour: draft.workerType === 'migrant' ? { since: draft.labourSince, employer: draft.labourEmployer } : null,
    inOtherHouseholds,
  };
}
