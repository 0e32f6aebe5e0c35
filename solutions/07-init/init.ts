import { randn, type Tensor } from '../../src';

/**
 * Kaiming (He) initialisation: a [fanIn, fanOut] weight matrix of standard normals scaled by
 * gain/√fanIn.
 *
 * Each output of `x @ w` sums fanIn products, so its variance is fanIn · var(x) · var(w); a weight
 * std of 1/√fanIn keeps the variance where it was. ReLU zeroes half the values and halves the
 * mean square, so the default gain √2 (std √(2/fanIn)) puts that half back. Pass `{ gain: 1 }`
 * for layers with no ReLU after them.
 */
export function kaimingNormal(
  fanIn: number,
  fanOut: number,
  { gain = Math.SQRT2 }: { gain?: number } = {},
): Tensor {
  return randn(fanIn, fanOut).mul(gain / Math.sqrt(fanIn));
}

/**
 * The weights each experiment multiplies by, for width n:
 * - `'randn'`: plain randn(n, n), no activation: the std grows √n times per layer.
 * - `'small'`: randn(n, n) · 0.01, no activation: the std shrinks to 0.1 of itself per layer.
 * - `'xavier'`: randn(n, n) / √n, no activation: the std stays near 1.
 * - `'xavier-relu'`: randn(n, n) / √n followed by ReLU: the mean square halves every layer.
 * - `'kaiming'`: kaimingNormal(n, n), randn · √(2/n), followed by ReLU: the scale holds.
 */
export type InitKind = 'randn' | 'small' | 'xavier' | 'xavier-relu' | 'kaiming';

/** Mean and (unbiased) std of all the activations after one layer. */
export interface LayerStats {
  mean: number;
  std: number;
}

function weightsFor(init: InitKind, n: number): Tensor {
  switch (init) {
    case 'randn':
      return randn(n, n);
    case 'small':
      return randn(n, n).mul(0.01);
    case 'xavier':
    case 'xavier-relu':
      return kaimingNormal(n, n, { gain: 1 });
    case 'kaiming':
      return kaimingNormal(n, n);
  }
}

function followedByRelu(init: InitKind): boolean {
  return init === 'xavier-relu' || init === 'kaiming';
}

/**
 * The lesson's experiment: start from x = randn(batch, width), then `depth` times multiply by a
 * fresh [width, width] weight matrix drawn by `init` (and apply ReLU for the ReLU kinds).
 * Returns one entry per layer: `stats[i]` describes the activations after layer i + 1.
 * Draws from the engine's random generator: call `manualSeed` first for repeatable numbers.
 */
export function activationStats(
  depth: number,
  init: InitKind,
  { batch = 200, width = 100 }: { batch?: number; width?: number } = {},
): LayerStats[] {
  let x = randn(batch, width);
  const stats: LayerStats[] = [];
  for (let layer = 0; layer < depth; layer++) {
    x = x.matmul(weightsFor(init, width));
    if (followedByRelu(init)) x = x.clampMin(0);
    stats.push({ mean: x.mean().item(), std: x.std().item() });
  }
  return stats;
}
