/** The loss curve in the terminal: batch losses averaged into at most `width` columns. */
import { plot } from 'asciichart';

/** Averages consecutive values into `buckets` groups so a long run fits one terminal row. */
export function downsample(values: readonly number[], buckets: number): number[] {
  if (values.length <= buckets) return [...values];
  const out: number[] = [];
  for (let b = 0; b < buckets; b++) {
    const start = Math.floor((b * values.length) / buckets);
    const end = Math.floor(((b + 1) * values.length) / buckets);
    let sum = 0;
    for (let i = start; i < end; i++) sum += values[i];
    out.push(sum / (end - start));
  }
  return out;
}

export function terminalLossChart(stepLosses: readonly number[], width = 60, height = 10): string {
  const finite = stepLosses.filter(Number.isFinite);
  if (finite.length === 0) return '(no finite loss to plot)';
  return plot(downsample(finite, width), {
    height,
    format: (v) => v.toFixed(3).padStart(8),
  });
}
