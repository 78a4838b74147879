import { defineHandlers } from '../../context';
import * as certificate from './certificate.service';
import * as cards from './contact-cards';
import * as print from './print.service';
import * as sheet from './sheet.service';

/** The printed aid documents, each a job: vouchers (print.service.ts), payment sheets, certificates, contact cards. */
export const aidPrintHandlers = defineHandlers({
  'aid.printVouchers': (input, ctx) => print.printVouchers(ctx, input),
  'aid.printSheet': (input, ctx) => sheet.printSheet(ctx, input),
  'aid.printCertificate': (input, ctx) => certificate.printCertificate(ctx, input),
  'aid.printContactCards': (input, ctx) => cards.printContactCards(ctx, input),
});
