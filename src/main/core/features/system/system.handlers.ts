import { defineHandlers } from '../../context';
import * as damage from './damage.service';
import * as system from './system.service';

export const systemHandlers = defineHandlers({
  'system.status': (_input, ctx) => system.status(ctx),
  'system.setup': (input, ctx) => system.setup(ctx, input),
  'system.recover': (input, ctx) => (system.recover(ctx, input.recoveryCode), { ok: true as const }),
  'system.about': (_input, ctx) => system.about(ctx),
  'system.damage': (_input, ctx) => damage.damageReport(ctx),
  'system.restoreDamaged': (input, ctx) => damage.restoreAfterDamage(ctx, input.backupId),
});
