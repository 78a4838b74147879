import { defineHandlers } from '../../context';
import * as print from './print.service';

/** The three printed documents of a hardship file, each a job (print.service.ts). */
export const hardshipPrintHandlers = defineHandlers({
  'files.printApplication': (input, ctx) => print.printApplication(ctx, input),
  'files.printVisit': (input, ctx) => print.printVisit(ctx, input),
  'files.printNotice': (input, ctx) => print.printNotice(ctx, input),
});
