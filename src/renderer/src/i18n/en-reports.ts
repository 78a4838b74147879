import type { zhCNReports, zhCNReportsCodeEntries } from './zh-CN-reports';

/** English words of the reports page (zh-CN-reports.ts says what each is). */
export const enReportsCodeEntries: typeof zhCNReportsCodeEntries = {
  errors: {
    REPORT_AS_OF_BEFORE_PERIOD: 'The "as of" day is before the period starts ({from}). Set it to {from} or later.',
    REPORT_DRILL_UNKNOWN:
      'The list behind this number can no longer be opened (the program changed or the link is incomplete). Run the report again and click once more.',
    REPORT_SCOPE_FEDERATION_ONLY:
      'This office runs as a help centre: its reports count its own files and cannot be scoped to a centre. Leave "Centre" out and run it again.',
    REPORT_CENTRE_UNKNOWN:
      'The chosen centre is not on this federation\'s list of centres (its key card may not be confirmed yet). Choose again under "Centre".',
  },
  actions: {
    'reports.tables': 'View report tables',
    'reports.drill': 'View the list behind a report number',
    'reports.export': 'Export report tables',
  },
};

export const enReports: typeof zhCNReports = {
  reports: {
    title: 'Reports',
    periodKind: 'Period',
    kinds: { month: 'Month', quarter: 'Quarter', year: 'Year', range: 'From–to' },
    year: 'Year',
    month: 'Month',
    quarter: 'Quarter',
    quarterName: 'Q{n}',
    monthName: 'Month {n}',
    from: 'From',
    to: 'To',
    asOf: 'As of',
    asOfHint: 'Records as they stood at the end of this day',
    run: 'Run report',
    problems: {
      fromMissing: 'Still needed: start date',
      toMissing: 'Still needed: end date',
      backwards: 'The start date is after the end date: swap or correct them.',
      asOfMissing: 'Still needed: the as-of day',
      asOfBeforePeriod: 'The as-of day is before the period begins ({from}): set it to {from} or later.',
    },
    computing: 'Computing…',
    computedAt: 'Computed {at}',
    reportingUnit: 'Reporting unit: {unit}',
    periodLine: 'Period: {period}, {asOf}',
    noSheets: 'Choose a period and run the report.',
    drillHeading: 'The list behind the number',
    drillTitle: 'List: {count} households',
    drillPaymentsTitle: 'List: {count} payments',
    drillEmpty: 'No records.',
    fileNo: 'File no.',
    headName: 'Head of household',
    headId: 'ID number',
    category: 'Category',
    workerType: 'Worker type',
    entryKind: 'Entry',
    mainCause: 'Main cause',
    status: 'Status now',
    stepOn: 'Day of change',
    recipient: 'Recipient',
    amount: 'Amount (yuan)',
    paidOn: 'Paid on',
    program: 'Program',
    voucherNo: 'Voucher no.',
    centre: 'Centre',
    allCentres: 'All centres combined',
    centreOption: '{name} ({code})',
    centreColumn: 'Centre',
    centreHint: 'Counted from the records the centres sent',
    noNumber: '(no number)',
    more: 'Show more',
    close: 'Close',
  },
};
