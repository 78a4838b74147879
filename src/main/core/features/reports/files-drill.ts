import type { DrillFileRow, DrillOutput } from '@shared/contract/reports';
import { maskIdNumber } from '@shared/domain/id-number';
import { AppError } from '@shared/errors';
import type { CallContext } from '../../context';
import { periodParams, SELECTION_SQL, statesWith, STEP_DAY } from './file-states';
import { filesDrillPayload } from './files-sheets';
import { endOfLocalDay, type DrillPage } from './report-frame';

/**
 * The files behind a number of the file tables: the same states and selection the number counted (file-states.ts),
 * with the cell's filters, ordered by file number. ID numbers are masked as on the file list.
 */
export function filesDrill(ctx: CallContext, raw: unknown, page: DrillPage): DrillOutput {
  const parsed = filesDrillPayload.safeParse(raw);
  if (!parsed.success) throw new AppError('REPORT_DRILL_UNKNOWN');
  const p = parsed.data;
  const query = { from: p.from, to: p.to, asOf: p.asOf, recordedBefore: endOfLocalDay(p.asOf) };
  const conditions = [SELECTION_SQL[p.sel]];
  if (p.c) conditions.push('s.category = @c');
  if (p.w) conditions.push('s.worker_type = @w');
  if (p.k) conditions.push('s.entry_kind = @k');
  if (p.notRelapsed) conditions.push("s.entry_kind <> 'relapsed'");
  if (p.m) conditions.push(p.m === 'none' ? 's.main_cause IS NULL' : 's.main_cause = @m');
  const params = { ...periodParams(query), c: p.c ?? null, w: p.w ?? null, k: p.k ?? null, m: p.m ?? null };
  const where = conditions.join(' AND ');
  const states = statesWith(ctx.sqlite, params);
  const total = ctx.sqlite.prepare(`WITH ${states} SELECT count(*) FROM states s WHERE ${where}`).pluck().get(params) as number;
  const rows = ctx.sqlite
    .prepare(
      `WITH ${states}
       SELECT f.id AS fileId, f.file_no AS fileNo, f.head_name AS headName, f.head_id_number AS idNumber, s.category,
         s.worker_type AS workerType, s.entry_kind AS entryKind, s.main_cause AS mainCause, f.status, ${STEP_DAY[p.sel] ?? 'NULL'} AS stepOn
       FROM states s JOIN hardship_files f ON f.id = s.file_id
       WHERE ${where}
       ORDER BY f.file_no IS NULL, f.file_no, f.id LIMIT @limit OFFSET @offset`,
    )
    .all({ ...params, limit: page.limit, offset: page.offset }) as (Omit<DrillFileRow, 'headIdMasked'> & { idNumber: string })[];
  return {
    kind: 'files',
    total,
    rows: rows.map(({ idNumber, ...row }) => ({ ...row, headIdMasked: maskIdNumber(idNumber) })),
  };
}
