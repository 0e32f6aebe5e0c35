import type { Tensor } from '../../src';

/**
 * Mean squared error between a model's output and its targets: the mean over the batch of
 * (output − target)².
 *
 * `out` has shape [n, 1] (one prediction per row, as a linear layer with one output gives) and
 * `targ` has shape [n]. Careful: [n, 1] − [n] broadcasts to an [n, n] grid. Squeeze the trailing
 * size-1 dimension of `out` first (`squeeze(-1)`), then subtract, square (`pow(2)`) and average
 * (`mean()`). Return the scalar loss tensor.
 */
export function mse(out: Tensor, targ: Tensor): Tensor {
  throw new Error('not implemented yet: mse in katas/04-mse-grad/mse.ts');
}

/**
 * The gradient of `mse(inp, targ)` with respect to `inp`. Return nothing: store it in `inp.g`
 * (the plain slot every tensor has for hand-written gradients).
 *
 * Differentiate (1/n) Σᵢ (inpᵢ − targᵢ)² with respect to one inpᵢ, with n = targ.shape[0].
 * `inp.g` must have inp's shape [n, 1]: compute on the squeezed [n] shape, then `unsqueeze(-1)`.
 * Do not change `inp` or `targ` themselves.
 */
export function mseGrad(inp: Tensor, targ: Tensor): void {
  throw new Error('not implemented yet: mseGrad in katas/04-mse-grad/mse.ts');
}
