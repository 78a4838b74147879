import { defineHandlers } from '../../context';
import { centres } from './centres.service';
import { duplicateAid, duplicateFiles, exportDuplicates } from './duplicates.service';
import { centreFile, centreFiles, centrePayments, centreRoster } from './records.service';

export const federationHandlers = defineHandlers({
  'federation.centres': (_input, ctx) => centres(ctx),
  'federation.centreFiles': (input, ctx) => centreFiles(ctx, input),
  'federation.centreFile': (input, ctx) => centreFile(ctx, input),
  'federation.centrePayments': (input, ctx) => centrePayments(ctx, input),
  'federation.centreRoster': (input, ctx) => centreRoster(ctx, input),
  'federation.duplicateFiles': (input, ctx) => duplicateFiles(ctx, input),
  'federation.duplicateAid': (input, ctx) => duplicateAid(ctx, input),
  'federation.exportDuplicates': (input, ctx) => exportDuplicates(ctx, input),
});
