import type { CheckedMember } from './member-input';
import { unitKey } from './units.repo';

/** A member the roster already has, as an import compares it with the sheet's row (import.service.ts). */
export interface ExistingMember {
  ref: number;
  name: string;
  phone: string | null;
  ethnicity: string | null;
  unitKey: string | null;
  unionKey: string | null;
  joinedOn: string | null;
  cardNo: string | null;
  note: string | null;
}

/** unitKey by the name as written: a sheet repeats a unit's name on every row, and folding it each time adds up. */
export function cachedUnitKey(): (name: string) => string {
  const keys = new Map<string, string>();
  return (name) => {
    let key = keys.get(name);
    if (key === undefined) keys.set(name, (key = unitKey(name)));
    return key;
  };
}

/** Whether the sheet would change a member already in the roster (empty cells leave a field as it is). */
export function wouldChange(existing: ExistingMember, m: CheckedMember, keyOf: (name: string) => string): boolean {
  const pairs: [unknown, unknown][] = [
    [existing.name, m.name],
    [existing.phone, m.phone],
    [existing.ethnicity, m.ethnicity],
    [existing.unitKey, m.unitName && keyOf(m.unitName)],
    [existing.unionKey, m.unionName && keyOf(m.unionName)],
    [existing.joinedOn, m.joinedOn],
    [existing.cardNo, m.cardNo],
    [existing.note, m.note],
  ];
  return pairs.some(([before, after]) => after !== null && after !== before);
}
