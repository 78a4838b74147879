import type { FileRef, ParsedInput } from '@shared/contract';
import { periodDays, periodLabel } from '@shared/domain/report-period';
import type { CallContext } from '../../context';
import { putOutboxFile } from '../../files';
import { writeReportFile } from '../../reports/report-export';
import { buildSheets } from './reports.service';
import { reportScope } from './report-scope';

/**
 * reports.export: the tables asked for, computed now from the records as of the day (buildSheets, as the screen
 * computes them, in one read transaction so every table sees the same records), written as .xlsx or PDF to the
 * outbox; the renderer hands the file to the host (a save dialog in Electron, a download in the browser). The audit
 * entry names the period, the format and how many tables (at a federation, the centre's code or all), nothing from
 * inside them.
 */
export function exportReport(ctx: CallContext, input: ParsedInput<'reports.export'>): { jobId: string } {
  return ctx.startJob(async (job): Promise<FileRef> => {
    const scope = reportScope(ctx, input.centre);
    const sheets = ctx.sqlite.transaction(() => buildSheets(ctx, input))();
    job.progress(1, 2);
    const file = await writeReportFile(sheets, input.format, {
      fontsDir: ctx.core.resources.fontsDir,
      printedAt: ctx.clock.now(),
      periodEnd: periodDays(input.period).to,
      scope: scope?.label,
    });
    job.progress(2, 2);
    ctx.write(() =>
      ctx.audit({
        recordType: 'report',
        recordId: null,
        event: 'reports.exported',
        params: {
          period: periodLabel(input.period),
          format: input.format,
          tables: sheets.length,
          ...(scope ? { centre: input.centre ?? 'all' } : {}),
        },
      }),
    );
    return putOutboxFile(ctx.core.files, file.name, file.mime, file.bytes);
  });
}
