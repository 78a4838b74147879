import { idCheckChar } from '@shared/domain/id-number';
import { currentCountyCodes } from '@shared/domain/region-codes';
import type { CheckedMember } from './member-input';

/**
 * Synthetic members for trying the program and for benchmarks — never real people. Surnames follow their
 * frequency in China (the 2020 census ranking, top 60 with rough shares), given names are one or two common
 * characters, region codes are real current counties, ID numbers have valid check characters, dates are plausible
 * (born 1962–2004, joined after turning 18), and units repeat as in a real district.
 */
const SURNAMES: [string, number][] = [
  ['王', 72],
  ['李', 71],
  ['张', 68],
  ['刘', 53],
  ['陈', 46],
  ['杨', 33],
  ['黄', 25],
  ['赵', 20],
  ['吴', 20],
  ['周', 19],
  ['徐', 15],
  ['孙', 15],
  ['马', 13],
  ['朱', 13],
  ['胡', 12],
  ['郭', 11],
  ['何', 11],
  ['林', 10],
  ['高', 10],
  ['罗', 10],
  ['郑', 9],
  ['梁', 9],
  ['谢', 7],
  ['宋', 7],
  ['唐', 6],
  ['许', 6],
  ['韩', 6],
  ['冯', 6],
  ['邓', 6],
  ['曹', 6],
  ['彭', 5],
  ['曾', 5],
  ['肖', 5],
  ['田', 5],
  ['董', 5],
  ['袁', 5],
  ['潘', 4],
  ['于', 4],
  ['蒋', 4],
  ['蔡', 4],
  ['余', 4],
  ['杜', 4],
  ['叶', 4],
  ['程', 4],
  ['苏', 3],
  ['魏', 3],
  ['吕', 3],
  ['丁', 3],
  ['任', 3],
  ['沈', 3],
  ['姚', 3],
  ['卢', 3],
  ['姜', 3],
  ['崔', 3],
  ['钟', 3],
  ['谭', 3],
  ['陆', 3],
  ['汪', 3],
  ['范', 3],
  ['单', 1],
  ['欧阳', 1],
  ['司马', 1],
  ['解', 1],
  ['仇', 1],
  ['区', 1],
  ['朴', 1],
  ['查', 1],
  ['乐', 1],
];
const GIVEN =
  '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华红玉萍建国文斌辉力飞宇浩然子涵欣怡梓轩佳琪雨泽思远晨阳俊凯志鹏海燕春梅金凤淑珍玉兰秀珍桂英德福永胜国强';
const PLACES = ['天河', '越秀', '海珠', '荔湾', '白云', '黄埔', '番禺', '花都', '南沙', '从化', '增城'];
const TRADES = [
  '机床厂',
  '纺织厂',
  '建筑工程有限公司',
  '物业管理有限公司',
  '环卫所',
  '客运有限公司',
  '食品有限公司',
  '商贸有限公司',
  '电子科技有限公司',
  '医院',
  '学校',
  '街道办事处',
];

/** A small deterministic generator (mulberry32): the same seed gives the same roster. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface DemoMember extends CheckedMember {
  status: 'active';
}

export function* demoMembers(count: number, seed = 20261121): Generator<DemoMember> {
  const next = random(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  const surnameTotal = SURNAMES.reduce((sum, [, weight]) => sum + weight, 0);
  const surname = () => {
    let r = next() * surnameTotal;
    for (const [name, weight] of SURNAMES) if ((r -= weight) < 0) return name;
    return SURNAMES[0]![0];
  };
  const regions = currentCountyCodes();
  const units = Array.from(
    { length: Math.max(20, Math.ceil(count / 400)) },
    (_, i) =>
      `广州市${PLACES[i % PLACES.length]}区${pick(['第一', '第二', '东方', '新华', '红旗', '南方', '利民'])}${TRADES[i % TRADES.length]}`,
  );
  const used = new Set<string>();
  for (let i = 0; i < count; i++) {
    const year = 1962 + Math.floor(next() * 43);
    const month = 1 + Math.floor(next() * 12);
    const day = 1 + Math.floor(next() * 28);
    const male = next() < 0.55;
    let idNumber: string;
    do {
      const sequence = Math.floor(next() * 500) * 2 + (male ? 1 : 0); // the 17th digit is odd for men
      const first17 = `${pick(regions)}${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}${String(sequence).padStart(3, '0')}`;
      idNumber = first17 + idCheckChar(first17);
    } while (used.has(idNumber));
    used.add(idNumber);
    const given = next() < 0.25 ? pick([...GIVEN]) : pick([...GIVEN]) + pick([...GIVEN]);
    const unit = pick(units);
    const joinedYear = Math.min(2025, year + 18 + Math.floor(next() * 20)); // never after today
    yield {
      name: surname() + given,
      idNumber,
      idWarnings: [],
      phone: `1${pick(['3', '5', '7', '8', '9'])}${String(Math.floor(next() * 1e9)).padStart(9, '0')}`,
      ethnicity: next() < 0.91 ? '01' : pick(['03', '08', '06', '02', '11', '05']),
      unitName: unit,
      unionName: `${unit}工会`,
      joinedOn: `${joinedYear}-${String(1 + Math.floor(next() * 12)).padStart(2, '0')}-01`,
      cardNo: `GH${String(i + 1).padStart(7, '0')}`,
      note: null,
      status: 'active',
    };
  }
}
