import { defineHandlers } from '../../context';
import * as auth from './auth.service';

export const authHandlers = defineHandlers({
  'auth.signIn': (input, ctx) => auth.signIn(ctx, input.username, input.password),
  'auth.signOut': (_input, ctx) => (auth.signOut(ctx), { ok: true as const }),
  'auth.session': (_input, ctx) => auth.sessionInfo(ctx),
  'auth.touch': () => ({ ok: true as const }),
  'auth.lock': (_input, ctx) => (auth.lock(ctx), { ok: true as const }),
  'auth.unlock': (input, ctx) => auth.unlock(ctx, input.password),
  'auth.changePassword': (input, ctx) => auth.changePassword(ctx, input.currentPassword, input.newPassword),
});
