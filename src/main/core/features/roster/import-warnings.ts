import type { ImportWarningCounts, RowWarning } from '@shared/contract/roster-import';
import { detached } from './import';

export type KeptWarning = RowWarning & { rowNumber: number };

/**
 * The warnings of an import's rows, cheap enough for a million rows: a count per kind (a row has at most one warning
 * of a kind, so warnings of a kind are rows) and the first `keep` warnings themselves, for the preview's list or the
 * 提示 sheet. A clean row never reaches here.
 */
export function warningTally(keep: number) {
  let rows = 0;
  let total = 0;
  const kinds = new Map<string, ImportWarningCounts['kinds'][number]>();
  const kept: KeptWarning[] = [];
  return {
    add(rowNumber: number, warnings: readonly RowWarning[]) {
      rows++;
      for (const warning of warnings) {
        total++;
        const key = `${warning.field}.${warning.problem}`;
        const kind = kinds.get(key);
        if (kind) kind.rows++;
        else kinds.set(key, { field: warning.field, problem: warning.problem, rows: 1 });
        if (kept.length < keep) kept.push(keptWarning(rowNumber, warning));
      }
    },
    /** Rows with warnings and rows per kind, most frequent first (ties in the order first met). */
    counts(): ImportWarningCounts {
      return { rows, kinds: [...kinds.values()].sort((a, b) => b.rows - a.rows) };
    },
    kept,
    /** Warnings counted but not kept. */
    left: () => total - kept.length,
  };
}

/**
 * A warning kept until the end of the import, holding nothing else: a quoted cell cut from a big string is a view
 * into it in V8 (import/text.ts detached), and 100,000 kept views could hold gigabytes of sheet XML.
 */
function keptWarning(rowNumber: number, warning: RowWarning): KeptWarning {
  const value = warning.params?.value;
  const params = typeof value === 'string' ? { ...warning.params, value: detached(value) } : warning.params;
  return { rowNumber, field: warning.field, problem: warning.problem, ...(params ? { params } : {}) };
}
