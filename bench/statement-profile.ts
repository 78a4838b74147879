import type { Sqlite } from '../src/main/core/db/client';

const RUNNERS = ['run', 'get', 'all', 'iterate'] as const;

/**
 * Where one call's time goes, statement by statement: every statement `call` prepares on `sqlite` is timed each time
 * it runs (run, get, all; iterate until its iterator is done), and the times are summed by its SQL's first words.
 * Returns the `top` costliest, with the call's whole time. For a bench: the wrapper costs a few µs a statement.
 */
export async function statementProfile(
  sqlite: Sqlite,
  call: () => Promise<unknown>,
  top = 12,
): Promise<{ totalMs: number; statements: { sql: string; runs: number; ms: number }[] }> {
  const spent = new Map<string, { runs: number; ms: number }>();
  const prepare = sqlite.prepare.bind(sqlite);
  const add = (label: string, ms: number) => {
    const entry = spent.get(label) ?? { runs: 0, ms: 0 };
    entry.runs += 1;
    entry.ms += ms;
    spent.set(label, entry);
  };
  sqlite.prepare = ((source: string) => {
    const statement = prepare(source);
    const label = source.replace(/\s+/g, ' ').trim().slice(0, 110);
    for (const name of RUNNERS) {
      const original = (statement[name] as (...args: unknown[]) => unknown).bind(statement);
      (statement as unknown as Record<string, unknown>)[name] =
        name === 'iterate'
          ? (...args: unknown[]) => timedIterator(original(...args) as Iterator<unknown>, (ms) => add(label, ms))
          : (...args: unknown[]) => {
              const at = performance.now();
              try {
                return original(...args);
              } finally {
                add(label, performance.now() - at);
              }
            };
    }
    return statement;
  }) as typeof sqlite.prepare;
  const started = performance.now();
  try {
    await call();
  } finally {
    sqlite.prepare = prepare;
  }
  const totalMs = performance.now() - started;
  const statements = [...spent]
    .map(([sql, e]) => ({ sql, ...e }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, top);
  return { totalMs, statements };
}

/** An iterator whose steps are timed, reported once when it ends (or is closed early). */
function timedIterator(inner: Iterator<unknown>, done: (ms: number) => void): IterableIterator<unknown> {
  let ms = 0;
  let reported = false;
  const report = () => {
    if (!reported) done(ms);
    reported = true;
  };
  return {
    next: () => {
      const at = performance.now();
      const step = inner.next();
      ms += performance.now() - at;
      if (step.done) report();
      return step;
    },
    return: (value?: unknown) => {
      report();
      return inner.return?.(value) ?? { done: true, value };
    },
    [Symbol.iterator]() {
      return this;
    },
  };
}

/** The profile as console.table rows. */
export function profileRows(
  profile: Awaited<ReturnType<typeof statementProfile>>,
): Record<string, { runs: number; ms: string; share: string }> {
  return Object.fromEntries(
    profile.statements.map((s) => [
      s.sql,
      { runs: s.runs, ms: s.ms.toFixed(1), share: `${((100 * s.ms) / profile.totalMs).toFixed(0)} %` },
    ]),
  );
}
