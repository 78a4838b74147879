import { describe, expect, it } from 'vitest';
import { redact } from '../../src/main/core/log';

describe('log redaction', () => {
  it('removes ID numbers, phones, bank cards and Chinese text from anything logged', () => {
    const text = redact('insert failed for 张三 id 11010519491231002X phone 13812345678 card 6222021234567890123 tel 010-87654321');
    expect(text).not.toMatch(/张三|11010519491231002X|13812345678|6222021234567890123|87654321/);
    expect(text).toContain('[id]');
    expect(text).toContain('[phone]');
  });
});
