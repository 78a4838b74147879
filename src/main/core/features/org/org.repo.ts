import { eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { org } from '../../db/schema';

export type OrgRow = typeof org.$inferSelect;

export const DEFAULT_IDLE_LOCK_MINUTES = 10;

export function readOrg(db: Db): OrgRow | undefined {
  return db.select().from(org).where(isNull(org.deletedAt)).get();
}

export function insertOrg(db: Db, row: typeof org.$inferInsert): OrgRow {
  return db.insert(org).values(row).returning().get();
}

export function updateOrg(db: Db, id: string, changes: Partial<typeof org.$inferInsert>): OrgRow {
  return db.update(org).set(changes).where(eq(org.id, id)).returning().get();
}

export function readIdleLockMinutes(db: Db): number {
  return readOrg(db)?.idleLockMinutes ?? DEFAULT_IDLE_LOCK_MINUTES;
}
