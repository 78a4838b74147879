import { describe, expect, it } from 'vitest';
import { namesDiffer, personNameKey } from '@shared/domain/person-name';

describe('personNameKey / namesDiffer', () => {
  it('takes spaces, full-width letters and the forms of a middle dot as the same name', () => {
    expect(namesDiffer('临 时工', '临时工')).toBe(false);
    expect(namesDiffer('\u3000临时工 ', '临时工')).toBe(false);
    expect(namesDiffer('阿依古丽·买买提', '阿依古丽•买买提')).toBe(false);
    expect(namesDiffer('阿依古丽・买买提', '阿依古丽.买买提')).toBe(false);
    expect(namesDiffer('ＬＩ　Ｍｉｎｇ', 'li ming')).toBe(false);
    expect(personNameKey('阿依古丽‧买买提')).toBe('阿依古丽·买买提');
  });

  it('tells another character apart, and a name with a part missing', () => {
    expect(namesDiffer('王某某', '临时工')).toBe(true);
    expect(namesDiffer('张三', '张叁')).toBe(true);
    expect(namesDiffer('阿依古丽', '阿依古丽·买买提')).toBe(true);
  });
});
