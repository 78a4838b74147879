/** 导出 Excel / 导出 PDF of the report tables (ExportReportButtons); part of the zh-CN catalogue (see zh-CN.ts). */
export const zhCNReportsExport = {
  reportsExport: {
    xlsx: '导出 Excel',
    pdf: '导出 PDF',
  },
};
