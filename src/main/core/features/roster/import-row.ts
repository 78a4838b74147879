import type { ColumnMapping, RosterImportField, RowProblem } from '@shared/contract/roster-import';
import type { MemberStatus } from '@shared/contract/roster';
import { ethnicityCodeFromText } from '@shared/domain/ethnicity';
import { checkIdNumber, idNumberFromSheetCell } from '@shared/domain/id-number';
import { checkPhone } from '@shared/domain/phone';
import { parseSheetDate } from '@shared/domain/sheet-date';
import type { CheckedMember } from './member-input';
import { cellText, normalizeName, type CellValue } from './import';

/** A row that can become (or update) a member, or the reasons it cannot. */
export type RowOutcome =
  | { ok: true; member: CheckedMember; status: MemberStatus | null }
  | { ok: false; problems: RowProblem[] };

const STATUS_WORDS: Record<string, MemberStatus> = { 在册: 'active', 正常: 'active', 转出: 'transferred', 退会: 'withdrawn', 去世: 'deceased', 死亡: 'deceased' };
const GENDER_WORDS: Record<string, 'male' | 'female'> = { 男: 'male', 女: 'female', m: 'male', f: 'female', male: 'male', female: 'female' };

/**
 * Checks one data row with the rules of docs/domain.md "Member roster" / "Identifiers", collecting every problem so the
 * grassroots union can fix the row in one go. Gender and birth date in the sheet are compared with the ID number.
 */
export function checkImportRow(cells: readonly CellValue[], mapping: ColumnMapping, today: string): RowOutcome {
  const problems: RowProblem[] = [];
  const raw = (field: RosterImportField): CellValue => {
    const column = mapping[field];
    return column === undefined ? null : (cells[column] ?? null);
  };
  const text = (field: RosterImportField) => cellText(raw(field));
  const problem = (field: RosterImportField, code: string, params?: RowProblem['params']) => problems.push({ field, problem: code, ...(params ? { params } : {}) });

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

  const genderText = text('gender');
  if (genderText && idFacts) {
    const gender = GENDER_WORDS[genderText.toLowerCase()];
    if (!gender) problem('gender', 'UNKNOWN');
    else if (gender !== idFacts.gender) problem('gender', 'MISMATCH');
  }
  if (raw('birthDate') !== null && idFacts) {
    const date = parseSheetDate(raw('birthDate'));
    if (!date.ok) problem('birthDate', 'BAD_DATE');
    else if (date.precision === 'day' ? date.date !== idFacts.birthDate : date.date.slice(0, 7) !== idFacts.birthDate.slice(0, 7)) {
      problem('birthDate', 'MISMATCH');
    }
  }

  let phone: string | null = null;
  const phoneText = text('phone');
  if (phoneText) {
    const checked = checkPhone(phoneText);
    if (checked.ok) phone = checked.phone;
    else problem('phone', 'BAD_PHONE');
  }

  let ethnicity: string | null = null;
  const ethnicityText = text('ethnicity');
  if (ethnicityText) {
    ethnicity = ethnicityCodeFromText(ethnicityText) ?? null;
    if (!ethnicity) problem('ethnicity', 'UNKNOWN');
  }

  let joinedOn: string | null = null;
  if (raw('joinedOn') !== null) {
    const date = parseSheetDate(raw('joinedOn'));
    if (!date.ok) problem('joinedOn', 'BAD_DATE');
    else if (date.date > today) problem('joinedOn', 'FUTURE');
    else joinedOn = date.date;
  }

  let status: MemberStatus | null = null;
  const statusText = text('status');
  if (statusText) {
    status = STATUS_WORDS[statusText] ?? null;
    if (!status) problem('status', 'UNKNOWN');
  }

  if (problems.length > 0 || !name || !idNumber) return { ok: false, problems };
  return {
    ok: true,
    status,
    member: {
      name,
      idNumber,
      idWarnings,
      phone,
      ethnicity,
      unitName: text('unit'),
      unionName: text('union'),
      joinedOn,
      cardNo: text('cardNo'),
      note: text('note'),
    },
  };
}
