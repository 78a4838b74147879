import type { MemberInput } from '@shared/contract/roster';
import type { ColumnMapping, RowProblem } from '@shared/contract/roster-import';
import type { IdWarning } from '@shared/domain/id-number';
import { AppError } from '@shared/errors';
import { checkImportRow } from './import-row';

/** A member as the core stores it, after every rule of docs/domain.md "Member roster" / "Identifiers" has been applied. */
export interface CheckedMember {
  name: string;
  idNumber: string;
  idWarnings: IdWarning[];
  phone: string | null;
  ethnicity: string | null;
  unitName: string | null;
  unionName: string | null;
  joinedOn: string | null;
  cardNo: string | null;
  note: string | null;
}

/** The form's fields laid out as a row of a sheet, so a typed member and an imported one meet the same checks. */
const FORM_COLUMNS: ColumnMapping = { name: 0, idNumber: 1, ethnicity: 2, phone: 3, unit: 4, union: 5, joinedOn: 6, cardNo: 7, note: 8 };
const FORM_FIELD: Partial<Record<RowProblem['field'], string>> = { unit: 'unitName', union: 'unionName' };

/**
 * A member typed in a form: the import's row check (checkImportRow), so the form and a sheet accept exactly the
 * same values. What an import would leave empty with a warning (a bad phone, an unknown 民族, a join date in the
 * future) is an error here: the clerk is at the keyboard and can correct it. The first problem becomes the error
 * the form shows; the ID number's notices travel with the member. `today` is the clerk's local date.
 */
export function checkMemberInput(input: MemberInput, today: string): CheckedMember {
  const cells = [
    input.name,
    input.idNumber,
    input.ethnicity,
    input.phone,
    input.unitName,
    input.unionName,
    input.joinedOn,
    input.cardNo,
    input.note,
  ];
  const outcome = checkImportRow(
    cells.map((cell) => cell ?? null),
    FORM_COLUMNS,
    today,
  );
  const blocking = outcome.ok ? outcome.warnings?.find((warning) => warning.field !== 'idNumber') : outcome.problems[0];
  if (outcome.ok && !blocking) return outcome.member;
  const first = blocking!; // a rejected row always has a problem
  if (first.field === 'idNumber') throw new AppError('INVALID_ID_NUMBER', { problem: first.problem });
  if (first.field === 'phone') throw new AppError('INVALID_PHONE');
  throw new AppError('INVALID_INPUT', undefined, [{ path: [FORM_FIELD[first.field] ?? first.field], message: first.problem }]);
}
