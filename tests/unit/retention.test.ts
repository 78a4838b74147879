import { describe, expect, it } from 'vitest';
import type { BackupEntry } from '@shared/contract/backup';
import { autoBackupDue, backupsToRemove, DEFAULT_RETENTION } from '../../src/main/core/db/retention';

const DAY = 86_400_000;
const start = Date.parse('2026-01-01T02:00:00.000Z');

function entry(kind: BackupEntry['kind'], at: number): BackupEntry {
  return { id: `${kind}-${at}`, kind, createdAt: new Date(at).toISOString(), bytes: 1 };
}

describe('backup retention', () => {
  it('keeps the newest auto backup of each of the last 7 days, 4 weeks and 12 months', () => {
    // One automatic backup a day for 400 days, two on the last day.
    const entries = Array.from({ length: 400 }, (_, i) => entry('auto', start + i * DAY));
    entries.push(entry('auto', start + 399 * DAY + 3_600_000));
    const removed = new Set(backupsToRemove(entries));
    const kept = entries.filter((e) => !removed.has(e.id));

    // The extra backup of the last day is thinned out; the newest of that day stays.
    expect(removed.has(entries[399]!.id)).toBe(true);
    expect(kept.map((e) => e.id)).toContain(entries[400]!.id);
    // 7 daily + up to 4 weekly + up to 12 monthly, overlapping: never more than their sum, never fewer than 12.
    expect(kept.length).toBeLessThanOrEqual(DEFAULT_RETENTION.daily + DEFAULT_RETENTION.weekly + DEFAULT_RETENTION.monthly);
    expect(kept.length).toBeGreaterThanOrEqual(DEFAULT_RETENTION.monthly);
    // Every one of the last 7 days keeps a backup.
    const keptDays = new Set(kept.map((e) => e.createdAt.slice(0, 10)));
    for (let d = 393; d < 400; d++) expect(keptDays.has(new Date(start + d * DAY).toISOString().slice(0, 10))).toBe(true);
    // Nothing older than 12 months is kept.
    const oldest = Math.min(...kept.map((e) => Date.parse(e.createdAt)));
    expect(start + 399 * DAY - oldest).toBeLessThan(366 * DAY);
  });

  it('never removes manual backups and keeps the newest 5 safety backups of each kind', () => {
    const entries = [
      ...Array.from({ length: 8 }, (_, i) => entry('manual', start + i * DAY)),
      ...Array.from({ length: 8 }, (_, i) => entry('pre-migration', start + i * DAY)),
      ...Array.from({ length: 2 }, (_, i) => entry('pre-restore', start + i * DAY)),
    ];
    const removed = backupsToRemove(entries);
    expect(removed.sort()).toEqual(
      entries
        .filter((e) => e.kind === 'pre-migration')
        .slice(0, 3)
        .map((e) => e.id)
        .sort(),
    );
  });

  it('makes an automatic backup due after the first change, then 24 hours after the last one if data changed since', () => {
    const changed = (at: number) => new Date(at).toISOString();
    expect(autoBackupDue([], new Date(start), null)).toBe(false); // nothing changed yet: nothing worth a copy
    expect(autoBackupDue([], new Date(start), changed(start - 1))).toBe(true);
    const entries = [entry('auto', start), entry('manual', start + 2 * DAY)];
    expect(autoBackupDue(entries, new Date(start + DAY - 1), changed(start + 1000))).toBe(false);
    expect(autoBackupDue(entries, new Date(start + DAY), changed(start + 1000))).toBe(true);
    // A day without changes adds no copy of the same data.
    expect(autoBackupDue(entries, new Date(start + 3 * DAY), changed(start - 1000))).toBe(false);
  });
});
