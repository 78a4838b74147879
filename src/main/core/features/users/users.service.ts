import { v7 as uuidv7 } from 'uuid';
import type { User } from '@shared/contract/users';
import { passwordProblem } from '@shared/domain/password';
import { AppError } from '@shared/errors';
import type { Role } from '@shared/roles';
import type { CallContext } from '../../context';
import { hashPassword } from '../auth/password-hash';
import {
  countEnabledWithRole,
  findUserById,
  findUserByUsername,
  insertUser,
  listUsers,
  toUser,
  updateUser,
  type UserRow,
} from './users.repo';

function requireUser(ctx: CallContext, id: string): UserRow {
  const row = findUserById(ctx.db, id);
  if (!row) throw new AppError('NOT_FOUND', { record: 'user' });
  return row;
}

function checkNewPassword(password: string, username: string): void {
  const problem = passwordProblem(password, username);
  if (problem) throw new AppError('PASSWORD_TOO_WEAK', { problem });
}

/** The office must always keep one enabled administrator, or nobody could manage accounts again. */
function keepAnAdmin(ctx: CallContext, row: UserRow, after: { role: Role; disabled: boolean }): void {
  const stopsBeingAdmin = row.role === 'admin' && !row.disabled && (after.role !== 'admin' || after.disabled);
  if (stopsBeingAdmin && countEnabledWithRole(ctx.db, 'admin') <= 1) throw new AppError('LAST_ADMIN');
}

export function list(ctx: CallContext): User[] {
  return listUsers(ctx.db).map((row) => toUser(row, ctx.now()));
}

/** The enabled users' names only (visitors are picked from the staff), for clerks who may not list accounts. */
export function staff(ctx: CallContext): { id: string; displayName: string }[] {
  return listUsers(ctx.db)
    .filter((u) => !u.disabled)
    .map((u) => ({ id: u.id, displayName: u.displayName }));
}

export async function create(
  ctx: CallContext,
  input: { username: string; displayName: string; role: Role; password: string },
): Promise<User> {
  checkNewPassword(input.password, input.username);
  if (findUserByUsername(ctx.db, input.username)) throw new AppError('USERNAME_TAKEN');
  const passwordHash = await hashPassword(input.password);
  return ctx.write(() => {
    if (findUserByUsername(ctx.db, input.username)) throw new AppError('USERNAME_TAKEN');
    const row = insertUser(ctx.db, {
      id: uuidv7(),
      username: input.username,
      displayName: input.displayName,
      role: input.role,
      passwordHash,
      // The administrator chose this password: the new user picks their own at first sign-in.
      mustChangePassword: true,
      createdAt: ctx.now(),
      updatedAt: ctx.now(),
    });
    ctx.audit({ recordType: 'user', recordId: row.id, event: 'user.created', params: { role: row.role } });
    return toUser(row, ctx.now());
  });
}

export function update(ctx: CallContext, input: { id: string; displayName: string; role: Role }): User {
  return ctx.write(() => {
    const row = requireUser(ctx, input.id);
    keepAnAdmin(ctx, row, { role: input.role, disabled: row.disabled });
    const updated = updateUser(ctx.db, row.id, { displayName: input.displayName, role: input.role, updatedAt: ctx.now() });
    ctx.audit({
      recordType: 'user',
      recordId: row.id,
      ...(row.role === input.role ? { event: 'user.renamed' } : { event: 'user.roleChanged', params: { from: row.role, to: input.role } }),
    });
    return toUser(updated, ctx.now());
  });
}

export function setDisabled(ctx: CallContext, id: string, disabled: boolean): User {
  return ctx.write(() => {
    const row = requireUser(ctx, id);
    keepAnAdmin(ctx, row, { role: row.role, disabled });
    const updated = updateUser(ctx.db, row.id, { disabled, updatedAt: ctx.now() });
    ctx.audit({ recordType: 'user', recordId: row.id, event: disabled ? 'user.disabled' : 'user.enabled' });
    return toUser(updated, ctx.now());
  });
}

/** Lifts a lockout without touching the password: the user signs in again with the password they know. */
export function unlock(ctx: CallContext, id: string): User {
  return ctx.write(() => {
    const row = requireUser(ctx, id);
    if (!row.lockedUntil || row.lockedUntil <= ctx.now()) throw new AppError('ACCOUNT_NOT_LOCKED');
    const updated = updateUser(ctx.db, row.id, { failedAttempts: 0, lockedUntil: null, updatedAt: ctx.now() });
    ctx.audit({ recordType: 'user', recordId: row.id, event: 'user.unlocked' });
    return toUser(updated, ctx.now());
  });
}

export async function resetPassword(ctx: CallContext, id: string, password: string): Promise<void> {
  const row = requireUser(ctx, id);
  checkNewPassword(password, row.username);
  const passwordHash = await hashPassword(password);
  ctx.write(() => {
    updateUser(ctx.db, row.id, { passwordHash, mustChangePassword: true, failedAttempts: 0, lockedUntil: null, updatedAt: ctx.now() });
    ctx.audit({ recordType: 'user', recordId: row.id, event: 'user.passwordReset' });
  });
}
