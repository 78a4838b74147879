/** The import's codes in the clerk's words: row problems and warnings (as in the rejected-rows file), file problems, columns. */
import { ROSTER_IMPORT_FIELDS, type RosterImportField, type RowProblem, type RowWarning } from '@shared/contract/roster-import';
import type { AppErrorShape } from '@shared/errors';
import { interpolate, knownText, t } from '../../i18n';
import { errorMessage } from '../../i18n/errors';

export function fieldLabel(field: RosterImportField | 'row'): string {
  return t(`rosterImport.fields.${field}`);
}

/** 身份证号被 Excel 当作数字保存… — an unknown code shows as it is rather than being hidden. */
export function problemText(problem: RowProblem): string {
  const words =
    knownText(`rosterImport.fieldProblems.${problem.field}.${problem.problem}`) ??
    knownText(`rosterImport.problems.${problem.problem}`) ??
    problem.problem;
  const params: Record<string, string | number> = { ...problem.params };
  return t('rosterImport.problem', { field: fieldLabel(problem.field), text: interpolate(words, params) });
}

/** A field+problem text of a warning catalogue (warnings, warningKinds), TOO_LONG for any text field. */
function warningWords(catalogue: 'warnings' | 'warningKinds', warning: Pick<RowWarning, 'field' | 'problem'>): string {
  return (
    knownText(`rosterImport.${catalogue}.${warning.field}.${warning.problem}`) ??
    knownText(`rosterImport.${catalogue}.${warning.problem}`) ??
    warning.problem
  );
}

/** 手机/电话：“1381234”不是有效的手机号或电话号码，已留空 — the cell quoted when the core quoted it. */
export function warningText(warning: RowWarning): string {
  const gender = warning.params?.gender;
  const params: Record<string, string | number> = {
    ...warning.params,
    ...(gender === 'male' || gender === 'female' ? { gender: t(`genders.${gender}`) } : {}),
  };
  const text = interpolate(warningWords('warnings', warning), params);
  const field = fieldLabel(warning.field);
  const value = warning.params?.value;
  return typeof value === 'string'
    ? t('rosterImport.warningLine', { field, value, text })
    : t('rosterImport.warningLineNoValue', { field, text });
}

/** 手机/电话无效，已留空 — one kind of warning in the preview's summary. */
export function warningKindText(kind: Pick<RowWarning, 'field' | 'problem'>): string {
  return interpolate(warningWords('warningKinds', kind), { field: fieldLabel(kind.field) });
}

/** Why a file could not be read (INVALID_INPUT with params.reason) or another refusal, in words. */
export function importErrorMessage(error: AppErrorShape): string {
  const reason = error.params?.reason;
  if (error.code === 'INVALID_INPUT' && typeof reason === 'string') {
    const text = knownText(`rosterImport.fileProblems.${reason}`);
    if (text) return text;
  }
  return errorMessage(error);
}

/** A, B, … Z, AA: the column letters the clerk sees in Excel. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

export function isImportField(value: string | null): value is RosterImportField {
  return ROSTER_IMPORT_FIELDS.some((field) => field === value);
}
