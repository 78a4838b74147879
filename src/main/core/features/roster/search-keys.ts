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

/**
 * nameSearchKeys with memory, for an import: a roster repeats names (张伟, 王芳 …) and pinyin-pro is the costliest
 * step of a row. Bounded: past `limit` names it starts afresh.
 */
export function cachedNameSearchKeys(limit = 200_000): (name: string) => NameSearchKeys {
  let cache = new Map<string, NameSearchKeys>();
  return (name) => {
    let keys = cache.get(name);
    if (!keys) {
      if (cache.size >= limit) cache = new Map();
      keys = nameSearchKeys(name);
      cache.set(name, keys);
    }
    return keys;
  };
}
