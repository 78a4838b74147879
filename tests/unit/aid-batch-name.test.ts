import { describe, expect, it } from 'vitest';
import { batchNameTaken, defaultBatchName } from '@renderer/features/aid/batch-name';

describe('defaultBatchName', () => {
  it('names the first batch of a program by the program and the day', () => {
    expect(defaultBatchName('2027春节送温暖', '2026-12-06', [])).toBe('2027春节送温暖（2026-12-06）');
  });

  it('numbers the second and later batches by how many the program already has', () => {
    expect(defaultBatchName('2027春节送温暖', '2026-12-06', ['2027春节送温暖（2026-12-06）'])).toBe(
      '2027春节送温暖（2026-12-06）（第2批）',
    );
    expect(defaultBatchName('送温暖', '2026-12-20', ['送温暖（2026-12-01）', '送温暖（2026-12-06）'])).toBe(
      '送温暖（2026-12-20）（第3批）',
    );
  });

  it('skips past a name a clerk already gave by hand', () => {
    expect(defaultBatchName('送温暖', '2026-12-06', ['送温暖（2026-12-06）（第2批）'])).toBe('送温暖（2026-12-06）（第3批）');
  });
});

describe('batchNameTaken', () => {
  it('finds a name already used, ignoring surrounding spaces', () => {
    expect(batchNameTaken(' 送温暖（2026-12-06） ', ['送温暖（2026-12-06）'])).toBe(true);
    expect(batchNameTaken('送温暖（第二批）', ['送温暖（2026-12-06）'])).toBe(false);
    expect(batchNameTaken('  ', ['  '])).toBe(false);
  });
});
