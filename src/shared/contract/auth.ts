import { z } from 'zod';
import { channel, noInput, okOutput } from './define';
import { password, role, username } from './users';

export const sessionUser = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role,
  mustChangePassword: z.boolean(),
});
export type SessionUser = z.infer<typeof sessionUser>;

export const sessionInfo = z.object({
  user: sessionUser.nullable(),
  locked: z.boolean(),
  idleLockMinutes: z.number().int(),
});
export type SessionInfo = z.infer<typeof sessionInfo>;

export const authChannels = {
  'auth.signIn': channel({
    input: z.object({ username, password }),
    output: sessionInfo,
    access: 'public',
    mutates: true,
  }),
  'auth.signOut': channel({ input: noInput, output: okOutput, access: 'public', mutates: true }),
  /** The session as the core sees it; polling it does not count as activity. */
  'auth.session': channel({ input: noInput, output: sessionInfo, access: 'public', mutates: false }),
  /** The clerk is at the desk (typing, moving the mouse): postpones the idle lock. */
  'auth.touch': channel({ input: noInput, output: okOutput, access: 'viewer', mutates: false }),
  'auth.lock': channel({ input: noInput, output: okOutput, access: 'viewer', mutates: true }),
  /** Open to a locked session only: the signed-in user's password unlocks it. */
  'auth.unlock': channel({ input: z.object({ password }), output: sessionInfo, access: 'public', mutates: true }),
  'auth.changePassword': channel({
    input: z.object({ currentPassword: password, newPassword: password }),
    output: sessionInfo,
    access: 'viewer',
    mutates: true,
  }),
};
