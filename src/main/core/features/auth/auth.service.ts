import type { SessionInfo } from '@shared/contract/auth';
import { AppError } from '@shared/errors';
import { passwordProblem } from '@shared/domain/password';
import type { CallContext } from '../../context';
import { checkAuditTrailAlongside } from '../audit/audit-check';
import { readIdleLockMinutes } from '../org/org.repo';
import { findUserById, findUserByUsername, updateUser, type UserRow } from '../users/users.repo';
import { hashPassword, verifyAgainstNobody, verifyPassword } from './password-hash';

/** After this many wrong passwords in a row the account is locked for LOCKOUT_MINUTES. */
export const MAX_FAILED_ATTEMPTS = 5;
export const LOCKOUT_MINUTES = 15;

export function sessionInfo(ctx: CallContext): SessionInfo {
  const session = ctx.core.sessions.get(ctx.clientId);
  const row = session ? findUserById(ctx.db, session.userId) : undefined;
  return {
    user:
      session && row && !row.disabled
        ? { id: row.id, username: row.username, displayName: row.displayName, role: row.role, mustChangePassword: row.mustChangePassword }
        : null,
    locked: session?.locked ?? false,
    idleLockMinutes: ctx.core.conn ? readIdleLockMinutes(ctx.db) : 10,
  };
}

/**
 * Checks a password against an account, counting failures: the fifth wrong one in a row locks the account.
 * Throws the error the clerk should see; records the failure (with its audit entry) before throwing.
 */
async function checkPassword(ctx: CallContext, row: UserRow, password: string): Promise<void> {
  const now = ctx.clock.now();
  if (row.lockedUntil && row.lockedUntil > now.toISOString()) {
    throw new AppError('ACCOUNT_LOCKED', { minutes: Math.ceil((Date.parse(row.lockedUntil) - now.getTime()) / 60_000) });
  }
  if (await verifyPassword(password, row.passwordHash)) return;
  const failedAttempts = row.failedAttempts + 1;
  const locks = failedAttempts >= MAX_FAILED_ATTEMPTS;
  ctx.write(() => {
    updateUser(ctx.db, row.id, {
      failedAttempts: locks ? 0 : failedAttempts,
      lockedUntil: locks ? new Date(now.getTime() + LOCKOUT_MINUTES * 60_000).toISOString() : null,
      updatedAt: now.toISOString(),
    });
    ctx.audit(
      { recordType: 'user', recordId: row.id, ...(locks ? { event: 'user.lockedOut', params: { minutes: LOCKOUT_MINUTES } } : { event: 'user.wrongPassword', params: { attempt: failedAttempts } }) },
      row,
    );
  });
  if (locks) throw new AppError('ACCOUNT_LOCKED', { minutes: LOCKOUT_MINUTES });
  throw new AppError('BAD_CREDENTIALS', { remaining: MAX_FAILED_ATTEMPTS - failedAttempts });
}

export async function signIn(ctx: CallContext, username: string, password: string): Promise<SessionInfo> {
  ctx.core.sessions.end(ctx.clientId);
  const row = findUserByUsername(ctx.db, username);
  if (!row) {
    await verifyAgainstNobody(password);
    throw new AppError('BAD_CREDENTIALS');
  }
  await checkPassword(ctx, row, password);
  if (row.disabled) throw new AppError('ACCOUNT_DISABLED');
  ctx.write(() => {
    updateUser(ctx.db, row.id, { failedAttempts: 0, lockedUntil: null, lastSignInAt: ctx.now(), updatedAt: ctx.now() });
    ctx.audit({ recordType: 'user', recordId: row.id, event: 'user.signedIn' }, row);
  });
  ctx.core.sessions.start(ctx.clientId, row.id, ctx.clock.now().getTime());
  // Every sign-in compares the audit log with its anchor; what it finds waits for an administrator (audit.alarms).
  checkAuditTrailAlongside(ctx.core, 'signIn');
  return sessionInfo(ctx);
}

export function signOut(ctx: CallContext): void {
  if (ctx.user) {
    const user = ctx.user;
    ctx.write(() => ctx.audit({ recordType: 'user', recordId: user.id, event: 'user.signedOut' }));
  }
  ctx.core.sessions.end(ctx.clientId);
}

export function lock(ctx: CallContext): void {
  const session = ctx.core.sessions.get(ctx.clientId)!;
  if (session.locked) return;
  session.locked = true;
  // During an import the database is busy: the screen still locks, without its audit entry.
  if (!ctx.core.exclusiveWriter) ctx.write(() => ctx.audit({ recordType: 'user', recordId: session.userId, event: 'user.screenLocked' }));
}

/** Only the user whose session is locked can unlock it; the screen behind the lock (and its form) stays as it was. */
export async function unlock(ctx: CallContext, password: string): Promise<SessionInfo> {
  const session = ctx.core.sessions.get(ctx.clientId);
  if (!session || !ctx.user) throw new AppError('UNAUTHENTICATED');
  // The password is checked even when the core has not locked the session yet: the renderer locks its screen
  // first (its own idle timer) and the core may hear of it a moment later.
  const row = findUserById(ctx.db, session.userId)!;
  try {
    await checkPassword(ctx, row, password);
  } catch (error) {
    if (error instanceof AppError && error.code === 'ACCOUNT_LOCKED') ctx.core.sessions.end(ctx.clientId);
    throw error;
  }
  ctx.write(() => ctx.audit({ recordType: 'user', recordId: row.id, event: 'user.screenUnlocked' }));
  session.locked = false;
  session.lastActivityMs = ctx.clock.now().getTime();
  return sessionInfo(ctx);
}

export async function changePassword(ctx: CallContext, currentPassword: string, newPassword: string): Promise<SessionInfo> {
  const row = findUserById(ctx.db, ctx.user!.id)!;
  await checkPassword(ctx, row, currentPassword);
  const problem = passwordProblem(newPassword, row.username);
  if (problem) throw new AppError('PASSWORD_TOO_WEAK', { problem });
  if (newPassword === currentPassword) throw new AppError('PASSWORD_REUSED');
  const passwordHash = await hashPassword(newPassword);
  ctx.write(() => {
    updateUser(ctx.db, row.id, { passwordHash, mustChangePassword: false, failedAttempts: 0, updatedAt: ctx.now() });
    ctx.audit({ recordType: 'user', recordId: row.id, event: 'user.passwordChanged' });
  });
  return sessionInfo(ctx);
}
