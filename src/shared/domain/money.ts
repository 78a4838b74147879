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
