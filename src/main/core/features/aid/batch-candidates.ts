import type { z } from 'zod';
import type { batchFilters } from '@shared/contract/aid-types';
import type { SchoolStage } from '@shared/domain/aid';
import type { Sqlite } from '../../db/client';
import { currentUnitRef } from '../roster/units.repo';
import type { PayableFile, SuggestProgram } from './suggestion';

/**
 * What a batch is drawn from, read in a few whole-set queries (never one query per file): 10,000 files must be read,
 * judged and written in well under 3 s (npm run bench, bench/aid.bench.ts).
 */

export type BatchFilters = z.output<typeof batchFilters>;

/** One row of a batch: a household, or for 助学 one student of it. Personal data: never logged. */
export interface Candidate {
  /** The file as the suggestion reads it (suggestion.ts PayableFile), with its number. */
  file: PayableFile & { fileNo: string | null };
  student: { id: string; name: string; schoolStage: SchoolStage } | null;
}

/** The batch's 复核 is the annual review in progress (annualReview); 在档 is active. */
const FILE_STATUS = { active: 'active', review: 'annualReview' } as const;

/** The files a batch's filters select, and their students for 助学, in file-number order. */
export function readCandidates(sqlite: Sqlite, program: Pick<SuggestProgram, 'type'>, filters: BatchFilters): Candidate[] {
  const statuses = (filters.statuses.length > 0 ? filters.statuses : (['active', 'review'] as const)).map((s) => FILE_STATUS[s]);
  const params: unknown[] = [...statuses];
  const where = [`f.deleted_at IS NULL`, `f.status IN (${statuses.map(() => '?').join(', ')})`];
  if (filters.categories.length > 0) {
    where.push(`f.category IN (${filters.categories.map(() => '?').join(', ')})`);
    params.push(...filters.categories);
  }
  if (filters.unitIds.length > 0) {
    // A unit merged into another names the one it lives on in (units.repo currentUnitRef), as the file list does.
    const refs = filters.unitIds.map((id) => currentUnitRef(sqlite, id));
    where.push(`m.unit_ref IN (${refs.map(() => '?').join(', ')})`);
    params.push(...refs);
  }
  const files = sqlite
    .prepare(
      `SELECT f.id, f.file_no AS fileNo, f.status, f.head_name AS headName, f.head_id_number AS headIdNumber, f.category,
              u.name AS unitName, json_extract(f.draft, '$.bankAccount') AS bankAccount, json_extract(f.draft, '$.bankName') AS bankName
       FROM hardship_files f
       LEFT JOIN members m ON m.id = unhex(replace(f.member_id, '-', ''))
       LEFT JOIN units u ON u.ref = m.unit_ref
       WHERE ${where.join(' AND ')}
       ORDER BY f.file_no, f.id`,
    )
    .all(...params) as Candidate['file'][];
  if (program.type !== 'education') return files.map((file) => ({ file, student: null }));

  // 助学 pays per student, in the parent's file: one row for each household member with a school stage.
  const students = sqlite
    .prepare(
      `SELECT h.file_id AS fileId, h.id, h.name, json_extract(h.details, '$.schoolStage') AS schoolStage
       FROM file_household h JOIN hardship_files f ON f.id = h.file_id
       WHERE h.deleted_at IS NULL AND json_extract(h.details, '$.schoolStage') IS NOT NULL
         AND f.deleted_at IS NULL AND f.status IN (${statuses.map(() => '?').join(', ')})
       ORDER BY h.file_id, h.position`,
    )
    .all(...statuses) as { fileId: string; id: string; name: string; schoolStage: SchoolStage }[];
  const byFile = new Map<string, NonNullable<Candidate['student']>[]>();
  for (const { fileId, ...student } of students) {
    const list = byFile.get(fileId);
    if (list) list.push(student);
    else byFile.set(fileId, [student]);
  }
  return files.flatMap((file) => (byFile.get(file.id) ?? []).map((student) => ({ file, student })));
}

/** What a household already received in the program's year (voided payments aside), for the caps. */
export interface UsedSums {
  /** This type, all programs. */
  typeYear: number;
  /** Every type. */
  totalYear: number;
  /** From this program, by student id ('' for a household payment). */
  inProgram: Map<string, number>;
}

/** Every file's sums of the year in one grouped query (the aid_payments_file_year index), not one query per file. */
export function readUsedSums(sqlite: Sqlite, program: Pick<SuggestProgram, 'id' | 'type' | 'year'>): Map<string, UsedSums> {
  const rows = sqlite
    .prepare(
      `SELECT file_id AS fileId, type, program_id = ? AS inProgram, coalesce(student_id, '') AS studentId, sum(amount_fen) AS fen
       FROM aid_payments
       WHERE file_id IS NOT NULL AND year = ? AND status <> 'voided' AND deleted_at IS NULL
       GROUP BY file_id, type, program_id = ?, coalesce(student_id, '')`,
    )
    .all(program.id, program.year, program.id) as { fileId: string; type: string; inProgram: number; studentId: string; fen: number }[];
  const sums = new Map<string, UsedSums>();
  for (const r of rows) {
    let s = sums.get(r.fileId);
    if (!s) sums.set(r.fileId, (s = { typeYear: 0, totalYear: 0, inProgram: new Map() }));
    s.totalYear += r.fen;
    if (r.type === program.type) s.typeYear += r.fen;
    if (r.inProgram) s.inProgram.set(r.studentId, (s.inProgram.get(r.studentId) ?? 0) + r.fen);
  }
  return sums;
}
