/**
 * Money as it is shown and printed: integer fen as yuan with two decimals and thousands separators, exactly (no
 * floating point): 1200000 → "12,000.00". The currency sign is left to the sentence around it.
 */
export function formatYuan(fen: number): string {
  const sign = fen < 0 ? '−' : '';
  const abs = Math.abs(Math.trunc(fen));
  const yuan = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${yuan}.${String(abs % 100).padStart(2, '0')}`;
}

const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const SECTION_UNITS = ['仟', '佰', '拾', ''] as const;

/**
 * 人民币大写 of an amount in fen (docs/domain.md "人民币大写"): ¥1,409.50 → 壹仟肆佰零玖元伍角, ¥1,200.00 → 壹仟贰佰元整,
 * ¥325.04 → 叁佰贰拾伍元零肆分, ¥100,000.10 → 壹拾万元零壹角, 0 → 零元整.
 *
 * Choices where the payment rules (《支付结算办法》) allow either form, fixed here so every print agrees:
 * - 整 follows 元 when there are no 角 and 分, and nothing follows 角 (the domain's own example ¥1,409.50);
 * - when the 元 digit is 0 and 角 is not, a 零 stands before 角 (壹拾万元零壹角), as the domain's example writes it;
 * - 10–19 are 壹拾… (never a bare 拾), so nothing can be written in front of the amount.
 * Exact integer arithmetic throughout: sections are cut with remainders, never by floating-point division, so every
 * safe integer (up to ¥90 万亿) is written exactly.
 */
export function chineseUppercase(fen: number): string {
  if (!Number.isSafeInteger(fen) || fen < 0) {
    throw new RangeError('人民币大写只能写不小于零的整分金额');
  }
  const cents = fen % 100;
  const yuan = (fen - cents) / 100;
  const jiao = (cents - (cents % 10)) / 10;
  const fenDigit = cents % 10;

  if (yuan === 0 && cents === 0) return '零元整';
  let text = yuan > 0 ? `${integerText(yuan)}元` : '';
  if (cents === 0) return `${text}整`;
  if (jiao > 0) text += `${yuan > 0 && yuan % 10 === 0 ? '零' : ''}${DIGITS[jiao]}角`;
  if (fenDigit > 0) text += `${yuan > 0 && jiao === 0 ? '零' : ''}${DIGITS[fenDigit]}分`;
  return text;
}

/**
 * A positive integer in words: cut at 亿 and then at 万, each lower part written with a leading 零 when it has
 * fewer digits than its place (100,001 → 壹拾万零壹; 100,100,100 → 壹亿零壹拾万零壹佰).
 */
function integerText(n: number): string {
  for (const [size, unit] of [
    [1e8, '亿'],
    [1e4, '万'],
  ] as const) {
    if (n < size) continue;
    const low = n % size;
    const high = (n - low) / size;
    if (low === 0) return `${integerText(high)}${unit}`;
    return `${integerText(high)}${unit}${low < size / 10 ? '零' : ''}${integerText(low)}`;
  }
  return sectionText(n);
}

/** 1–9999: 1001 → 壹仟零壹, 1010 → 壹仟零壹拾, 10 → 壹拾; zeros inside collapse to one 零, trailing zeros vanish. */
function sectionText(n: number): string {
  const digits = String(n).padStart(4, '0');
  let text = '';
  let zero = false;
  for (let place = 0; place < 4; place++) {
    const digit = Number(digits[place]);
    if (digit === 0) {
      zero = text !== '';
      continue;
    }
    text += `${zero ? '零' : ''}${DIGITS[digit]}${SECTION_UNITS[place]}`;
    zero = false;
  }
  return text;
}
