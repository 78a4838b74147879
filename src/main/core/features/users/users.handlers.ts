import { defineHandlers } from '../../context';
import * as users from './users.service';

export const usersHandlers = defineHandlers({
  'users.list': (_input, ctx) => ({ users: users.list(ctx) }),
  'users.staff': (_input, ctx) => ({ staff: users.staff(ctx) }),
  'users.create': (input, ctx) => users.create(ctx, input),
  'users.update': (input, ctx) => users.update(ctx, input),
  'users.setDisabled': (input, ctx) => users.setDisabled(ctx, input.id, input.disabled),
  'users.unlock': (input, ctx) => users.unlock(ctx, input.id),
  'users.resetPassword': async (input, ctx) => (await users.resetPassword(ctx, input.id, input.password), { ok: true as const }),
});
