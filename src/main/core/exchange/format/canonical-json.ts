/**
 * Canonical JSON for the signed header and receipt lines: object keys sorted by UTF-16 code unit (as
 * `Array.prototype.sort` orders them), no whitespace, JSON.stringify's escaping. The signature covers bytes, not
 * values, so a reader never needs to re-serialise; the canonical form only makes one header one byte string, easy
 * to reproduce in a test or another language. Only plain data goes in: strings, safe integers, booleans, null,
 * arrays, objects.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new Error('canonical JSON holds safe integers only');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  throw new Error(`canonical JSON cannot hold a ${typeof value}`);
}
