import type { ColumnMapping, RosterImportField, RowProblem, RowWarning } from '@shared/contract/roster-import';
import { memberInput, type MemberStatus } from '@shared/contract/roster';
import { ethnicityCodeFromText } from '@shared/domain/ethnicity';
import { checkIdNumber, idNumberFromSheetCell } from '@shared/domain/id-number';
import { checkPhone } from '@shared/domain/phone';
import { parseSheetDate } from '@shared/domain/sheet-date';
import type { CheckedMember } from './member-input';
import { cellText, normalizeName, type CellValue } from './import';

/**
 * A row that can become (or update) a member, or the reasons it cannot. `warnings` (absent when there are none, so
 * that a clean row costs nothing more) says what the row got instead of what the sheet says: see rowWarning.
 */
export type RowOutcome =
  { ok: true; member: CheckedMember; status: MemberStatus | null; warnings?: RowWarning[] } | { ok: false; problems: RowProblem[] };

const STATUS_WORDS: Record<string, MemberStatus> = {
  在册: 'active',
  正常: 'active',
  转出: 'transferred',
  退会: 'withdrawn',
  去世: 'deceased',
  死亡: 'deceased',
};
const GENDER_WORDS: Record<string, 'male' | 'female'> = {
  男: 'male',
  女: 'female',
  m: 'male',
  f: 'female',
  male: 'male',
  female: 'female',
};

/** The longest free texts a member keeps: the form's limits (memberInput), so a sheet cannot store more than a form. */
const TEXT_LIMITS = {
  unit: memberInput.shape.unitName.unwrap().maxLength!,
  union: memberInput.shape.unionName.unwrap().maxLength!,
  cardNo: memberInput.shape.cardNo.unwrap().maxLength!,
  note: memberInput.shape.note.unwrap().maxLength!,
};

/** A warning quotes the cell as written, cut short: the preview shows it and a hostile cell can be 32,767 long. */
const QUOTED_LENGTH = 40;
const quoted = (text: string) => (text.length > QUOTED_LENGTH ? `${text.slice(0, QUOTED_LENGTH)}…` : text);

/**
 * Checks one data row with the rules of docs/domain.md "Member roster" / "Identifiers". Without a name or a valid ID
 * number the row cannot be a member: it is rejected, with every problem found, so the grassroots union can fix the
 * row in one go. Anything else that is unusable does not cost the clerk the member: an optional field is left empty
 * and a gender or birth date that contradicts the ID number follows the ID number, each with a warning.
 */
export function checkImportRow(cells: readonly CellValue[], mapping: ColumnMapping, today: string): RowOutcome {
  const problems: RowProblem[] = [];
  const raw = (field: RosterImportField): CellValue => {
    const column = mapping[field];
    return column === undefined ? null : (cells[column] ?? null);
  };
  const text = (field: RosterImportField) => cellText(raw(field));
  const problem = (field: RosterImportField, code: string, params?: RowProblem['params']) =>
    problems.push({ field, problem: code, ...(params ? { params } : {}) });

  const name = normalizeName(text('name') ?? '');
  if (!name) problem('name', 'EMPTY');

  let idNumber: string | null = null;
  let idWarnings: CheckedMember['idWarnings'] = [];
  let idFacts: { gender: 'male' | 'female'; birthDate: string } | null = null;
  const idCell = idNumberFromSheetCell(raw('idNumber'));
  if ('problem' in idCell) problem('idNumber', idCell.problem);
  else {
    const checked = checkIdNumber(idCell.raw, today);
    if (checked.ok) {
      idNumber = checked.id;
      idWarnings = checked.warnings;
      idFacts = { gender: checked.gender, birthDate: checked.birthDate };
    } else problem('idNumber', checked.problem);
  }

  let warnings: RowWarning[] | undefined;
  const warn = (field: RosterImportField, code: string, params?: RowWarning['params']) => {
    (warnings ??= []).push({ field, problem: code, ...(params ? { params } : {}) });
  };
  for (const warning of idWarnings) warn('idNumber', warning);

  // Gender and birth date are not stored: the ID number holds them. The sheet's words are only compared with it.
  const genderText = text('gender');
  if (genderText && idFacts) {
    const gender = GENDER_WORDS[genderText.toLowerCase()];
    if (gender !== idFacts.gender) warn('gender', gender ? 'MISMATCH' : 'UNKNOWN', { value: quoted(genderText), gender: idFacts.gender });
  }
  if (raw('birthDate') !== null && idFacts) {
    const date = parseSheetDate(raw('birthDate'));
    const value = () => ({ value: quoted(text('birthDate') ?? '') });
    if (!date.ok) warn('birthDate', 'BAD_DATE', value());
    else if (date.precision === 'day' ? date.date !== idFacts.birthDate : date.date.slice(0, 7) !== idFacts.birthDate.slice(0, 7)) {
      warn('birthDate', 'MISMATCH', value());
    }
  }

  let phone: string | null = null;
  const phoneText = text('phone');
  if (phoneText) {
    const checked = checkPhone(phoneText);
    if (checked.ok) phone = checked.phone;
    else warn('phone', 'BAD_PHONE', { value: quoted(phoneText) });
  }

  let ethnicity: string | null = null;
  const ethnicityText = text('ethnicity');
  if (ethnicityText) {
    ethnicity = ethnicityCodeFromText(ethnicityText) ?? null;
    if (!ethnicity) warn('ethnicity', 'UNKNOWN', { value: quoted(ethnicityText) });
  }

  let joinedOn: string | null = null;
  if (raw('joinedOn') !== null) {
    const date = parseSheetDate(raw('joinedOn'));
    if (!date.ok) warn('joinedOn', 'BAD_DATE', { value: quoted(text('joinedOn') ?? '') });
    else if (date.date > today) warn('joinedOn', 'FUTURE', { value: quoted(text('joinedOn') ?? '') });
    else joinedOn = date.date;
  }

  const limited = (field: keyof typeof TEXT_LIMITS): string | null => {
    const value = text(field);
    if (value === null || value.length <= TEXT_LIMITS[field]) return value;
    warn(field, 'TOO_LONG', { max: TEXT_LIMITS[field] });
    return null;
  };
  const unitName = limited('unit');
  const unionName = limited('union');
  const cardNo = limited('cardNo');
  const note = limited('note');

  // An unknown status stays a rejection: an empty status means 在册, so leaving it empty would enrol as active a
  // member the sheet may say has left or died.
  let status: MemberStatus | null = null;
  const statusText = text('status');
  if (statusText) {
    status = STATUS_WORDS[statusText] ?? null;
    if (!status) problem('status', 'UNKNOWN', { value: quoted(statusText) });
  }

  if (problems.length > 0 || !name || !idNumber) {
    // Sent back to be fixed: what would have been left empty is worth fixing too (ID notices are not problems).
    for (const w of warnings ?? []) if (w.field !== 'idNumber') problems.push(w);
    return { ok: false, problems };
  }
  const member: CheckedMember = { name, idNumber, idWarnings, phone, ethnicity, unitName, unionName, joinedOn, cardNo, note };
  return warnings ? { ok: true, status, member, warnings } : { ok: true, status, member };
}
