import type { zhCNReportsExport } from './zh-CN-reports-export';

/** English words of the report export buttons (zh-CN-reports-export.ts says what each is). */
export const enReportsExport: typeof zhCNReportsExport = {
  reportsExport: {
    xlsx: 'Export Excel',
    pdf: 'Export PDF',
  },
  reportFormats: { xlsx: 'spreadsheet', pdf: 'PDF' },
  reportCentres: { all: 'all centres combined', one: 'centre {code}' },
};
