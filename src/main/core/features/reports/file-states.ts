import { addDays } from '@shared/domain/calendar';
import type { Sqlite } from '../../db/client';
import type { ReportQuery } from './report-frame';

/**
 * Where each hardship file stood, read from its timeline (file_events) as recorded by the end of the as-of day
 * (docs/domain.md "Reports"). A file is on record (在档, annual review included) from the day it came on record to the
 * day it left:
 * - came on record: the day of its approval (approve, recorded that day), or for an old file imported (confirmImport)
 *   the day the old sheet says it was filed (its on_date), once the import is confirmed;
 * - left: 已脱困 on the day the household left hardship (exit's on_date), 注销 on the day it was recorded (close).
 * A step recorded after the as-of day is not read, whatever day it names: a report run again later shows the late
 * correction. Category, worker type, entry kind and main cause are the file's own (the category a review changed is
 * the new one).
 */

/** The parameters the states' SQL reads: the instant records stop at, and the shift from UTC to the office's day. */
export interface StateParams {
  recordedBefore: string;
  /** '+480 minutes' in China: the office's offset on the as-of day (SQLite's date(at, shift) gives the local day). */
  shift: string;
}

export function stateParams(query: Pick<ReportQuery, 'asOf' | 'recordedBefore'>): StateParams {
  const [y, m, d] = query.asOf.split('-').map(Number);
  const offset = -new Date(y!, m! - 1, d!, 12).getTimezoneOffset();
  return { recordedBefore: query.recordedBefore, shift: `${offset >= 0 ? '+' : ''}${offset} minutes` };
}

/**
 * `states` (file_id, entered_on, left_on, left_by, and the file's codes): one row per file that came on record by the
 * as-of day. The steps are read from the partial index file_events_report (migration 0027), which holds only them; the
 * file's codes and main cause from hardship_files_report, named (INDEXED BY): without statistics SQLite takes the
 * primary key and visits every row, decrypting its draft (100,000 files: seconds, against a fraction of one).
 * A leaving day before the entry (a wrong date typed) counts as the entry's day, so each file adds up.
 */
/**
 * A file's days on record from its steps, as aggregates over file_events: `shift` is the SQL that turns a step's moment
 * into the office's day (the as-of day's offset, or 'localtime' where the steps are kept: migration 0030's trigger
 * and a federation's shadows). One text, so the kept days and the grouped ones cannot drift apart.
 */
export function stepDays(shift: string): string {
  return `min(${entryDay(shift)}) AS entered_on,
      max(${leaveDay(shift)}) AS left_on,
      max(CASE WHEN action IN ('exit', 'close') THEN action END) AS left_by`;
}

const entryDay = (shift: string) =>
  `CASE action WHEN 'approve' THEN date(at, ${shift}) WHEN 'confirmImport' THEN coalesce(on_date, date(at, ${shift})) END`;
const leaveDay = (shift: string) =>
  `CASE action WHEN 'exit' THEN coalesce(on_date, date(at, ${shift})) WHEN 'close' THEN date(at, ${shift}) END`;

/**
 * The steps of a timeline the reports read (entering and leaving hardship), as the partial indexes of migrations 0027
 * and 0034 name them: the queries say it in these words so that SQLite matches those indexes.
 */
export const REPORT_STEP_ACTIONS = "('approve', 'confirmImport', 'exit', 'close')";

export const STATES_CTE = `
  steps AS (
    SELECT file_id,
      ${stepDays('@shift')}
    FROM file_events
    WHERE action IN ${REPORT_STEP_ACTIONS} AND at < @recordedBefore
    GROUP BY file_id
  ),
  states AS (
    SELECT s.file_id, s.entered_on, max(s.left_on, s.entered_on) AS left_on, s.left_by,
      f.category, f.worker_type, f.entry_kind, f.main_cause
    FROM steps s JOIN hardship_files f INDEXED BY hardship_files_report ON f.id = s.file_id
    WHERE s.entered_on IS NOT NULL AND f.deleted_at IS NULL
  )`;

/**
 * The same `states` from what each file keeps (hardship_files.entered_on, left_on, left_by, main_cause: migration
 * 0030, kept by triggers in the transaction of each step, in the office's local day): the timeline with every step
 * counted. When no step was recorded at or after the as-of moment (one probe of file_events_report_at: the case of
 * a report as of today) they are the answer, read from the covering index hardship_files_states, whose order (the
 * codes first) lets the tables group without sorting. Otherwise the files whose kept state, or the state before it,
 * was the timeline's answer by that moment (kept_since, prior_since, kept with the days: migration 0039) still come
 * from what they keep, and only the others are grouped from their timeline as STATES_CTE does (`later`). 100,000
 * files: tens of ms, against a second or more for the grouping.
 */
const KEPT_STATES_CTE = `
  states AS (
    SELECT f.id AS file_id, f.entered_on, max(f.left_on, f.entered_on) AS left_on, f.left_by,
      f.category, f.worker_type, f.entry_kind, f.main_cause
    FROM hardship_files f INDEXED BY hardship_files_states
    WHERE f.deleted_at IS NULL AND f.entered_on IS NOT NULL
  )`;

const LATER_STEP = `SELECT 1 FROM file_events INDEXED BY file_events_report_at
  WHERE action IN ${REPORT_STEP_ACTIONS} AND at >= @recordedBefore`;

/**
 * Which files need their timeline is told by what each keeps (migration 0039): a file whose kept state became the
 * timeline's answer before the as-of moment (kept_since) is read as it is kept; one whose prior state did
 * (prior_since), but not the kept one, is read as that prior state (or in no number, when it was not on record
 * then). Only a file with two changes recorded at or after the moment is grouped from its timeline: at 100,000 files
 * as of last year-end, a few where 37,000 had a step since (the last step alone, last_step_at of 0036, told those
 * apart: each was grouped). A later file is grouped only if its kept entry is on or before the as-of day (the local
 * day of @recordedBefore is the day after): the steps recorded by then are some of its steps, so the entry they give
 * is that day or later, and every selection (SELECTION_SQL, the people) wants an entry by the period's end, which is
 * by the as-of day (reportQuery); a file approved after the as-of day is in no number then. The later files' steps
 * are one range each in file_events_report (file_id, at, …), read in file id order beside the file's codes: no sort.
 */
const LATER_CTE = `
  later AS (
    SELECT f.id AS file_id,
      ${stepDays('@shift')},
      f.category, f.worker_type, f.entry_kind, f.main_cause
    FROM hardship_files f INDEXED BY hardship_files_report
      JOIN file_events e INDEXED BY file_events_report ON e.file_id = f.id
    WHERE f.deleted_at IS NULL AND f.entered_on < date(@recordedBefore, @shift) AND f.prior_since >= @recordedBefore
      AND e.action IN ${REPORT_STEP_ACTIONS} AND e.at < @recordedBefore
    GROUP BY f.id
  )`;

/** The kept state when it held by the as-of moment, else the prior one. */
const KEPT_HELD = "coalesce(f.kept_since, '') < @recordedBefore";
const keptOrPrior = (column: string) => `CASE WHEN ${KEPT_HELD} THEN f.${column} ELSE f.prior_${column} END`;

/** The files read from what they keep: their kept or their prior state, whichever the timeline gave at the moment. */
const UNCHANGED_PART = `
    SELECT f.id AS file_id, ${keptOrPrior('entered_on')} AS entered_on,
      max(${keptOrPrior('left_on')}, ${keptOrPrior('entered_on')}) AS left_on, ${keptOrPrior('left_by')} AS left_by,
      f.category, f.worker_type, f.entry_kind, f.main_cause
    FROM hardship_files f INDEXED BY hardship_files_states
    WHERE f.deleted_at IS NULL AND f.entered_on IS NOT NULL AND coalesce(f.prior_since, '') < @recordedBefore
      AND (${KEPT_HELD} OR f.prior_entered_on IS NOT NULL)`;
/** The later files, as grouped from their timeline. */
const LATER_PART = `
    SELECT file_id, entered_on, max(left_on, entered_on) AS left_on, left_by, category, worker_type, entry_kind, main_cause
    FROM later WHERE entered_on IS NOT NULL`;

const LATER_STEPS_CTE = `${LATER_CTE},
  states AS (${UNCHANGED_PART}
    UNION ALL${LATER_PART}
  )`;
/**
 * The two parts apart, each a `states` of its own: a table that groups by the codes reads the unchanged files in the
 * codes' order (no sort) and sorts the few later ones, where grouping their union sorted every file (statesParts).
 */
const UNCHANGED_STATES = `states AS (${UNCHANGED_PART}\n  )`;
const LATER_STEPS_PARTS = [UNCHANGED_STATES, `${LATER_CTE},\n  states AS (${LATER_PART}\n  )`];
/**
 * Whether any file has two changes recorded at or after the moment (one probe of hardship_files_prior_since, 0039):
 * when none has, the later part is left out, where it read every file's index entry to find none.
 */
const TWO_CHANGES_SINCE = `SELECT 1 FROM hardship_files INDEXED BY hardship_files_prior_since WHERE prior_since >= @recordedBefore`;

/**
 * The kept days are the office's local day of each step's moment, the timeline's are read with the as-of day's
 * offset (`shift`): the same days when the office's zone keeps one offset, as China's does. Where it does not (a
 * zone with summer time, or SQLite's local time not the program's), the states are grouped from the timeline.
 */
function keptDaysHold(sqlite: Sqlite, params: StateParams): boolean {
  const minutes = Number.parseInt(params.shift, 10);
  const year = Number(params.recordedBefore.slice(0, 4));
  const offsetOn = (month: number) => -new Date(year, month, 15, 12).getTimezoneOffset();
  if (offsetOn(0) !== minutes || offsetOn(6) !== minutes) return false;
  const sqliteOffset = sqlite
    .prepare("SELECT round((julianday(@at, 'localtime') - julianday(@at)) * 1440)")
    .pluck()
    .get({ at: params.recordedBefore }) as number;
  return sqliteOffset === minutes;
}

/**
 * Where the states are read in: the codes' order (hardship_files_states: the file tables group on them without
 * sorting) or the file id's (hardship_files_report, migration 0034: the people table looks up each file's household
 * in turn, its index's pages in order; in the codes' order each look lands on another page, 2–3 times slower).
 */
export type StatesOrder = 'codes' | 'file';

/**
 * The `states` of a query's WITH clause, from the kept days where they hold, else from the timeline; `parts`: as
 * separate `states` whose rows together are the whole (statesParts).
 */
function statesCte(sqlite: Sqlite, params: StateParams, order: StatesOrder = 'codes', parts = false): string[] {
  if (!keptDaysHold(sqlite, params)) return [STATES_CTE];
  const at = { recordedBefore: params.recordedBefore };
  const later = sqlite.prepare(`SELECT EXISTS (${LATER_STEP})`).pluck().get(at);
  const grouped = later && sqlite.prepare(`SELECT EXISTS (${TWO_CHANGES_SINCE})`).pluck().get(at);
  const ctes = !later ? [KEPT_STATES_CTE] : !grouped ? [UNCHANGED_STATES] : parts ? LATER_STEPS_PARTS : [LATER_STEPS_CTE];
  return order === 'file'
    ? ctes.map((cte) => cte.replaceAll('INDEXED BY hardship_files_states', 'INDEXED BY hardship_files_report'))
    : ctes;
}

/**
 * One reports call (reports.tables, reports.export) groups the timeline once: `withSharedStates` builds `states` into a
 * TEMP table for the call and every table that reads them (households, causes, movements, people) takes it from
 * there (`statesWith`), where each used to group the timeline again (at 100,000 files that grouping is most of a
 * table's time). States depend on the as-of moment alone, never on the period. The table lives for the call only, so
 * a later call sees the steps recorded since. It holds file ids, days and codes: nothing personal.
 */
const sharedStates = new WeakMap<Sqlite, string>();
const statesKey = (params: StateParams) => `${params.recordedBefore}|${params.shift}`;

export function withSharedStates<T>(sqlite: Sqlite, query: Pick<ReportQuery, 'asOf' | 'recordedBefore'>, run: () => T): T {
  const params = stateParams(query);
  const [states] = statesCte(sqlite, params);
  // What the files keep is read faster from its index than copied: each table reads it.
  if (states === KEPT_STATES_CTE) return run();
  sqlite.prepare('DROP TABLE IF EXISTS temp.report_states').run();
  // In file order: the people table reads it in turn; the file tables group it whatever its order.
  sqlite.prepare(`CREATE TEMP TABLE report_states AS WITH ${statesCte(sqlite, params, 'file')[0]} SELECT * FROM states`).run(params);
  sharedStates.set(sqlite, statesKey(params));
  try {
    return run();
  } finally {
    sharedStates.delete(sqlite);
    sqlite.prepare('DROP TABLE IF EXISTS temp.report_states').run();
  }
}

/** The `states` of a query's WITH clause: the call's shared table when it was built for these params, else read here. */
export function statesWith(sqlite: Sqlite, params: StateParams, order: StatesOrder = 'codes'): string {
  return statesParts(sqlite, params, order, false)[0]!;
}

/**
 * The `states` in parts whose rows together are the whole (one part unless some files have a step recorded since the
 * as-of moment: then the unchanged files and the later ones): a count grouped by the codes runs once per part and
 * the caller adds the rows up. Grouping the union sorted all 100,000 files; each part is read in its own order.
 */
export function statesParts(sqlite: Sqlite, params: StateParams, order: StatesOrder = 'codes', parts = true): string[] {
  if (sharedStates.get(sqlite) === statesKey(params)) return ['states AS (SELECT * FROM temp.report_states)'];
  return statesCte(sqlite, params, order, parts);
}

/** What a number of the file tables counts. */
export const SELECTIONS = ['closing', 'opening', 'entered', 'exited', 'closed'] as const;
export type Selection = (typeof SELECTIONS)[number];

/** The condition on `states` (aliased s) for each selection; @from and @to are the period's days, @before the day before. */
export const SELECTION_SQL: Record<Selection, string> = {
  closing: 's.entered_on <= @to AND (s.left_on IS NULL OR s.left_on > @to)',
  opening: 's.entered_on <= @before AND (s.left_on IS NULL OR s.left_on > @before)',
  entered: 's.entered_on BETWEEN @from AND @to',
  exited: "s.left_by = 'exit' AND s.left_on BETWEEN @from AND @to",
  closed: "s.left_by = 'close' AND s.left_on BETWEEN @from AND @to",
};

/** The day a selection's step took effect, for the drill-down's list. */
export const STEP_DAY: Record<Selection, string | null> = {
  closing: null,
  opening: null,
  entered: 's.entered_on',
  exited: 's.left_on',
  closed: 's.left_on',
};

export interface PeriodParams extends StateParams {
  from: string;
  to: string;
  before: string;
}

export function periodParams(query: Pick<ReportQuery, 'from' | 'to' | 'asOf' | 'recordedBefore'>): PeriodParams {
  return { ...stateParams(query), from: query.from, to: query.to, before: addDays(query.from, -1) };
}
