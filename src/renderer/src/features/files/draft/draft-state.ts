import { useReducer } from 'react';
import type { ChannelInput } from '@shared/contract';
import type { FileDetail } from '@shared/contract/hardship';
import { formatYuan, parseYuan } from '../../../components/money';
import type { Labour } from '../LabourFields';

/**
 * The hardship file form's state in one place: every section reads it and changes it through `update` (one reducer),
 * so the checks (draft-checks.ts), the live means test and the save all see the same values. Amounts are kept as typed
 * (text) until saved: a half-typed "12." must not be rounded away under the clerk's cursor.
 */

export type DraftInput = ChannelInput<'files.saveDraft'>;
type MemberInput = DraftInput['household'][number];
export interface MemberRow extends Omit<MemberInput, 'monthlyIncomeFen'> {
  key: number;
  income: string;
}
export interface ContactRow extends Omit<FileDetail['draft']['contacts'][number], 'phone'> {
  key: number;
  phone: string;
}
export interface ItemRow {
  key: number;
  kind: 'income' | 'rigid';
  code: string;
  amount: string;
}

export interface DraftState {
  members: MemberRow[];
  items: ItemRow[];
  accident: string;
  exclusions: FileDetail['draft']['exclusions'];
  mainCause: string | null;
  secondary: string[];
  workerType: FileDetail['draft']['workerType'];
  labour: Labour;
  flags: { singleParent: boolean; zeroEmployment: boolean; modelWorker: boolean };
  consents: FileDetail['draft']['consents'];
  text: { needs: string; measures: string; bankName: string; bankAccount: string };
  housing: { type: FileDetail['draft']['housingType']; band: FileDetail['draft']['housingAreaBand'] };
  home: { address: string; phone: string };
  contacts: ContactRow[];
  /** Fields the clerk has left (by field id): an ID number is judged once left, as the member form does. */
  left: Record<string, true>;
  /** A typed date the date field refused (ClerkDateInput's words, naming the field), by field id: saving waits. */
  dateProblems: Record<string, string>;
  /** A save was tried: every problem shows, with the summary beside the button. */
  submitted: boolean;
}

let nextKey = 1;
export const newKey = () => nextKey++;

const yuanText = (fen: number) => (fen === 0 ? '' : formatYuan(fen).replace(/,/g, ''));
/** An amount as typed, in fen: empty is 0; null when it cannot be read (draft-checks.ts says why). */
export const fenOf = (text: string): number | null => (text.trim() === '' ? 0 : parseYuan(text));

export function initialState(file: FileDetail): DraftState {
  const d = file.draft;
  return {
    members: file.household.map(({ idNumberMasked: _m, gender: _g, birthYear: _b, otherFiles: _o, monthlyIncomeFen, ...m }) => ({
      ...m,
      key: newKey(),
      income: yuanText(monthlyIncomeFen),
    })),
    items: d.incomeItems.map((i) => ({ key: newKey(), kind: i.kind, code: i.code, amount: yuanText(i.annualFen) })),
    accident: yuanText(d.accidentCostsFen),
    exclusions: d.exclusions,
    mainCause: d.mainCause,
    secondary: d.secondaryCauses,
    workerType: d.workerType,
    labour: { since: d.labourSince, employer: d.labourEmployer ?? '' },
    flags: { singleParent: d.singleParent, zeroEmployment: d.zeroEmployment, modelWorker: d.modelWorker },
    consents: d.consents,
    text: { needs: d.needs ?? '', measures: d.measures ?? '', bankName: d.bankName ?? '', bankAccount: '' },
    housing: { type: d.housingType, band: d.housingAreaBand },
    home: { address: d.homeAddress ?? '', phone: d.homePhone ?? '' },
    contacts: d.contacts.map((c) => ({ ...c, key: newKey(), phone: c.phone ?? '' })),
    left: {},
    dateProblems: {},
    submitted: false,
  };
}

export type DraftAction =
  | { type: 'set'; change: Partial<DraftState> }
  | { type: 'member'; key: number; change: Partial<MemberRow> }
  | { type: 'item'; key: number; change: Partial<ItemRow> }
  | { type: 'contact'; key: number; change: Partial<ContactRow> }
  | { type: 'left'; field: string };

export function draftReducer(state: DraftState, action: DraftAction): DraftState {
  switch (action.type) {
    case 'set':
      return { ...state, ...action.change };
    case 'member':
      return { ...state, members: state.members.map((m) => (m.key === action.key ? { ...m, ...action.change } : m)) };
    case 'item':
      return { ...state, items: state.items.map((i) => (i.key === action.key ? { ...i, ...action.change } : i)) };
    case 'contact':
      return { ...state, contacts: state.contacts.map((c) => (c.key === action.key ? { ...c, ...action.change } : c)) };
    case 'left':
      return state.left[action.field] ? state : { ...state, left: { ...state.left, [action.field]: true } };
  }
}

export function useDraftState(file: FileDetail) {
  const [state, dispatch] = useReducer(draftReducer, file, initialState);
  return { state, dispatch };
}
export type Dispatch = (action: DraftAction) => void;

/** What files.saveDraft is sent; call only when draft-checks.ts found no problem (every amount is readable). */
export function toInput(file: FileDetail, s: DraftState): DraftInput {
  return {
    id: file.id,
    rev: file.rev,
    household: s.members.map(({ key: _k, income, ...m }) => ({
      ...m,
      idNumber: m.idNumber?.trim() || undefined,
      monthlyIncomeFen: fenOf(income) ?? 0,
    })),
    incomeItems: s.items.map((i) => ({ kind: i.kind, code: i.code, annualFen: fenOf(i.amount) ?? 0, note: null })),
    accidentCostsFen: fenOf(s.accident) ?? 0,
    exclusions: s.exclusions,
    mainCause: s.mainCause as DraftInput['mainCause'],
    secondaryCauses: s.secondary as DraftInput['secondaryCauses'],
    workerType: s.workerType,
    // Kept as typed when the worker type changes back and forth; only a migrant worker's file is judged by it.
    labourSince: s.labour.since,
    labourEmployer: s.labour.employer.trim() || null,
    singleParent: s.flags.singleParent,
    zeroEmployment: s.flags.zeroEmployment,
    modelWorker: s.flags.modelWorker,
    housingType: s.housing.type,
    housingAreaBand: s.housing.band,
    homeAddress: s.home.address.trim() || null,
    homePhone: s.home.phone.trim() || null,
    contacts: s.contacts
      .filter((c) => c.name.trim())
      .map(({ key: _k, ...c }) => ({ ...c, name: c.name.trim(), phone: c.phone.trim() || null })),
    bankName: s.text.bankName.trim() || null,
    // Typed: a new card number; left empty: the one on file stays (it is never shown whole).
    ...(s.text.bankAccount.trim() ? { bankAccount: s.text.bankAccount.replace(/\s/g, '') } : {}),
    needs: s.text.needs.trim() || null,
    measures: s.text.measures.trim() || null,
    consents: s.consents,
  };
}
