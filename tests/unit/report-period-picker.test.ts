import { describe, expect, it, vi } from 'vitest';
import { defaultFields, periodProblem, type PeriodFields } from '../../src/renderer/src/features/reports/report-period-picker';

// The catalogue reads the chosen language from the browser's storage: none here, so Chinese.
vi.stubGlobal('localStorage', { getItem: () => null, setItem: () => undefined });
vi.stubGlobal('document', { documentElement: { lang: '' } });
const { errorMessage } = await import('@renderer/i18n/errors');

/** The report's 生成报表 button is off only with a reason the page says beside it (walk at 1366 × 768). */
describe('the period picker says why a period cannot be run', () => {
  const fields = (more: Partial<PeriodFields>): PeriodFields => ({ ...defaultFields('2026-11-20'), ...more });

  it.each<[Partial<PeriodFields>, ReturnType<typeof periodProblem>]>([
    [{}, null],
    [{ kind: 'range', from: null }, 'fromMissing'],
    [{ kind: 'range', from: '2026-01-01', to: null }, 'toMissing'],
    [{ kind: 'range', from: '2026-12-31', to: '2026-01-05' }, 'backwards'],
    [{ kind: 'range', from: '2026-03-01', to: '2026-03-01', asOf: '2026-03-01' }, null],
    [{ asOf: '' }, 'asOfMissing'],
    // The fourth quarter of 2026 begins on 1 October: the records of 30 September say nothing of it.
    [{ kind: 'quarter', quarter: 4, asOf: '2026-09-30' }, 'asOfBeforePeriod'],
    [{ kind: 'quarter', quarter: 4, asOf: '2026-10-01' }, null],
    [{ kind: 'month', month: 2, year: 2028, asOf: '2028-01-31' }, 'asOfBeforePeriod'],
    [{ kind: 'year', year: 2027, asOf: '2026-12-31' }, 'asOfBeforePeriod'],
  ])('%o → %s', (more, problem) => {
    expect(periodProblem(fields(more))).toBe(problem);
  });

  it('the core’s refusal names the period’s first day', () => {
    expect(errorMessage({ code: 'REPORT_AS_OF_BEFORE_PERIOD', params: { from: '2026-10-01' } })).toBe(
      '“截至”日期早于所选期间的第一天 2026-10-01。请把截至日期改到 2026-10-01 或之后。',
    );
  });
});
