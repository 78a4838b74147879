/**
 * 行政区划代码 (GB/T 2260): six digits, province (2) + prefecture (2) + county (2). Only the province part is checked
 * here: codes are retired and created every year, so an unknown county is the clerk's business, not ours.
 */
const PROVINCES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65',
  '71', '81', '82',
]);

export function isValidRegionCode(code: string): boolean {
  return /^\d{6}$/.test(code) && PROVINCES.has(code.slice(0, 2));
}
