import { defineHandlers } from '../../context';
import { notBuilt } from './not-built';

/** The printed aid documents, each a job: vouchers, payment sheets, certificates, contact cards. */
export const aidPrintHandlers = defineHandlers({
  'aid.printVouchers': () => notBuilt(),
  'aid.printSheet': () => notBuilt(),
  'aid.printCertificate': () => notBuilt(),
  'aid.printContactCards': () => notBuilt(),
});
