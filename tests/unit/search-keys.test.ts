import { describe, expect, it } from 'vitest';
import { nameSearchKeys } from '../../src/main/core/features/roster/search-keys';

describe('name search keys', () => {
  it.each([
    ['张三', 'zhangsan', 'zs'],
    ['单雄信', 'shanxiongxin', 'sxx'],
    ['曾国藩', 'zengguofan', 'zgf'],
    ['解缙', 'xiejin', 'xj'],
    ['仇英', 'qiuying', 'qy'],
    ['区伯', 'oubo', 'ob'],
    ['朴树', 'piaoshu', 'ps'],
    ['查良镛', 'zhaliangyong', 'zly'],
    ['乐嘉', 'yuejia', 'yj'],
    ['欧阳修', 'ouyangxiu', 'oyx'],
    ['司马光', 'simaguang', 'smg'],
    ['吕布', 'lvbu', 'lb'],
  ])('%s reads %s / %s (surnames read as surnames)', (name, full, initials) => {
    expect(nameSearchKeys(name)).toEqual({ pinyin: full, initials });
  });

  it('keeps letters and drops punctuation in minority and mixed names', () => {
    expect(nameSearchKeys('阿依·买买提')).toEqual({ pinyin: 'ayimaimaiti', initials: 'aymmt' });
    expect(nameSearchKeys('王 Anna')).toEqual({ pinyin: 'wanganna', initials: 'wa' });
  });
});
