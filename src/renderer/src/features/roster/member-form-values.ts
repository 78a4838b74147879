/**
 * What the member form holds, and how it becomes the contract's MemberInput. The checks are the core's own rules
 * (src/shared/domain), applied while typing so that the clerk sees a mistake before saving.
 */
import type { Member, MemberInput } from '@shared/contract/roster';
import { checkIdNumber } from '@shared/domain/id-number';
import { checkPhone } from '@shared/domain/phone';

export interface MemberFormValues {
  name: string;
  idNumber: string;
  ethnicity: string | null;
  phone: string;
  unitName: string;
  unionName: string;
  joinedOn: string | null;
  cardNo: string;
  note: string;
}

/** 汉族: by far the most common, so a new member starts with it. */
const DEFAULT_ETHNICITY = '01';

export const NAME_MAX = 50;
export const NOTE_MAX = 500;

export function emptyMemberValues(): MemberFormValues {
  return {
    name: '',
    idNumber: '',
    ethnicity: DEFAULT_ETHNICITY,
    phone: '',
    unitName: '',
    unionName: '',
    joinedOn: null,
    cardNo: '',
    note: '',
  };
}

/** The form for editing `member`: the ID number is left empty until the clerk reveals it to change it. */
export function memberValues(member: Member): MemberFormValues {
  return {
    name: member.name,
    idNumber: '',
    ethnicity: member.ethnicity,
    phone: member.phone ?? '',
    unitName: member.unitName ?? '',
    unionName: member.unionName ?? '',
    joinedOn: member.joinedOn,
    cardNo: member.cardNo ?? '',
    note: member.note ?? '',
  };
}

export function nameValid(name: string): boolean {
  const length = name.trim().length;
  return length >= 1 && length <= NAME_MAX;
}

export function phoneAcceptable(phone: string): boolean {
  return !phone.trim() || checkPhone(phone).ok;
}

/** Whether the form may be sent; each field shows its own problem. */
export function memberValuesAcceptable(values: MemberFormValues, today: string, checkId = true): boolean {
  return (
    nameValid(values.name) &&
    (!checkId || checkIdNumber(values.idNumber, today).ok) &&
    phoneAcceptable(values.phone) &&
    (!values.joinedOn || values.joinedOn <= today)
  );
}

const optional = (text: string) => (text.trim() ? text.trim() : undefined);

/** Empty fields are left out: the core stores them as "not known". */
export function toMemberInput(values: MemberFormValues): MemberInput {
  return {
    name: values.name.trim(),
    idNumber: values.idNumber.trim(),
    ethnicity: values.ethnicity ?? undefined,
    phone: optional(values.phone),
    unitName: optional(values.unitName),
    unionName: optional(values.unionName),
    joinedOn: values.joinedOn ?? undefined,
    cardNo: optional(values.cardNo),
    note: optional(values.note),
  };
}

/** The same values as the ones the member was opened with (saving would change nothing). */
export function sameValues(a: MemberFormValues, b: MemberFormValues): boolean {
  return JSON.stringify(toMemberInput(a)) === JSON.stringify(toMemberInput(b));
}
