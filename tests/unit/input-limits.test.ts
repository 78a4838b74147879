import { describe, expect, it } from 'vitest';
import { jsonTooDeep, MAX_INPUT_DEPTH, valueProblem } from '../../src/main/host/input-limits';

const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

describe('jsonTooDeep', () => {
  it('counts arrays and objects, up to the limit and one past it', () => {
    expect(jsonTooDeep(nested(MAX_INPUT_DEPTH))).toBe(false);
    expect(jsonTooDeep(nested(MAX_INPUT_DEPTH + 1))).toBe(true);
    expect(jsonTooDeep(`${'{"a":'.repeat(MAX_INPUT_DEPTH + 1)}1${'}'.repeat(MAX_INPUT_DEPTH + 1)}`)).toBe(true);
  });

  it('does not count brackets inside strings, whatever the escapes before the closing quote', () => {
    expect(jsonTooDeep(JSON.stringify({ a: '['.repeat(1000) }))).toBe(false);
    expect(jsonTooDeep(JSON.stringify({ a: '\\', b: '['.repeat(1000), c: '"[[[' }))).toBe(false);
    // After an escaped backslash the string has ended: the brackets that follow are real.
    expect(jsonTooDeep(`{"a":"\\\\",${'"b":['.repeat(MAX_INPUT_DEPTH)}1${']'.repeat(MAX_INPUT_DEPTH)}}`)).toBe(true);
  });
});

describe('valueProblem', () => {
  it('measures depth and size without recursing, and ends on a cycle', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = { a: deep };
    expect(valueProblem(deep)?.code).toBe('INVALID_INPUT');
    expect(valueProblem({ list: Array.from({ length: 1000 }, (_, i) => ({ name: `n${i}` })) })).toBeNull();
    expect(valueProblem({ text: 'x'.repeat(6 * 1024 * 1024) })?.code).toBe('FILE_TOO_LARGE');
    const cyclic: Record<string, unknown> = { a: [] };
    (cyclic.a as unknown[]).push(cyclic);
    expect(valueProblem(cyclic)).not.toBeNull();
  });
});
