import { defineHandlers } from '../../context';
import * as policy from './policy.service';

export const policyHandlers = defineHandlers({
  'policy.list': (_input, ctx) => policy.list(ctx),
  'policy.add': (input, ctx) => policy.add(ctx, input),
  'policy.void': (input, ctx) => policy.voidValue(ctx, input),
  'policy.calendar': (input, ctx) => policy.calendar(ctx, input),
  'policy.setDay': (input, ctx) => policy.setDay(ctx, input),
});
