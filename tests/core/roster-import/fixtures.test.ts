import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, PEOPLE } from './support';

/** The committed fixtures stay small and synthetic (scripts/make-roster-fixtures.mjs makes them). */
describe('roster fixtures', () => {
  it('are small enough to commit', () => {
    for (const file of readdirSync(FIXTURES)) expect(statSync(join(FIXTURES, file)).size, file).toBeLessThan(64 * 1024);
  });

  it('hold only obviously synthetic people with valid GB 11643 check characters', () => {
    const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    for (const p of PEOPLE) {
      expect(p.name).toMatch(/^(测试|样例|示例)/);
      const sum = [...p.id.slice(0, 17)].reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
      expect(p.id[17]).toBe('10X98765432'[sum % 11]);
      expect(p.id.slice(6, 14)).toBe(p.birth.replaceAll('-', ''));
      expect(Number(p.id[16]) % 2).toBe(p.gender === '男' ? 1 : 0);
    }
  });
});
