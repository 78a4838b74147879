import { namesDiffer } from '@shared/domain/person-name';
import type { Sqlite } from '../../db/client';
import { COUNTED } from './aid.repo';

/**
 * The emergency route's check of a typed worker against what the office already holds for the same ID number: a
 * member of the roster, or aid paid earlier (voided payments aside). A different name is a warning, never a refusal:
 * names change (marriage, a corrected character) and the clerk has the worker's card in hand. The screen says so
 * while typing (aid.suggest) and the payment keeps it for the reviewer (its basis, and an audit event without the
 * names). Only whether the names differ leaves the core: the earlier name is not shown to the clerk.
 */
export function earlierNameDiffers(sqlite: Sqlite, idNumber: string, name: string): boolean {
  if (name.trim() === '') return false;
  const names = sqlite
    .prepare(
      `SELECT name FROM members WHERE id_number = @id AND deleted_at IS NULL
       UNION SELECT recipient_name FROM aid_payments WHERE recipient_id_number = @id AND ${COUNTED}`,
    )
    .pluck()
    .all({ id: idNumber }) as string[];
  return names.some((earlier) => namesDiffer(name, earlier));
}
