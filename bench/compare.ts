import { Bench } from 'tinybench';

export interface BenchRow {
  name: string;
  p50Ms: number;
  p95Ms: number;
  meanMs: number;
  /** mean ÷ the baseline's mean, in the same run */
  ratio: number;
}

function percentile(sorted: ArrayLike<number> | undefined, p: number): number {
  if (!sorted || sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/**
 * Runs a baseline and the tasks measured against it in one process and prints their ratios. Benchmarks report;
 * they never fail on time (timings differ between machines — ratios in one run do not).
 */
export async function compare(
  title: string,
  baseline: { name: string; fn: () => unknown },
  tasks: { name: string; fn: () => unknown }[],
  options: { time?: number } = {},
): Promise<BenchRow[]> {
  const bench = new Bench({ time: options.time ?? 1000, warmupTime: 200, retainSamples: true });
  bench.add(baseline.name, baseline.fn);
  for (const task of tasks) bench.add(task.name, task.fn);
  await bench.run();
  const measured = bench.tasks.map((task) => {
    const latency = task.result && 'latency' in task.result ? task.result.latency : undefined;
    return { name: task.name, meanMs: latency?.mean ?? NaN, p50Ms: latency?.p50 ?? NaN, p95Ms: percentile(latency?.samples, 95) };
  });
  const baseMean = measured[0]!.meanMs;
  const rows = measured.map((r) => ({ ...r, ratio: r.meanMs / baseMean }));
  console.log(`\n${title}`);
  console.table(
    rows.map((r) => ({
      task: r.name,
      'p50 ms': r.p50Ms.toFixed(3),
      'p95 ms': r.p95Ms.toFixed(3),
      'ratio to baseline': `${r.ratio.toFixed(2)}×`,
    })),
  );
  return rows;
}
