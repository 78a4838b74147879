import { z } from 'zod';
import { ROLES } from '../roles';
import { channel, isoInstant, noInput, okOutput, uuid } from './define';

export const role = z.enum(ROLES);
export const username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{3,32}$/);
export const displayName = z.string().trim().min(1).max(40);
export const password = z.string().min(1).max(128);

export const user = z.object({
  id: uuid,
  username: z.string(),
  displayName: z.string(),
  role,
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
  lockedUntil: isoInstant.nullable(),
  lastSignInAt: isoInstant.nullable(),
  createdAt: isoInstant,
});
export type User = z.infer<typeof user>;

export const usersChannels = {
  'users.list': channel({
    input: noInput,
    output: z.object({ users: z.array(user) }),
    access: 'admin',
    mutates: false,
  }),
  /** The staff's names, for choosing visitors and the like: enabled users, nothing else about them. */
  'users.staff': channel({
    input: noInput,
    output: z.object({ staff: z.array(z.object({ id: uuid, displayName: z.string() })) }),
    access: 'clerk',
    mutates: false,
  }),
  'users.create': channel({
    input: z.object({ username, displayName, role, password }),
    output: user,
    access: 'admin',
    mutates: true,
  }),
  'users.update': channel({
    input: z.object({ id: uuid, displayName, role }),
    output: user,
    access: 'admin',
    mutates: true,
  }),
  'users.setDisabled': channel({
    input: z.object({ id: uuid, disabled: z.boolean() }),
    output: user,
    access: 'admin',
    mutates: true,
  }),
  /**
   * Lifts a lockout after repeated wrong passwords (the user rang the administrator): the password stays, the count of
   * failures starts again. Refused for an account that is not locked.
   */
  'users.unlock': channel({
    input: z.object({ id: uuid }),
    output: user,
    access: 'admin',
    mutates: true,
  }),
  /** Sets a temporary password the user must change at next sign-in; also clears a lockout. */
  'users.resetPassword': channel({
    input: z.object({ id: uuid, password }),
    output: okOutput,
    access: 'admin',
    mutates: true,
  }),
};
