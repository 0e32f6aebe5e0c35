/**
 * The lesson's MLP timed on its full-size input: 50,000 x 784 through 784-50-1 with MSE, forward
 * then backward (the lesson: 23 ms forward, 86 ms backward in PyTorch). The `mnist` package ships
 * only 10,000 digits, so the input is random data of the lesson's shape: the arithmetic is the
 * same, and timing does not depend on the values.
 */
import { manualSeed, matmul, randn, zeros, type Tensor } from '../../src';

export interface MlpTiming {
  rows: number;
  forwardMs: number;
  backwardMs: number;
  repeats: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((p, q) => p - q);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function runMlpForwardBackward({ quick }: { quick: boolean }): MlpTiming {
  const rows = 50_000;
  const hidden = 50;
  manualSeed(2);
  // The lesson's backward also computes the input's gradient (inp.g), so ask for it here too.
  const x = randn(rows, 784).requiresGrad_();
  const y = randn(rows);
  const params: Tensor[] = [
    randn(784, hidden).mul(Math.sqrt(2 / 784)),
    zeros(hidden),
    randn(hidden, 1).mul(Math.sqrt(1 / hidden)),
    zeros(1),
  ].map((p) => p.requiresGrad_());
  const [w1, b1, w2, b2] = params;
  const forward = () => {
    const out = matmul(matmul(x, w1).add(b1).relu(), w2).add(b2);
    return out.squeeze(-1).sub(y).pow(2).mean();
  };
  const repeats = quick ? 2 : 5;
  const forwardTimes: number[] = [];
  const backwardTimes: number[] = [];
  for (let r = 0; r < repeats + 1; r++) {
    for (const p of [x, ...params]) p.grad = null;
    const t0 = performance.now();
    const loss = forward();
    const t1 = performance.now();
    loss.backward();
    const t2 = performance.now();
    // The first round warms the JIT and the allocator; it is not counted.
    if (r === 0) continue;
    forwardTimes.push(t1 - t0);
    backwardTimes.push(t2 - t1);
  }
  return { rows, forwardMs: median(forwardTimes), backwardMs: median(backwardTimes), repeats };
}
