import { describe, expect, it, vi } from 'vitest';

// The catalogue reads the chosen language from the browser's storage: none here, so Chinese.
vi.stubGlobal('localStorage', { getItem: () => null, setItem: () => undefined });
vi.stubGlobal('document', { documentElement: { lang: '' } });
const { errorMessage } = await import('@renderer/i18n/errors');

describe('aid refusals in the clerk’s words', () => {
  it('say the most that may be paid, the budget left, the reason, and how many were the reviewer’s own', () => {
    expect(errorMessage({ code: 'AID_OVER_CAP', params: { maxFen: 640_000 } })).toBe(
      '金额超过了标准或年度上限允许的数额，本次最多可发 ¥6,400.00。',
    );
    expect(errorMessage({ code: 'AID_OVER_CAP', params: { maxFen: 0 } })).toMatch(/已经用完/);
    expect(errorMessage({ code: 'AID_OVER_BUDGET', params: { leftFen: 30_000 } })).toMatch(/剩余 ¥300\.00/);
    expect(errorMessage({ code: 'AID_NOT_ELIGIBLE', params: { reason: 'notAStudent' } })).toBe(
      '这一户现在不能从这个项目发放：不是这一户在读的学生。',
    );
    expect(errorMessage({ code: 'AID_OWN_ENTRY', params: { count: 2 } })).toMatch(/^其中 2 笔是您自己录入的/);
    // Named by file number ('' is an emergency payment without a file), the rest counted.
    expect(
      errorMessage({ code: 'AID_OWN_ENTRY', params: { count: 5, fileNos: ['110105-2026-0002', '', '110105-2026-0003'], ids: [] } }),
    ).toBe(
      '其中 5 笔是您自己录入的（档案 110105-2026-0002、临时救助（无档案）、档案 110105-2026-0003 等 5 笔），不能由您审核。请取消勾选这些，或由另一位审核人办理（本次一笔也没有审核）。',
    );
    expect(errorMessage({ code: 'AID_OWN_ENTRY', params: { count: 1, fileNos: ['110105-2026-0002'] } })).toMatch(
      /^其中 1 笔是您自己录入的（档案 110105-2026-0002），/,
    );
    expect(errorMessage({ code: 'AID_PROGRAM_INVALID', params: { problem: 'standardKind', expected: 'lowLineMonths' } })).toMatch(
      /低保标准的月数/,
    );
    expect(errorMessage({ code: 'AID_WRONG_STATE', params: { count: 1, expected: 'notReissued' } })).toMatch(/已经重新发放过一次/);
    expect(errorMessage({ code: 'INVALID_INPUT', issues: [{ path: ['paidOn'], message: 'FUTURE' }] })).toBe('发放日期不能晚于今天。');
    // Without its numbers, the plain message.
    expect(errorMessage({ code: 'AID_OVER_BUDGET' })).toMatch(/^金额超过了项目剩余预算。/);
  });
});
