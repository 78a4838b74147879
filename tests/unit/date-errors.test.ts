import { describe, expect, it, vi } from 'vitest';

// The catalogue reads the chosen language from the browser's storage: none here, so Chinese.
vi.stubGlobal('localStorage', { getItem: () => null, setItem: () => undefined });
vi.stubGlobal('document', { documentElement: { lang: '' } });
const { errorMessage } = await import('@renderer/i18n/errors');

describe('a date the core refused, in the clerk’s words', () => {
  it('names the field and the reason, not just "请检查：入会日期"', () => {
    expect(errorMessage({ code: 'INVALID_INPUT', issues: [{ path: ['joinedOn'], message: 'FUTURE' }] })).toBe('入会日期不能晚于今天。');
    expect(errorMessage({ code: 'INVALID_INPUT', issues: [{ path: ['consents', 'publicNoticeOn'], message: 'BAD_DATE' }] })).toMatch(
      /^同意公示日期不对：没有这一天/,
    );
    expect(
      errorMessage({
        code: 'INVALID_INPUT',
        issues: [
          { path: ['on'], message: 'FUTURE' },
          { path: ['reason'], message: 'required' },
        ],
      }),
    ).toBe('变更日期不能晚于今天。以下内容填写有误，请检查：原因。');
  });
});
