import { isProvinceCode } from './region-codes';

/**
 * 行政区划代码 (GB/T 2260): six digits, province (2) + prefecture (2) + county (2). Only the province part is checked
 * here: codes are retired and created every year, so an unknown county is the clerk's business, not ours.
 */
export function isValidRegionCode(code: string): boolean {
  const province = code.slice(0, 2);
  // 83 stands only in 台湾居民居住证 numbers, never in an office's own code.
  return /^\d{6}$/.test(code) && province !== '83' && isProvinceCode(province);
}
