import { describe, expect, it } from 'vitest';
import { idCheckChar } from '@shared/domain/id-number';
import { classifyMemberQuery } from '@shared/domain/member-search';

const REVEAL = { mayRevealIds: true };
const NO_REVEAL = { mayRevealIds: false };

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
    ['44010619900101123x', { kind: 'id-whole', text: '44010619900101123X' }],
    ['440106900101123', { kind: 'id-whole', text: `44010619900101123${idCheckChar('44010619900101123')}` }],
    ['GH-0012', { kind: 'text', text: 'GH-0012' }],
  ])('for a role that may reveal IDs: %j → %j', (raw, expected) => {
    expect(classifyMemberQuery(raw, REVEAL)).toEqual(expected);
  });

  it.each([
    ['1234', { kind: 'id-suffix', text: '1234' }],
    ['123x', { kind: 'id-suffix', text: '123X' }],
    // A tail longer than the mask shows reads the birth day; a start reads the region and the birth date.
    ['12345x', { kind: 'id-partial' }],
    ['012345', { kind: 'id-partial' }],
    ['4401061', { kind: 'id-partial' }],
    ['4401061990', { kind: 'id-partial' }],
    ['44010619900101123', { kind: 'id-partial' }],
    ['44010619900101123x', { kind: 'id-whole', text: '44010619900101123X' }],
    ['440106900101123', { kind: 'id-whole', text: `44010619900101123${idCheckChar('44010619900101123')}` }],
    ['1381234', { kind: 'phone', text: '1381234' }],
    ['雄信', { kind: 'name', text: '雄信' }],
  ])('for a role without reveal: %j → %j', (raw, expected) => {
    expect(classifyMemberQuery(raw, NO_REVEAL)).toEqual(expected);
  });

  it('never lets a role without reveal search by a digit string longer than 4 that is not a whole ID or a phone', () => {
    for (let length = 5; length <= 17; length++) {
      const digits = '4401061990010112345'.slice(0, length);
      // The first 15 of an 18-digit number being typed are no old number (their 9th–10th characters are no month).
      expect(classifyMemberQuery(digits, NO_REVEAL).kind).toBe('id-partial');
      expect(classifyMemberQuery(digits.slice(-length), NO_REVEAL).kind).not.toBe('id-suffix');
    }
  });
});
