/**
 * Times one function with tinybench, sizing the run from a first probe call so a 1-second triple
 * loop and a 10-microsecond matmul both finish inside the same time budget.
 */
import { Bench } from 'tinybench';

export interface Timing {
  name: string;
  /** Median time per call: steadier than the mean when a shared machine hiccups. */
  medianMs: number;
  meanMs: number;
  samples: number;
}

export interface MeasureOptions {
  /** Rough wall-clock budget for this function, in milliseconds. */
  budgetMs: number;
}

export async function measure(
  name: string,
  fn: () => unknown,
  { budgetMs }: MeasureOptions,
): Promise<Timing> {
  const probeStart = performance.now();
  fn();
  const probeMs = performance.now() - probeStart;
  const slow = probeMs > budgetMs / 10;
  const bench = new Bench({
    name,
    time: slow ? 0 : budgetMs,
    iterations: slow
      ? Math.max(2, Math.min(5, Math.floor(budgetMs / Math.max(probeMs, 1e-3))))
      : 10,
    warmupTime: slow ? 0 : Math.min(100, budgetMs / 5),
    warmupIterations: slow ? 0 : 5,
  });
  bench.add(name, fn);
  await bench.run();
  const result = bench.tasks[0]?.result;
  if (!result || !('latency' in result)) throw new Error(`benchmark "${name}" did not complete`);
  return {
    name,
    medianMs: result.latency.p50 ?? result.latency.mean,
    meanMs: result.latency.mean,
    samples: result.latency.samplesCount,
  };
}
