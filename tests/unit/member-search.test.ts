import { describe, expect, it } from 'vitest';
import { classifyMemberQuery } from '@shared/domain/member-search';

describe('reading the roster search box', () => {
  it.each([
    ['', { kind: 'all' }],
    ['   ', { kind: 'all' }],
    ['雄信', { kind: 'name', text: '雄信' }],
    [' 张 三 ', { kind: 'name', text: '张三' }],
    ['zs', { kind: 'pinyin', text: 'zs' }],
    ['ZhangSan', { kind: 'pinyin', text: 'zhangsan' }],
    ['ｓｘｘ', { kind: 'pinyin', text: 'sxx' }],
    ['1234', { kind: 'id-suffix', text: '1234' }],
    ['12345x', { kind: 'id-suffix', text: '12345X' }],
    ['０１２３４', { kind: 'id-suffix', text: '01234' }],
    ['1381234', { kind: 'phone', text: '1381234' }],
    ['138-1234-5678', { kind: 'phone', text: '13812345678' }],
    ['4401061990', { kind: 'id-prefix', text: '4401061990' }],
    ['44010619900101123x', { kind: 'id-prefix', text: '44010619900101123X' }],
    ['GH-0012', { kind: 'text', text: 'GH-0012' }],
  ])('%j → %j', (raw, expected) => {
    expect(classifyMemberQuery(raw)).toEqual(expected);
  });
});
