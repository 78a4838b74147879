import { defineHandlers } from '../../context';
import { notBuilt } from './not-built';
import * as print from './print.service';
import * as sheet from './sheet.service';

/** The printed aid documents, each a job: vouchers, payment sheets, certificates, contact cards (print.service.ts). */
export const aidPrintHandlers = defineHandlers({
  'aid.printVouchers': (input, ctx) => print.printVouchers(ctx, input),
  'aid.printSheet': (input, ctx) => sheet.printSheet(ctx, input),
  'aid.printCertificate': () => notBuilt(),
  'aid.printContactCards': () => notBuilt(),
});
