/** English for the coded values of aid; the type makes TypeScript report any missing key. */
import type { zhCNAidCodes } from './zh-CN-aid-codes';

export const enAidCodes: typeof zhCNAidCodes = {
  aidTypes: {
    living: 'Living aid',
    medical: 'Medical aid',
    education: 'Education aid',
    festival: 'Festival aid',
    emergency: 'Emergency aid',
    accident: 'Accident aid',
    employment: 'Employment help',
  },
  fundSources: { central: 'Central special funds', local: 'Local government funds', union: 'Union funds', donation: 'Donations' },
  paymentStatuses: { pending: 'Awaiting approval', approved: 'To be paid', paid: 'Paid', voided: 'Voided' },
  paymentMethods: { bank: 'Bank transfer', cash: 'Cash', service: 'Service (no money)' },
  programStatuses: { open: 'Open', closed: 'Closed' },
  aidIneligible: {
    programClosed: 'The program is closed',
    fileNotActive: 'The file is not active (only active files or files under review can be paid)',
    alreadyInBatch: 'Already paid in this batch',
    noCategory: 'The file has no hardship category yet',
    categoryNotCovered: "The program's standard does not cover this category",
    noLowLine: 'The local 低保 line is not set',
    noBase: 'Enter the self-paid part of the bill or the loss first',
    stageNotCovered: "The program's standard does not cover this school level",
    notAStudent: 'Not a student of this household',
    capReached: "This year's allowance is used up",
  },
  aidCaps: {
    standard: "Program's standard",
    typeYear: 'Yearly cap of {type}',
    totalYear: 'Yearly cap of all aid',
    budget: "Program's budget left",
  },
  yesNo: { yes: 'yes', no: 'no' },
  aidRoutes: { file: 'from a file', emergency: 'emergency route (no file)' },
  voucherLayouts: { 'a4-three': 'A4, three parts', a5: 'A5, one part' },
};
