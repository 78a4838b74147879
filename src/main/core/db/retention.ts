import type { BackupEntry } from '@shared/contract/backup';

/**
 * Which backups to remove. Automatic backups thin out with age, like a grandfather-father-son rotation: the newest
 * of each of the last `daily` days, of each of the last `weekly` weeks and of each of the last `monthly` months are
 * kept. Backups taken before a migration or a restore keep the newest `safety` of each kind. Manual backups are the
 * administrator's: never removed automatically. Pure: the caller deletes.
 */
export interface RetentionPolicy {
  daily: number;
  weekly: number;
  monthly: number;
  safety: number;
}

export const DEFAULT_RETENTION: RetentionPolicy = { daily: 7, weekly: 4, monthly: 12, safety: 5 };

const DAY = 86_400_000;

function keepNewestPerBucket(entries: BackupEntry[], bucket: (at: Date) => string, count: number): Set<string> {
  const keep = new Set<string>();
  const seen = new Set<string>();
  for (const entry of [...entries].sort((a, b) => b.createdAt.localeCompare(a.createdAt))) {
    const key = bucket(new Date(entry.createdAt));
    if (seen.has(key)) continue;
    seen.add(key);
    if (seen.size > count) break;
    keep.add(entry.id);
  }
  return keep;
}

const dayBucket = (at: Date) => at.toISOString().slice(0, 10);
// Weeks counted from the Unix epoch (a Thursday): shifting by 3 days makes them start on Monday.
const weekBucket = (at: Date) => String(Math.floor((at.getTime() + 3 * DAY) / (7 * DAY)));
const monthBucket = (at: Date) => at.toISOString().slice(0, 7);

export function backupsToRemove(entries: BackupEntry[], policy: RetentionPolicy = DEFAULT_RETENTION): string[] {
  const auto = entries.filter((e) => e.kind === 'auto');
  const keep = new Set<string>([
    ...keepNewestPerBucket(auto, dayBucket, policy.daily),
    ...keepNewestPerBucket(auto, weekBucket, policy.weekly),
    ...keepNewestPerBucket(auto, monthBucket, policy.monthly),
  ]);
  for (const kind of ['pre-migration', 'pre-restore'] as const) {
    const ofKind = entries.filter((e) => e.kind === kind).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    for (const e of ofKind.slice(0, policy.safety)) keep.add(e.id);
  }
  return entries.filter((e) => e.kind !== 'manual' && !keep.has(e.id)).map((e) => e.id);
}

/**
 * An automatic backup is due when the data changed since the last one (`lastChangeAt`: the newest audit entry that
 * changed data, audit.repo lastChangeAt), and either there is none yet or the last is 24 hours old. So a new data
 * folder gets its first one as soon as the clerk's first real change is made (setup alone is not worth one), and a
 * day without changes adds no copy of the same data.
 */
export function autoBackupDue(entries: BackupEntry[], now: Date, lastChangeAt: string | null): boolean {
  if (!lastChangeAt) return false;
  const last = entries.filter((e) => e.kind === 'auto').map((e) => Date.parse(e.createdAt));
  if (last.length === 0) return true;
  const lastAuto = Math.max(...last);
  return Date.parse(lastChangeAt) > lastAuto && now.getTime() - lastAuto >= DAY;
}
