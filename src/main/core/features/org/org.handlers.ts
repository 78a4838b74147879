import { defineHandlers } from '../../context';
import * as org from './org.service';
import * as signing from './signing-key.service';

export const orgHandlers = defineHandlers({
  'org.get': (_input, ctx) => org.get(ctx),
  'org.update': (input, ctx) => org.update(ctx, input),
  'org.signingKey': (_input, ctx) => signing.signingKey(ctx),
  'org.replaceKeys': (_input, ctx) => signing.replaceKeys(ctx),
  'org.exportKeyCard': (input, ctx) => signing.exportKeyCard(ctx, input),
});
