import { pinyin } from 'pinyin-pro';

/**
 * What a name is found by when a clerk types pinyin: the full reading ("zhangsan") and the initials ("zs").
 * Surnames are read as surnames (单 shàn, 曾 zēng, 解 xiè, 仇 qiú, 区 ōu, 朴 piáo, 查 zhā, 乐 yuè; 欧阳, 司马, 尉迟 …),
 * which pinyin-pro's surname mode knows. Letters in a name (minority names written with a middle dot, a Latin
 * given name) keep their own spelling; anything else is dropped.
 */
export interface NameSearchKeys {
  pinyin: string;
  initials: string;
}

export function nameSearchKeys(name: string): NameSearchKeys {
  const syllables = pinyin(name.normalize('NFKC'), { toneType: 'none', type: 'array', surname: 'head', nonZh: 'consecutive', v: true })
    .map((s) => s.toLowerCase().replace(/[^a-z]/g, ''))
    .filter(Boolean);
  return { pinyin: syllables.join(''), initials: syllables.map((s) => s[0]).join('') };
}
