import { localDate } from '../core/clock';
import type { Core } from '../core/core';
import { writeDemoFiles } from '../core/features/hardship/demo-files';
import { readOrg } from '../core/features/org/org.repo';

/**
 * `count` demo hardship files (demo-files.ts) for the first members of a set-up core's roster, in its organisation's
 * region, entered by its first administrator and dated the clerk's today. Returns how many were written.
 */
export function writeDemoFilesFor(core: Core, count: number): number {
  const { sqlite, db } = core.state.conn!;
  const org = readOrg(db)!;
  const admin = sqlite.prepare("SELECT id FROM users WHERE role = 'admin' ORDER BY created_at LIMIT 1").pluck().get() as string;
  return writeDemoFiles(sqlite, {
    count,
    origin: org.id,
    enteredBy: admin,
    regionCode: org.regionCode,
    today: localDate(core.state.clock),
  });
}
