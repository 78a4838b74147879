import type { z } from 'zod';
import type { ChannelOutput, ParsedInput } from '@shared/contract';
import { FILE_FLAGS, type fileSelection } from '@shared/contract/hardship';
import { addDays, lastOfWorkingDays } from '@shared/domain/calendar';
import { ENDED_STATUSES, FILE_STATUSES, type FileStatus } from '@shared/domain/hardship-lifecycle';
import { maskIdNumber } from '@shared/domain/id-number';
import type { CallContext } from '../../context';
import { currentUnitRef } from '../roster/units.repo';
import { judgingDay, LATEST_VISIT_ORDER, roundStartSql, type JudgingDay } from './file-facts';
import { IN_FORCE } from '../dashboard/dashboard-source';
import { fileSearch } from './file-search';
import { sqlStatuses } from './files.repo';

type FileSelection = z.infer<typeof fileSelection>;

type Flag = (typeof FILE_FLAGS)[number];

/** A notice is "ending" when its last day is today or one of the next two working days. */
const NOTICE_ENDING_WORKING_DAYS = 2;

/** A flag's list starts with the file waiting longest (and reads its index in order). */
const FLAG_ORDER: Record<Flag, string> = {
  reviewDue: 'f.reviewed_on, f.id',
  noticeEnding: 'f.notice_ends_on, f.id',
  noticeEnded: 'f.notice_ends_on, f.id',
  stale: 'f.updated_at, f.id',
  awaitingVisit: 'f.updated_at, f.id',
  visitExpired: 'f.updated_at, f.id',
  objectionOpen: 'f.notice_ends_on, f.id',
};

const OPEN_STATUSES = sqlStatuses(FILE_STATUSES.filter((s) => !ENDED_STATUSES.includes(s)));

/** The statuses in which a file's next step needs a valid six-clears visit: from submission to the review's end. */
const VISIT_STATUSES = sqlStatuses(['submitted', 'visit', 'review', 'annualReview']);

/**
 * The round's latest six-clears visit, the one the lifecycle judges (file-facts.ts factsOf and visitBlockers): its
 * date when all clear and signed by the head, '' when not, NULL when there is none.
 */
const LATEST_VALID_VISIT = `(SELECT CASE WHEN v.all_clear = 1 AND v.head_signed = 1 THEN v.date ELSE '' END FROM file_visits v
  WHERE v.file_id = f.id AND v.kind = 'sixClears' AND v.recorded_at > ${roundStartSql('f.id')}
    AND (f.visits_count_from IS NULL OR v.date >= f.visits_count_from) ${LATEST_VISIT_ORDER})`;

/** The day n months before `date` (SQLite's own month arithmetic, so that SQL and this agree on month ends). */
function monthsBefore(ctx: CallContext, date: string, months: number): string {
  return ctx.sqlite.prepare(`SELECT date(?, '-' || ? || ' months')`).pluck().get(date, months) as string;
}

/**
 * 档案列表: filtered by status, category, the head's unit and the flags a clerk works through — annual review due
 * (approved or last kept a policy interval ago), notice ending (its last day is near), notice over (its last day has
 * passed), unchanged for 12 months, no valid visit yet, visit older than its validity, an objection to the notice
 * waiting for a decision (docs/domain.md). Each
 * flag is a range on an index, so the list stays fast at tens of thousands of files (npm run bench); the two visit
 * flags then look up the visits of each file in the range (files under way, a few hundred, not the files on record).
 * The home page counts with the same conditions (fileCounter).
 */
function flagConditions(ctx: CallContext, day: JudgingDay) {
  const interval = day.reviewIntervalMonths;
  const bounds = {
    today: day.today,
    noticeEndingBy: lastOfWorkingDays(addDays(day.today, 1), NOTICE_ENDING_WORKING_DAYS, day.lifecycle.calendar),
    reviewBefore: monthsBefore(ctx, addDays(day.today, 1), interval),
    staleBefore: monthsBefore(ctx, day.today, 12),
    // A visit counts while it is at most visitValidDays old (hardship-lifecycle.ts visitBlockers).
    visitValidFrom: addDays(day.today, -day.lifecycle.visitValidDays),
  };
  const FLAG_SQL: Record<Flag, string> = {
    reviewDue: "f.status = 'active' AND f.reviewed_on < @reviewBefore",
    noticeEnding: "f.status = 'notice' AND f.notice_ends_on BETWEEN @today AND @noticeEndingBy",
    noticeEnded: "f.status = 'notice' AND f.notice_ends_on < @today",
    // The statuses not ended, named (not NOT IN) so that each is a range on the (status, updated_at) index.
    stale: `f.status IN (${OPEN_STATUSES}) AND f.updated_at < @staleBefore`,
    awaitingVisit: `f.status IN (${VISIT_STATUSES}) AND coalesce(${LATEST_VALID_VISIT}, '') = ''`,
    visitExpired: `f.status IN (${VISIT_STATUSES}) AND nullif(${LATEST_VALID_VISIT}, '') < @visitValidFrom`,
    // An objection to the notice not yet decided (file-facts.ts counts the same rows as the notice's blocker).
    objectionOpen: "f.status = 'notice' AND EXISTS (SELECT 1 FROM file_objections o WHERE o.file_id = f.id AND o.status = 'open')",
  };
  return { bounds, FLAG_SQL };
}

/** The flags of one file (its page shows them as the list does), judged on the caller's day. */
export function flagsOfFile(ctx: CallContext, id: string, day: JudgingDay): Flag[] {
  const { bounds, FLAG_SQL } = flagConditions(ctx, day);
  const row = ctx.sqlite.prepare(`SELECT ${flagColumns(FLAG_SQL)} FROM hardship_files f WHERE f.id = @id`).get({ ...bounds, id }) as Record<
    Flag,
    number
  >;
  return flagsOf(row);
}

/** Each flag's condition as a 0/1 column named after it. */
const flagColumns = (FLAG_SQL: Record<Flag, string>) => FILE_FLAGS.map((flag) => `${FLAG_SQL[flag]} AS ${flag}`).join(', ');
const flagsOf = (row: Record<Flag, number>): Flag[] => FILE_FLAGS.filter((flag) => row[flag] === 1);

export interface FileCountFilter {
  status?: FileStatus;
  /** Any of these statuses (the home page's files in progress). */
  statuses?: readonly FileStatus[];
  flag?: Flag;
  /** Only the files this user entered. */
  enteredBy?: string;
}

/**
 * Counts files by status, flag and who entered them, judged on the caller's day with the same conditions as the list
 * (the home page's to-dos link to the list filtered alike, so each number is the length of its list).
 */
export function fileCounter(ctx: CallContext): (filter: FileCountFilter) => number {
  const { bounds, FLAG_SQL } = flagConditions(ctx, judgingDay(ctx));
  return (filter) => {
    const where = ['f.deleted_at IS NULL'];
    if (filter.status) where.push('f.status = @status');
    if (filter.statuses) where.push(`f.status IN (${sqlStatuses(filter.statuses)})`);
    if (filter.flag) where.push(FLAG_SQL[filter.flag]);
    if (filter.enteredBy) where.push('f.entered_by = @enteredBy');
    return ctx.sqlite
      .prepare(`SELECT count(*) FROM hardship_files f WHERE ${where.join(' AND ')}`)
      .pluck()
      .get({ ...bounds, status: filter.status ?? null, enteredBy: filter.enteredBy ?? null }) as number;
  };
}

/** The list's search and filters, as SQL on `f`: what the list shows is what is exported (file-export.ts). */
export function selectionSql(ctx: CallContext, input: FileSelection, day: JudgingDay = judgingDay(ctx)) {
  const { bounds, FLAG_SQL } = flagConditions(ctx, day);
  const search = fileSearch(ctx, input.query);
  const base = ['f.deleted_at IS NULL'];
  // A withdrawn draft (撤回作废) leaves the lists: it is found only under its own status.
  base.push(input.status ? 'f.status = @status' : "f.status <> 'withdrawn'");
  if (input.category) base.push('f.category = @category');
  if (input.mine) base.push('f.entered_by = @enteredBy');
  if (input.inForce) base.push(`f.status IN ${IN_FORCE}`);
  if (input.mainCause) {
    base.push(input.mainCause === 'none' ? 'f.main_cause IS NULL' : 'f.main_cause = @mainCause');
  }
  // From the unit's members to their files (members_unit, then hardship_files_member): a file's unit is its head's
  // as the roster has it today, so a move between units in the roster moves the file too.
  if (input.unitId) base.push(`unhex(replace(f.member_id, '-', '')) IN (SELECT m.id FROM members m WHERE m.unit_ref = @unitRef)`);
  if (search.clause) base.push(search.clause);
  // The stale list reads the updated_at index from the oldest file on ('+' keeps SQLite from ranging over each
  // status and sorting them all); its count ranges over the statuses (FLAG_SQL as it is).
  const listFlag =
    input.flag === 'stale' ? FLAG_SQL.stale.replace('f.status IN', '+f.status IN') : input.flag ? FLAG_SQL[input.flag] : null;
  const where = `WHERE ${[...base, ...(listFlag ? [listFlag] : [])].join(' AND ')}`;
  const countWhere = `WHERE ${[...base, ...(input.flag ? [FLAG_SQL[input.flag]] : [])].join(' AND ')}`;
  // A unit has a few hundred files: its members' files are found first, whatever else filters them (without it,
  // SQLite would read every 在档 file and test its unit: 44 ms against 6 at 50,000 files).
  const from = input.unitId ? 'INDEXED BY hardship_files_member' : '';
  const params = {
    ...bounds,
    ...search.params,
    status: input.status ?? null,
    category: input.category ?? null,
    mainCause: input.mainCause ?? null,
    enteredBy: ctx.user?.id ?? null,
    unitRef: input.unitId ? currentUnitRef(ctx.sqlite, input.unitId) : null,
  };
  const order = input.flag ? FLAG_ORDER[input.flag] : 'f.updated_at DESC';
  return { bounds, FLAG_SQL, where, countWhere, from, params, order, kind: search.kind, searching: search.clause !== null };
}

export function listFiles(ctx: CallContext, input: ParsedInput<'files.list'>): ChannelOutput<'files.list'> {
  const { bounds, FLAG_SQL, where, countWhere, from, params, order, kind, searching } = selectionSql(ctx, input);
  const rows = ctx.sqlite
    .prepare(
      `SELECT f.id, f.file_no AS fileNo, f.status, f.head_name AS headName, f.head_id_number AS headIdNumber, f.category,
              f.updated_at AS updatedAt, ${flagColumns(FLAG_SQL)},
              (SELECT u.name FROM members m JOIN units u ON u.ref = m.unit_ref WHERE m.id = unhex(replace(f.member_id, '-', ''))) AS unitName
       FROM hardship_files f ${from} ${where} ORDER BY ${order} LIMIT @limit OFFSET @offset`,
    )
    .all({ ...params, limit: input.pageSize, offset: (input.page - 1) * input.pageSize }) as (Omit<
    ChannelOutput<'files.list'>['files'][number],
    'headIdNumberMasked' | 'flags'
  > & {
    headIdNumber: string;
  } & Record<Flag, number>)[];
  const counts: Record<string, number> = Object.fromEntries(
    (
      ctx.sqlite.prepare('SELECT status, count(*) AS n FROM hardship_files WHERE deleted_at IS NULL GROUP BY status').all() as {
        status: string;
        n: number;
      }[]
    ).map((r) => [r.status, r.n]),
  );
  const flagCounts = Object.fromEntries(
    (Object.keys(FLAG_SQL) as Flag[]).map((flag) => [
      flag,
      ctx.sqlite
        .prepare(`SELECT count(*) FROM hardship_files f WHERE f.deleted_at IS NULL AND ${FLAG_SQL[flag]}`)
        .pluck()
        .get(bounds) as number,
    ]),
  );
  // With one filter or none the total is already in the counts (SQLite would count the table again).
  const filters = [input.status, input.category, input.flag, input.unitId, input.mine, input.inForce, input.mainCause, searching].filter(
    Boolean,
  ).length;
  const total =
    filters === 0
      ? Object.values(counts).reduce((sum, n) => sum + n, 0)
      : filters === 1 && input.status
        ? (counts[input.status] ?? 0)
        : filters === 1 && input.flag
          ? flagCounts[input.flag]!
          : (ctx.sqlite.prepare(`SELECT count(*) FROM hardship_files f ${from} ${countWhere}`).pluck().get(params) as number);
  return {
    files: rows.map((row) => ({
      id: row.id,
      fileNo: row.fileNo,
      status: row.status,
      headName: row.headName,
      headIdNumberMasked: maskIdNumber(row.headIdNumber),
      unitName: row.unitName,
      category: row.category,
      updatedAt: row.updatedAt,
      flags: flagsOf(row),
    })),
    total,
    counts,
    flagCounts,
    kind,
  };
}
