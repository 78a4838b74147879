import { v7 as uuidv7 } from 'uuid';
import { addDays, daysBetween } from '@shared/domain/calendar';
import { CAUSES } from '@shared/domain/hardship-codes';
import type { Sqlite } from '../../db/client';
import { random } from '../roster/demo-members';
import { blobToId } from '../roster/members.repo';
import { emptyDraft } from './file-facts';
import { reserveFileNumber } from './file-number';

/**
 * Synthetic hardship files for trying the program and for the benchmark (npm run seed:demo -- --files N), written
 * straight into the tables in one transaction: a file for each of the first N active roster members, with statuses
 * in the shares a district's files have (most 在档, some under way or ended), dates spread over two years, urban and
 * migrant, new, existing and relapsed, with varied main causes. They did not go through the lifecycle, but their
 * timelines hold the steps the reports read (features/reports/file-states.ts): the creation, the approval of a
 * decided file, and the exit or closing of an ended one, so a demo office's report tables are not all zero; never
 * real people.
 */
const STATUS_SHARES: [string, number][] = [
  ['active', 58],
  ['exited', 10],
  ['draft', 5],
  ['rejected', 5],
  ['visit', 4],
  ['annualReview', 4],
  ['submitted', 3],
  ['notice', 3],
  ['closed', 3],
  ['review', 2],
  ['approval', 1],
];
const CATEGORIES: [string, number][] = [
  ['deep', 45],
  ['relative', 50],
  ['accident', 5],
];
const WORKER_TYPES: [string, number][] = [
  ['urban', 70],
  ['migrant', 30],
];
const ENTRY_KINDS: [string, number][] = [
  ['new', 60],
  ['existing', 30],
  ['relapsed', 10],
];
const MAIN_CAUSES: [string, number][] = CAUSES.map((cause, i) => [cause, i < 4 ? 20 - i * 3 : 3]);
const DECIDED = new Set(['active', 'annualReview', 'exited', 'closed']);
/** The step that ended a file of this status, as the lifecycle records it. */
const ENDING: Record<string, 'exit' | 'close'> = { exited: 'exit', closed: 'close' };

function pick(options: [string, number][], r: number): string {
  const total = options.reduce((sum, [, share]) => sum + share, 0);
  let at = r * total;
  for (const [value, share] of options) {
    if ((at -= share) < 0) return value;
  }
  return options[0]![0];
}

/**
 * The heads' 文化程度, in turn (drawn without the random sequence, so the other demo values stay what they were):
 * mostly 初中 and 高中, as among hardship workers, so the people table's education columns are not empty.
 */
const DEMO_EDUCATION = ['junior', 'senior', 'junior', 'primary', 'associate', 'senior', 'junior', 'bachelor'] as const;

export function writeDemoFiles(
  sqlite: Sqlite,
  options: { count: number; origin: string; enteredBy: string; regionCode: string; today: string; seed?: number },
): number {
  const next = random(options.seed ?? 20261121);
  const heads = sqlite
    .prepare("SELECT id, name, id_number AS idNumber FROM members WHERE status = 'active' AND deleted_at IS NULL ORDER BY ref LIMIT ?")
    .all(options.count) as { id: Buffer; name: string; idNumber: string }[];
  const insertFile = sqlite.prepare(
    `INSERT INTO hardship_files (id, origin, updated_at, file_no, status, member_id, head_name, head_id_number, worker_type, entry_kind,
       category, draft, entered_by, notice_ends_on, approved_by, approved_on, reviewed_on)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertHead = sqlite.prepare(
    "INSERT INTO file_household (id, file_id, position, relation, name, id_number, details) VALUES (?, ?, 0, 'self', ?, ?, ?)",
  );
  const insertEvent = sqlite.prepare(
    'INSERT INTO file_events (file_id, at, user_id, action, from_status, to_status, on_date, code) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  let numbered = 0;
  sqlite.transaction(() => {
    for (const [index, head] of heads.entries()) {
      const status = pick(STATUS_SHARES, next());
      const decided = DECIDED.has(status);
      const approvedOn = decided ? addDays(options.today, -Math.floor(next() * 730) - 30) : null;
      // Created before it was decided; an ended file ended between its approval and today.
      const createdOn = approvedOn ? addDays(approvedOn, -20) : addDays(options.today, -Math.floor(next() * 60));
      const endedOn =
        approvedOn && ENDING[status] ? addDays(approvedOn, Math.floor(next() * daysBetween(approvedOn, options.today))) : null;
      const updatedOn = endedOn ?? approvedOn ?? createdOn;
      const workerType = pick(WORKER_TYPES, next());
      const id = uuidv7();
      const year = approvedOn ? approvedOn.slice(0, 4) : null;
      insertFile.run(
        id,
        options.origin,
        `${updatedOn}T09:00:00.000Z`,
        decided ? `${options.regionCode}${year}${String(++numbered).padStart(5, '0')}` : null,
        status,
        blobToId(head.id),
        head.name,
        head.idNumber,
        workerType,
        pick(ENTRY_KINDS, next()),
        decided || status === 'approval' || status === 'notice' ? pick(CATEGORIES, next()) : null,
        JSON.stringify({ ...emptyDraft(workerType as 'urban' | 'migrant'), mainCause: pick(MAIN_CAUSES, next()) }),
        options.enteredBy,
        status === 'notice' ? addDays(options.today, Math.floor(next() * 10) - 3) : null,
        decided ? options.enteredBy : null,
        approvedOn,
        approvedOn,
      );
      insertHead.run(
        uuidv7(),
        id,
        head.name,
        head.idNumber,
        JSON.stringify({ educationLevel: DEMO_EDUCATION[index % DEMO_EDUCATION.length] }),
      );
      insertEvent.run(id, `${createdOn}T01:00:00.000Z`, options.enteredBy, 'create', null, 'draft', null, null);
      if (approvedOn) insertEvent.run(id, `${approvedOn}T02:00:00.000Z`, options.enteredBy, 'approve', 'approval', 'active', null, null);
      if (endedOn) {
        const ending = ENDING[status]!;
        // 已脱困 names the day the household left hardship; 注销 a coded reason.
        const [onDate, code] = ending === 'exit' ? [endedOn, null] : [null, 'ineligible'];
        insertEvent.run(id, `${endedOn}T03:00:00.000Z`, options.enteredBy, ending, 'active', status, onDate, code);
      }
    }
    // Real approvals go on after the demo's numbers (numbers are never given twice).
    const years = sqlite
      .prepare('SELECT DISTINCT substr(approved_on, 1, 4) FROM hardship_files WHERE approved_on IS NOT NULL')
      .pluck()
      .all() as string[];
    for (const year of years) reserveFileNumber(sqlite, options.regionCode, Number(year), numbered);
  })();
  return heads.length;
}
