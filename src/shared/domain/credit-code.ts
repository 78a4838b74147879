import { toHalfWidth } from './half-width';

/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character alphabet (no I, O, Z, S, V); the last one is
 * a check character, mod 31 over the first 17 with fixed weights. Some early codes fail the check, so a bad check
 * is a warning for the clerk, never a block (docs/domain.md "Identifiers").
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const FORMAT = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

export type CreditCodeCheck = 'ok' | 'bad-format' | 'bad-check';

export function normalizeCreditCode(raw: string): string {
  // Full-width letters and digits come in from Chinese input methods.
  return toHalfWidth(raw).replace(/\s+/g, '').toUpperCase();
}

export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(first17[i]!) * WEIGHTS[i]!;
  const check = (31 - (sum % 31)) % 31;
  return ALPHABET[check]!;
}

export function checkCreditCode(raw: string): CreditCodeCheck {
  const code = normalizeCreditCode(raw);
  if (!FORMAT.test(code)) return 'bad-format';
  return creditCodeCheckChar(code.slice(0, 17)) === code[17] ? 'ok' : 'bad-check';
}
