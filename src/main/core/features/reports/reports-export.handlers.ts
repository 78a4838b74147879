import { defineHandlers } from '../../context';
import { exportReport } from './reports-export.service';

export const reportsExportHandlers = defineHandlers({
  'reports.export': (input, ctx) => exportReport(ctx, input),
});
