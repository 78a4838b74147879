import { describe, expect, it } from 'vitest';
import { REGION_ROWS } from '@shared/domain/region-codes.data';
import { isKnownRegionCode, isProvinceCode, regionInfo, regionName } from '@shared/domain/region-codes';

const ITEM = /^~?\d{6}[\u3400-\u9fff·]+$/u;

describe('region code data (GB/T 2260, generated)', () => {
  const items = REGION_ROWS.flatMap((row) => row.split(' '));
  const codes = items.map((item) => item.replace('~', '').slice(0, 6));

  it('has current and retired codes, each six digits and a Chinese name, once, in order', () => {
    expect(items.length).toBeGreaterThan(7000);
    expect(items.filter((item) => item.startsWith('~')).length).toBeGreaterThan(3000);
    for (const item of items) expect(item).toMatch(ITEM);
    expect(new Set(codes).size).toBe(codes.length);
    expect([...codes].sort()).toEqual(codes);
  });

  it('has one row per province, and every code lies in a province of the list', () => {
    for (const row of REGION_ROWS) {
      const province = row.replace('~', '').slice(0, 2);
      expect(row.split(' ').every((item) => item.replace('~', '').startsWith(province))).toBe(true);
      expect(isProvinceCode(province)).toBe(true);
    }
  });
});

describe('province codes', () => {
  it.each([
    '11',
    '12',
    '13',
    '14',
    '15',
    '21',
    '22',
    '23',
    '31',
    '32',
    '33',
    '34',
    '35',
    '36',
    '37',
    '41',
    '42',
    '43',
    '44',
    '45',
    '46',
    '50',
    '51',
    '52',
    '53',
    '54',
    '61',
    '62',
    '63',
    '64',
    '65',
    '71',
    '81',
    '82',
    '83',
  ])('%s is a province', (code) => expect(isProvinceCode(code)).toBe(true));

  it.each(['00', '10', '16', '20', '24', '30', '38', '40', '47', '55', '60', '66', '70', '72', '80', '84', '90', '99', '1', '110', 'ab'])(
    '%s is not',
    (code) => expect(isProvinceCode(code)).toBe(false),
  );
});

describe('region lookup', () => {
  it.each([
    ['440106', '天河区', '广东省广州市天河区', true],
    ['110105', '朝阳区', '北京市朝阳区', true],
    ['110103', '崇文区', '北京市崇文区', false],
    ['440102', '东山区', '广东省广州市东山区', false],
    ['371202', '莱城区', '山东省莱芜市莱城区', false],
    ['370116', '莱芜区', '山东省济南市莱芜区', true],
    ['429004', '仙桃市', '湖北省仙桃市', true],
    ['441900', '东莞市', '广东省东莞市', true],
    ['440100', '广州市', '广东省广州市', true],
    ['440000', '广东省', '广东省', true],
    ['110100', '市辖区', '北京市市辖区', true],
    ['440101', '市辖区', '广东省广州市市辖区', false],
    ['810000', '香港特别行政区', '香港特别行政区', true],
  ])('%s → %s (%s), current %s', (code, name, fullName, current) => {
    expect(regionInfo(code)).toEqual({ code, name, fullName, current });
    expect(regionName(code)).toBe(fullName);
    expect(isKnownRegionCode(code)).toBe(true);
  });

  it.each(['440199', '449999', '999999', '', '44010', '4401066', 'abcdef'])('%j is unknown', (code) => {
    expect(isKnownRegionCode(code)).toBe(false);
    expect(regionInfo(code)).toBeUndefined();
    expect(regionName(code)).toBeUndefined();
  });
});
