import { and, asc, count, eq } from 'drizzle-orm';
import type { User } from '@shared/contract/users';
import type { Role } from '@shared/roles';
import type { Db } from '../../db/client';
import { users } from '../../db/schema';

export type UserRow = typeof users.$inferSelect;

export function findUserById(db: Db, id: string): UserRow | undefined {
  return db.select().from(users).where(eq(users.id, id)).get();
}

export function findUserByUsername(db: Db, username: string): UserRow | undefined {
  return db.select().from(users).where(eq(users.username, username)).get();
}

export function listUsers(db: Db): UserRow[] {
  return db.select().from(users).orderBy(asc(users.username)).all();
}

export function insertUser(db: Db, row: typeof users.$inferInsert): UserRow {
  return db.insert(users).values(row).returning().get();
}

export function updateUser(db: Db, id: string, changes: Partial<typeof users.$inferInsert>): UserRow {
  return db.update(users).set(changes).where(eq(users.id, id)).returning().get();
}

export function countEnabledWithRole(db: Db, role: Role): number {
  return db
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.role, role), eq(users.disabled, false)))
    .get()!.n;
}

/** The shape the contract returns: never the password hash. */
export function toUser(row: UserRow, nowIso: string): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    disabled: row.disabled,
    mustChangePassword: row.mustChangePassword,
    lockedUntil: row.lockedUntil && row.lockedUntil > nowIso ? row.lockedUntil : null,
    lastSignInAt: row.lastSignInAt,
    createdAt: row.createdAt,
  };
}
