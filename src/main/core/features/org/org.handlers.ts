import { defineHandlers } from '../../context';
import * as org from './org.service';

export const orgHandlers = defineHandlers({
  'org.get': (_input, ctx) => org.get(ctx),
  'org.update': (input, ctx) => org.update(ctx, input),
});
