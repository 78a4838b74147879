import type { MemberInput } from '@shared/contract/roster';
import { isRealDate } from '@shared/domain/calendar';
import { ethnicityName } from '@shared/domain/ethnicity';
import { checkIdNumber, type IdWarning } from '@shared/domain/id-number';
import { checkPhone } from '@shared/domain/phone';
import { AppError } from '@shared/errors';

/** A member as the core stores it, after every rule of DOMAIN.md "Member roster" / "Identifiers" has been applied. */
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

const orNull = (text: string | undefined) => (text?.trim() ? text.trim() : null);

/**
 * The same checks for a member typed in a form and a row of an imported sheet. `today` is the clerk's local date
 * (from the core's clock): a birth or membership date after it is refused.
 */
export function checkMemberInput(input: MemberInput, today: string): CheckedMember {
  const name = input.name.trim().replace(/\s+/g, ' ');
  if (!name) throw new AppError('INVALID_INPUT', undefined, [{ path: ['name'], message: 'required' }]);
  const id = checkIdNumber(input.idNumber, today);
  if (!id.ok) throw new AppError('INVALID_ID_NUMBER', { problem: id.problem });
  let phone: string | null = null;
  if (input.phone?.trim()) {
    const checked = checkPhone(input.phone);
    if (!checked.ok) throw new AppError('INVALID_PHONE');
    phone = checked.phone;
  }
  if (input.ethnicity && !ethnicityName(input.ethnicity)) {
    throw new AppError('INVALID_INPUT', undefined, [{ path: ['ethnicity'], message: 'unknown code' }]);
  }
  if (input.joinedOn) {
    const [y, m, d] = input.joinedOn.split('-').map(Number);
    if (!isRealDate(y!, m!, d!) || input.joinedOn > today) {
      throw new AppError('INVALID_INPUT', undefined, [{ path: ['joinedOn'], message: 'not a past date' }]);
    }
  }
  return {
    name,
    idNumber: id.id,
    idWarnings: id.warnings,
    phone,
    ethnicity: input.ethnicity ?? null,
    unitName: orNull(input.unitName),
    unionName: orNull(input.unionName),
    joinedOn: input.joinedOn ?? null,
    cardNo: orNull(input.cardNo),
    note: orNull(input.note),
  };
}
