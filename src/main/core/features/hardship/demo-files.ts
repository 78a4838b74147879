import { v7 as uuidv7 } from 'uuid';
import { addDays } from '@shared/domain/calendar';
import type { Sqlite } from '../../db/client';
import { random } from '../roster/demo-members';
import { blobToId } from '../roster/members.repo';
import { emptyDraft } from './file-facts';
import { reserveFileNumber } from './file-number';

/**
 * Synthetic hardship files for trying the program and for the benchmark (npm run seed:demo -- --files N), written
 * straight into the tables in one transaction: a file for each of the first N active roster members, with statuses
 * in the shares a district's files have (most 在档, some under way or ended), dates spread over two years. They
 * did not go through the lifecycle, so their timelines hold only their creation; never real people.
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
const DECIDED = new Set(['active', 'annualReview', 'exited', 'closed']);

function pick(options: [string, number][], r: number): string {
  const total = options.reduce((sum, [, share]) => sum + share, 0);
  let at = r * total;
  for (const [value, share] of options) {
    if ((at -= share) < 0) return value;
  }
  return options[0]![0];
}

export function writeDemoFiles(
  sqlite: Sqlite,
  options: { count: number; origin: string; enteredBy: string; regionCode: string; today: string; seed?: number },
): number {
  const next = random(options.seed ?? 20261121);
  const heads = sqlite
    .prepare("SELECT id, name, id_number AS idNumber FROM members WHERE status = 'active' AND deleted_at IS NULL ORDER BY ref LIMIT ?")
    .all(options.count) as { id: Buffer; name: string; idNumber: string }[];
  const draft = JSON.stringify({ ...emptyDraft('urban'), mainCause: '3' });
  const insertFile = sqlite.prepare(
    `INSERT INTO hardship_files (id, origin, updated_at, file_no, status, member_id, head_name, head_id_number, worker_type, entry_kind,
       category, draft, entered_by, notice_ends_on, approved_by, approved_on, reviewed_on)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'urban', 'existing', ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertHead = sqlite.prepare(
    "INSERT INTO file_household (id, file_id, position, relation, name, id_number, details) VALUES (?, ?, 0, 'self', ?, ?, '{}')",
  );
  const insertEvent = sqlite.prepare(
    "INSERT INTO file_events (file_id, at, user_id, action, to_status) VALUES (?, ?, ?, 'create', 'draft')",
  );
  let numbered = 0;
  sqlite.transaction(() => {
    for (const head of heads) {
      const status = pick(STATUS_SHARES, next());
      const decided = DECIDED.has(status);
      const approvedOn = decided ? addDays(options.today, -Math.floor(next() * 730) - 30) : null;
      const updatedOn = addDays(options.today, -Math.floor(next() * 730));
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
        decided || status === 'approval' || status === 'notice' ? pick(CATEGORIES, next()) : null,
        draft,
        options.enteredBy,
        status === 'notice' ? addDays(options.today, Math.floor(next() * 10) - 3) : null,
        decided ? options.enteredBy : null,
        approvedOn,
        approvedOn,
      );
      insertHead.run(uuidv7(), id, head.name, head.idNumber);
      insertEvent.run(id, `${updatedOn}T09:00:00.000Z`, options.enteredBy);
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
