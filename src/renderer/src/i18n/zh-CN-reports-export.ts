/** 导出 Excel / 导出 PDF of the report tables (ExportReportButtons); part of the zh-CN catalogue (see zh-CN.ts). */
export const zhCNReportsExport = {
  reportsExport: {
    xlsx: '导出 Excel',
    pdf: '导出 PDF',
  },
  /** The file a report was exported as, in the audit log's words (reports.exported). */
  reportFormats: { xlsx: '电子表格', pdf: '版式文件' },
  /** At a federation, whose records the exported tables counted (the entry keeps a centre's code, or all). */
  reportCentres: { all: '各中心合计', one: '中心 {code}' },
};
