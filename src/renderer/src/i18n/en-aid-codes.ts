/** English for the coded values of aid; the type makes TypeScript report any missing key. */
import type { zhCNAidCodeEntries, zhCNAidCodes } from './zh-CN-aid-codes';

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
    hasActiveFile:
      "This worker's household has an active hardship file: pay through the file's page, where emergency aid counts toward the household's yearly caps",
    alreadyInBatch: 'Already paid in this batch',
    noCategory: 'The file has no hardship category yet',
    categoryNotCovered: "The program's standard does not cover this category",
    noLowLine: 'The local 低保 line is not set: an administrator sets it under “Policy values”',
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
  aidErrors: {
    overCap: 'The amount is more than the standard or the yearly caps allow: at most ¥{max} this time.',
    capReached: 'This household has received all the program (or this type of aid) allows this year.',
    overBudget: "The amount is more than the program's budget left (¥{left}). Only an administrator may go over it, with a reason.",
    notEligible: 'This household cannot be paid from this program now: {reason}.',
    ownEntry: '{count} of these payments were entered by you, so you cannot approve them. Another reviewer must (none was approved).',
    ownEntryNamed:
      '{count} of these payments were entered by you ({names}), so you cannot approve them. Untick them, or ask another reviewer (none was approved).',
    ownEntryFile: 'file {fileNo}',
    ownEntryEmergency: 'emergency aid (no file)',
    ownEntryMore: '{count} in all',
    wrongState: '{count} of these payments are not in a state for this step (someone may have handled them). Refresh and look again.',
    alreadyReissued: 'This voided payment has already been reissued once.',
    programStandardKind: 'The standard does not fit the aid type: this type needs a standard of the kind "{expected}".',
    programNoCategory: 'Fill in the standard for at least one hardship category.',
    programNoStage: 'Fill in an amount for at least one school stage.',
    programZeroAmount: 'The standard amount cannot be 0.',
    programTypeOrYear: 'This program already has payments: its type and year cannot change. Set up a new program instead.',
  },
  standardKinds: {
    fixed: 'fixed sum per household',
    lowLineMonths: 'months of the minimum living line',
    billShare: 'share of the self-paid bill (capped)',
    perStudent: 'sum per student by school stage',
    lossShare: 'share of the loss (capped)',
    emergency: 'small capped sum',
    service: 'service (no money)',
  },
};

/** English for the aid entries of the maps in en-codes.ts (see zhCNAidCodeEntries). */
export const enAidCodeEntries: typeof zhCNAidCodeEntries = {
  /** Messages for the AID_* error codes (shared/errors.ts). */
  errors: {
    AID_PROGRAM_INVALID: "The program's standard is incomplete or does not fit its type; fill it in as shown.",
    AID_PROGRAM_CLOSED: 'This aid program is closed: nothing more can be paid from it.',
    AID_NOT_ELIGIBLE: 'This household cannot be paid from this program now; see the reason shown.',
    AID_OVER_CAP: 'The amount is more than the standard or a yearly cap allows; lower it to the amount allowed.',
    AID_OVER_BUDGET: "The amount is more than the program's budget left. Only an administrator may go over it, with a reason.",
    AID_DUPLICATE_IN_BATCH: 'A household can be paid only once in a batch.',
    AID_WRONG_STATE: 'This payment is not in a state that allows this step; refresh and look again.',
    AID_OWN_ENTRY: 'You cannot approve a payment you entered; another reviewer must approve it.',
    AID_BATCH_CHANGED:
      'The batch changed after you confirmed it ({count} payments now wait for approval); nothing was approved. Close the dialog and check the count and total again.',
    AID_SHEET_NOT_APPROVED: 'A payment sheet lists approved payments only. None is approved here yet: have a reviewer approve them first.',
    AID_VOUCHER_NOT_APPROVED:
      'Some of the chosen payments are not approved yet, so they have no voucher number to print. Have a reviewer approve them, or choose approved payments only.',
    AID_CERTIFICATE_NOT_ACTIVE:
      'A hardship certificate is given only for an active file (在档). This file is not active now (under review, out of hardship or closed), or its annual review is overdue; issue it once the review is done.',
    AID_NO_BANK_ACCOUNT:
      'The file has no bank account, so it cannot be paid by bank transfer. Add the bank and account to the file, or pay in cash.',
  },
  errorDetails: {
    aidNoBankAccountCount:
      '{count} files have no bank account and cannot be paid by bank transfer. Add the account in the file, exclude them with a reason, or pay in cash.',
  },
  policyKeys: {
    aidYearCapTotal: 'Yearly cap of all aid per household',
    aidYearCapLiving: 'Yearly cap of living aid per household',
    aidYearCapMedical: 'Yearly cap of medical aid per household',
    aidYearCapEducation: 'Yearly cap of education aid per household',
    aidYearCapFestival: 'Yearly cap of festival aid per household',
    aidYearCapEmergency: 'Yearly cap of emergency aid per household',
    aidYearCapAccident: 'Yearly cap of accident aid per household',
  },
  fields: {
    adjustReason: 'reason for the adjustment (required below the suggested amount)',
    amountFen: 'amount (cannot be 0)',
    method: 'payment method (employment help is a service; other aid pays money)',
    emergency: 'recipient (name and ID number, for emergency aid without a file)',
    paidOn: 'payment date',
  },
  recordTypes: {
    // Aid (features/aid): the records its audit entries and NOT_FOUND name.
    aidProgram: 'Aid programme',
    aidPayment: 'Aid payment',
    aidBatch: 'Payment batch',
  },
  /** Labels of the aid.* channels (an audit entry's action is its channel). */
  actions: {
    'aid.programs': 'View aid programs',
    'aid.program': 'View an aid program',
    'aid.saveProgram': 'Save an aid program',
    'aid.setProgramStatus': 'Open or close an aid program',
    'aid.suggest': 'Work out a suggested amount',
    'aid.createPayment': 'Enter an aid payment',
    'aid.approve': 'Approve aid payments',
    'aid.markPaid': 'Mark payments paid',
    'aid.void': 'Void an aid payment',
    'aid.reissue': 'Reissue a payment',
    'aid.payment': 'View an aid payment',
    'aid.payments': 'View payments',
    'aid.fileSummary': "View a file's aid",
    'aid.batchPreview': 'Preview a payment batch',
    'aid.createBatch': 'Create a payment batch',
    'aid.batches': 'View payment batches',
    'aid.batch': 'View a payment batch',
    'aid.exportBankList': "Export the bank's transfer list",
    'aid.markPaidFromReturn': "Mark paid from the bank's return list",
    'aid.printVouchers': 'Print vouchers',
    'aid.printSheet': 'Print a payment sheet',
    'aid.printCertificate': 'Print a hardship certificate',
    'aid.printContactCards': 'Print contact cards',
    'aid.verify': 'Verify a voucher',
  },
  /** Summaries of the aid.* audit events (shared/audit-events.ts). */
  auditEvents: {
    'aid.programSaved': 'Aid program saved ({type}, {year}, new: {created})',
    'aid.programStatusSet': 'Aid program set to {status}',
    'aid.paymentCreated': 'Aid payment entered ({type}, {method}, {route}, amount adjusted: {adjusted})',
    'aid.overBudget': "Paid past the program's budget ({type}); the reason is on the payment",
    'aid.nameMismatch': 'Emergency aid entered for an ID number registered earlier under another name ({type}); flagged for review',
    'aid.batchCreated': 'Payment batch created ({type}, {count} payments, {excluded} excluded, {adjusted} adjusted)',
    'aid.paymentsApproved': '{count} payments approved, vouchers {first} to {last}',
    'aid.paymentsPaid': '{count} payments marked paid',
    'aid.paymentVoided': 'Aid payment voided ({type}, voucher {serial})',
    'aid.paymentReissued': 'Voided aid payment reissued ({type})',
    'aid.vouchersPrinted': 'Vouchers printed: {count} ({reprints} reprints, {layout})',
    'aid.sheetPrinted': 'Payment sheet printed ({count} payments, {pages} pages)',
    'aid.bankListExported': "Bank's transfer list exported: {count} payments (full account numbers)",
    'aid.certificatePrinted': 'Hardship certificate printed (serial {serial}, reprint: {reprint})',
    'aid.contactCardsPrinted': 'Contact cards printed: {count}',
  },
};
