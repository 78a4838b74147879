import { defineHandlers } from '../../context';
import * as backup from './backup.service';

export const backupHandlers = defineHandlers({
  'backup.list': (_input, ctx) => backup.list(ctx),
  'backup.create': (_input, ctx) => backup.create(ctx),
  'backup.restore': (input, ctx) => backup.restore(ctx, input),
  'backup.copy': (input, ctx) => backup.copy(ctx, input.backupId),
});
