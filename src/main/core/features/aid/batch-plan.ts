import type { AidSuggestion } from '@shared/contract/aid-types';
import type { Sqlite } from '../../db/client';
import { readCandidates, readUsedSums, type BatchFilters, type Candidate, type UsedSums } from './batch-candidates';
import { suggestEnv, suggestFor, type SuggestProgram } from './suggestion';

export interface PlannedRow {
  candidate: Candidate;
  suggestion: AidSuggestion;
  /** What the row pays; null when it pays nothing (not eligible, or excluded). */
  amountFen: number | null;
}

/** A row's key in a batch: the household, and for 助学 the student (the unique index aid_payments_batch_file). */
export const rowKey = (fileId: string, studentId: string | null) => `${fileId}|${studentId ?? ''}`;

/**
 * Judges every row of a batch in file order as if each were paid before the next (suggestion.ts suggestFor, the
 * one place the caps are applied), from facts read for all files at once (batch-candidates.ts). What a row pays
 * counts against its household's caps for the household's next row (a second student of 助学) and against the
 * program's budget for every row after it, so the rows together never exceed what each cap allows.
 * `decide` says what a row pays, given its suggestion; it may throw to refuse the whole batch.
 */
export function planBatch(
  sqlite: Sqlite,
  program: SuggestProgram,
  filters: BatchFilters,
  today: string,
  decide: (candidate: Candidate, suggestion: AidSuggestion) => number | null,
): PlannedRow[] {
  const env = suggestEnv(sqlite, program, today);
  const used = readUsedSums(sqlite, program);
  const perStudent = program.type === 'education';
  return readCandidates(sqlite, program, filters).map((candidate) => {
    const { file, student } = candidate;
    let sums = used.get(file.id);
    const studentKey = perStudent ? (student?.id ?? '') : '';
    const inProgram = perStudent ? (sums?.inProgram.get(studentKey) ?? 0) : sumOf(sums?.inProgram);
    const suggestion = suggestFor(
      sqlite,
      program,
      {
        fileId: file.id,
        studentId: student?.id ?? null,
        baseFen: null,
        known: { file, student, used: { inProgram, ofType: sums?.typeYear ?? 0, total: sums?.totalYear ?? 0 } },
      },
      today,
      env,
    );
    const amountFen = decide(candidate, suggestion);
    if (amountFen) {
      if (!sums) used.set(file.id, (sums = { typeYear: 0, totalYear: 0, inProgram: new Map() } satisfies UsedSums));
      sums.typeYear += amountFen;
      sums.totalYear += amountFen;
      sums.inProgram.set(studentKey, (sums.inProgram.get(studentKey) ?? 0) + amountFen);
      env.committedFen += amountFen;
    }
    return { candidate, suggestion, amountFen };
  });
}

function sumOf(values: Map<string, number> | undefined): number {
  let sum = 0;
  for (const v of values?.values() ?? []) sum += v;
  return sum;
}
