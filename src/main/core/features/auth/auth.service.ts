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

/** Where an account (or a name without one) stands in the lockout rule. */
interface AttemptState {
  failedAttempts: number;
  lockedUntil: string | null;
}

/**
 * The lockout rule: the fifth wrong password in a row locks for LOCKOUT_MINUTES. Throws the error the clerk should
 * see, after `save` has recorded the failure. A locked account still has its password hashed, so that a lock does
 * not answer faster than a wrong password (the time would tell that the name exists).
 */
async function countAttempt(
  now: Date,
  state: AttemptState,
  passwordMatches: () => Promise<boolean>,
  save: (next: AttemptState, outcome: { locks: boolean; attempt: number }) => void,
): Promise<void> {
  if (state.lockedUntil && state.lockedUntil > now.toISOString()) {
    await passwordMatches();
    throw new AppError('ACCOUNT_LOCKED', { minutes: Math.ceil((Date.parse(state.lockedUntil) - now.getTime()) / 60_000) });
  }
  if (await passwordMatches()) return;
  const attempt = state.failedAttempts + 1;
  const locks = attempt >= MAX_FAILED_ATTEMPTS;
  save(
    { failedAttempts: locks ? 0 : attempt, lockedUntil: locks ? new Date(now.getTime() + LOCKOUT_MINUTES * 60_000).toISOString() : null },
    { locks, attempt },
  );
  if (locks) throw new AppError('ACCOUNT_LOCKED', { minutes: LOCKOUT_MINUTES });
  throw new AppError('BAD_CREDENTIALS', { remaining: MAX_FAILED_ATTEMPTS - attempt });
}

/** Checks a password against an account, counting failures (each with its audit entry). */
async function checkPassword(ctx: CallContext, row: UserRow, password: string): Promise<void> {
  const now = ctx.clock.now();
  await countAttempt(
    now,
    row,
    () => verifyPassword(password, row.passwordHash),
    (next, { locks, attempt }) =>
      ctx.write(() => {
        updateUser(ctx.db, row.id, { ...next, updatedAt: now.toISOString() });
        ctx.audit(
          {
            recordType: 'user',
            recordId: row.id,
            ...(locks
              ? { event: 'user.lockedOut', params: { minutes: LOCKOUT_MINUTES } }
              : { event: 'user.wrongPassword', params: { attempt } }),
          },
          row,
        );
      }),
  );
}

/**
 * A name without an account goes through the same rule, counted in memory, so that its answers (attempts left,
 * then locked) and their timing are those of a real account: sign-in does not tell which names exist.
 */
async function checkUnknownName(ctx: CallContext, username: string, password: string): Promise<never> {
  const attempts = unknownNameAttempts(ctx);
  const state = attempts.get(username) ?? { failedAttempts: 0, lockedUntil: null };
  await countAttempt(
    ctx.clock.now(),
    state,
    () => verifyAgainstNobody(password),
    (next) => {
      attempts.delete(username); // re-inserted last: the oldest names are dropped first
      attempts.set(username, next);
      if (attempts.size > MAX_UNKNOWN_NAMES) attempts.delete(attempts.keys().next().value!);
    },
  );
  throw new AppError('BAD_CREDENTIALS'); // not reached: verifyAgainstNobody never matches
}

/** Enough for any typing at a desk; a flood of invented names only forgets the oldest. */
const MAX_UNKNOWN_NAMES = 1000;
const unknownNames = new WeakMap<CallContext['core'], Map<string, AttemptState>>();
function unknownNameAttempts(ctx: CallContext): Map<string, AttemptState> {
  let attempts = unknownNames.get(ctx.core);
  if (!attempts) unknownNames.set(ctx.core, (attempts = new Map()));
  return attempts;
}

export async function signIn(ctx: CallContext, username: string, password: string): Promise<SessionInfo> {
  ctx.core.sessions.end(ctx.clientId);
  const row = findUserByUsername(ctx.db, username);
  if (!row) return checkUnknownName(ctx, username, password);
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
