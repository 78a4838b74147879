/**
 * 民族 by GB 3304-91 (names of ethnic groups of China, romanisation and codes). Stored as the two-digit code; the
 * names below are the standard's and are how spreadsheets write them ("汉族", often just "汉").
 */
export const ETHNICITIES: readonly { code: string; name: string }[] = [
  '汉族',
  '蒙古族',
  '回族',
  '藏族',
  '维吾尔族',
  '苗族',
  '彝族',
  '壮族',
  '布依族',
  '朝鲜族',
  '满族',
  '侗族',
  '瑶族',
  '白族',
  '土家族',
  '哈尼族',
  '哈萨克族',
  '傣族',
  '黎族',
  '傈僳族',
  '佤族',
  '畲族',
  '高山族',
  '拉祜族',
  '水族',
  '东乡族',
  '纳西族',
  '景颇族',
  '柯尔克孜族',
  '土族',
  '达斡尔族',
  '仫佬族',
  '羌族',
  '布朗族',
  '撒拉族',
  '毛南族',
  '仡佬族',
  '锡伯族',
  '阿昌族',
  '普米族',
  '塔吉克族',
  '怒族',
  '乌孜别克族',
  '俄罗斯族',
  '鄂温克族',
  '德昂族',
  '保安族',
  '裕固族',
  '京族',
  '塔塔尔族',
  '独龙族',
  '鄂伦春族',
  '赫哲族',
  '门巴族',
  '珞巴族',
  '基诺族',
]
  .map((name, i) => ({ code: String(i + 1).padStart(2, '0'), name }))
  .concat([
    { code: '97', name: '其他' },
    { code: '98', name: '外国血统中国籍人士' },
  ]);

const BY_CODE = new Map(ETHNICITIES.map((e) => [e.code, e.name]));
const BY_NAME = new Map<string, string>();
for (const { code, name } of ETHNICITIES) {
  BY_NAME.set(name, code);
  // "汉" for "汉族", "维吾尔" for "维吾尔族": the short form is what many sheets hold.
  if (name.endsWith('族') && name.length >= 2) BY_NAME.set(name.slice(0, -1), code);
}

export function ethnicityName(code: string): string | undefined {
  return BY_CODE.get(code);
}

/** A sheet's 民族 cell (a name, a short name, or a code like 1 / 01) as the GB 3304 code, or undefined. */
export function ethnicityCodeFromText(text: string): string | undefined {
  const trimmed = text.trim();
  if (/^\d{1,2}$/.test(trimmed)) {
    const code = trimmed.padStart(2, '0');
    return BY_CODE.has(code) ? code : undefined;
  }
  return BY_NAME.get(trimmed);
}
