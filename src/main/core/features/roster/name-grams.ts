/**
 * The tokens a name is indexed by: each character and each adjacent pair ("单雄信" → 单 雄 信 单雄 雄信). Any one- or
 * two-character part of a name is then a single token; longer parts are the AND of their pairs.
 *
 * Registered as the SQL function bangfu_grams() that the FTS triggers call (migration 0003). Its output for a
 * given name must never change: the contentless index can only delete a row by being given the same tokens.
 */
export function nameGrams(name: string): string {
  const chars = [...name].filter((c) => c.trim() !== '');
  const pairs = chars.slice(0, -1).map((c, i) => c + chars[i + 1]);
  return [...chars, ...pairs].join(' ');
}

/** An FTS5 query that finds names containing `part` (then confirmed with LIKE for parts of 3+ characters). */
export function namePartQuery(part: string): string {
  const chars = [...part].filter((c) => c.trim() !== '');
  const tokens = chars.length === 1 ? chars : chars.slice(0, -1).map((c, i) => c + chars[i + 1]);
  return tokens.map((t) => `"${t.replaceAll('"', '""')}"`).join(' AND ');
}
