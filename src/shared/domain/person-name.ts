import { toHalfWidth } from './half-width';

/**
 * A person's name as two clerks would agree it is the same name: spaces dropped (typed or pasted between the
 * characters), full-width letters folded, and the middle dot of a minority name (阿依古丽·买买提) taken in any of the
 * forms input methods give for it (· • ・ ‧ .), as one.
 */
export function personNameKey(name: string): string {
  return toHalfWidth(name)
    .replace(/[\s\u200B-\u200D\u2060\uFEFF]/g, '')
    .replace(/[·•・‧.\u2027\u30FB\uFF65]/g, '·')
    .toUpperCase();
}

/** Whether a name typed now differs from one registered earlier for the same ID number (a typo or another person). */
export function namesDiffer(typed: string, earlier: string): boolean {
  return personNameKey(typed) !== personNameKey(earlier);
}
