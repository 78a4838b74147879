import type { ChannelOutput, ParsedInput } from '@shared/contract';
import type { CallContext } from '../../context';
import { putOutboxFile } from '../../files';
import { compareWorkbook } from './compare-export';
import { compareCounts, compareLines, findList, listLists, viewTotal } from './compare-results';

export function lists(ctx: CallContext): ChannelOutput<'compare.lists'> {
  return { lists: listLists(ctx.sqlite) };
}

export function results(ctx: CallContext, input: ParsedInput<'compare.results'>): ChannelOutput<'compare.results'> {
  const held = findList(ctx.sqlite, input.listId);
  const counts = input.withCounts ? compareCounts(ctx.sqlite, held) : null;
  const lines = compareLines(ctx.sqlite, held, input.view, {
    onlyNameMismatch: input.onlyNameMismatch,
    limit: input.pageSize,
    offset: (input.page - 1) * input.pageSize,
  });
  const total = counts ? viewTotal(counts, input.view, input.onlyNameMismatch) : null;
  return { list: held.list, counts, total, lines };
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The whole comparison as .xlsx (compare-export.ts); logged with counts only. */
export function exportComparison(ctx: CallContext, input: ParsedInput<'compare.export'>): { jobId: string } {
  return ctx.startJob(async (job) => {
    const held = findList(ctx.sqlite, input.listId);
    const { list } = held;
    const counts = compareCounts(ctx.sqlite, held);
    job.progress(1, 3);
    const all = (view: 'matched' | 'missing' | 'outreach') => compareLines(ctx.sqlite, held, view, { limit: null });
    const buffer = await compareWorkbook({
      list,
      counts,
      matched: all('matched'),
      missing: all('missing'),
      outreach: all('outreach'),
      comparedAt: ctx.now(),
    });
    job.progress(2, 3);
    job.throwIfCancelled();
    const ref = putOutboxFile(ctx.core.files, `信息比对-${list.source}.xlsx`.replace(/[\\/:*?"<>|]/g, '_'), XLSX, buffer);
    ctx.write(() =>
      ctx.audit({
        recordType: 'compareList',
        recordId: list.id,
        event: 'compare.exported',
        params: { kind: list.kind, matched: counts.matched, missing: counts.missing ?? 0, outreach: counts.outreach },
      }),
    );
    return ref;
  });
}

/**
 * Deletes a list and its rows for good: the one real DELETE of the program (someone else's data, kept only to be
 * compared). secure_delete overwrites the freed pages with zeros, and a truncating checkpoint empties the WAL, so
 * that no copy of the rows is left in the data folder's database files (backups made while the list was held keep
 * it, encrypted, until they age out: docs/domain.md). Logged with the kind and the count only.
 */
export function deleteList(ctx: CallContext, input: ParsedInput<'compare.delete'>): ChannelOutput<'compare.delete'> {
  const { list, ref } = findList(ctx.sqlite, input.listId);
  const before = ctx.sqlite.pragma('secure_delete', { simple: true }) as number;
  ctx.sqlite.pragma('secure_delete = ON');
  try {
    ctx.write(() => {
      ctx.sqlite.prepare('DELETE FROM compare_rows WHERE list_ref = ?').run(ref);
      ctx.sqlite.prepare('DELETE FROM compare_lists WHERE ref = ?').run(ref);
      ctx.audit({
        recordType: 'compareList',
        recordId: list.id,
        event: 'compare.listDeleted',
        params: { kind: list.kind, rows: list.rows },
      });
    });
  } finally {
    ctx.sqlite.pragma(`secure_delete = ${before}`);
  }
  ctx.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  return { ok: true };
}
