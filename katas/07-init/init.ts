import { randn, type Tensor } from '../../src';

/**
 * Kaiming (He) initialisation: a [fanIn, fanOut] weight matrix of standard normals (`randn`)
 * scaled so that its std is gain/√fanIn.
 *
 * Each output of `x @ w` sums fanIn products, so its variance is fanIn · var(x) · var(w). Choose
 * the scale that keeps the variance where it was. The default gain is √2 (`Math.SQRT2`): ReLU
 * zeroes half the values, and the √2 puts that half back.
 */
export function kaimingNormal(
  fanIn: number,
  fanOut: number,
  { gain = Math.SQRT2 }: { gain?: number } = {},
): Tensor {
  throw new Error('not implemented yet: kaimingNormal in katas/07-init/init.ts');
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

/**
 * The lesson's experiment: start from x = randn(batch, width), then `depth` times multiply x by a
 * fresh [width, width] weight matrix drawn as `init` says (table above), applying ReLU
 * (`clampMin(0)`) after the multiply for the two ReLU kinds. After each layer record
 * `{ mean: x.mean().item(), std: x.std().item() }`, so `stats[i]` describes layer i + 1.
 * Draw every random number from the engine (`randn`, your `kaimingNormal`): the tests call
 * `manualSeed` first and expect the lesson's behaviour, not particular numbers.
 */
export function activationStats(
  depth: number,
  init: InitKind,
  { batch = 200, width = 100 }: { batch?: number; width?: number } = {},
): LayerStats[] {
  throw new Error('not implemented yet: activationStats in katas/07-init/init.ts');
}
