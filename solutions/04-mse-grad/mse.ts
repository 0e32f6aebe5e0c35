import type { Tensor } from '../../src';

/**
 * Mean squared error between a model's output and its targets.
 *
 * `out` has shape [n, 1] (one prediction per row) and `targ` has shape [n]. Subtracting them
 * directly would broadcast [n, 1] - [n] to an [n, n] grid of every output against every target,
 * so the trailing size-1 dimension is squeezed away first: [n] - [n] stays [n].
 */
export function mse(out: Tensor, targ: Tensor): Tensor {
  return out.squeeze(-1).sub(targ).pow(2).mean();
}

/**
 * The gradient of `mse(inp, targ)` with respect to `inp`, stored in `inp.g`.
 *
 * loss = (1/n) Σᵢ (inpᵢ − targᵢ)², so ∂loss/∂inpᵢ = 2 (inpᵢ − targᵢ) / n. The difference is
 * computed on the squeezed [n] shape and unsqueezed back, so `inp.g` has inp's shape [n, 1].
 */
export function mseGrad(inp: Tensor, targ: Tensor): void {
  const n = targ.shape[0];
  inp.g = inp.squeeze(-1).sub(targ).unsqueeze(-1).mul(2).div(n);
}
