import type { Tensor } from '../../src';

/** A linear layer: every row of x (shape [n, in]) times w ([in, out]) plus the bias b ([out]). */
export function lin(x: Tensor, w: Tensor, b: Tensor): Tensor {
  return x.matmul(w).add(b);
}

/** The rectified linear unit: negative values become 0, the rest pass through. */
export function relu(x: Tensor): Tensor {
  return x.clampMin(0);
}

/**
 * Chain rule through relu: where the input was positive relu is the identity, so the gradient
 * passes through; elsewhere (including exactly 0) relu is flat and the gradient is 0.
 */
export function reluGrad(inp: Tensor, out: Tensor): void {
  inp.g = inp.gt(0).float().mul(out.g!);
}

/**
 * Chain rule through `out = inp @ w + b`, given `out.g` (∂loss/∂out, shape [n, out]):
 * - ∂loss/∂inp = out.g @ wᵀ   ([n, out] @ [out, in] = [n, in], inp's shape)
 * - ∂loss/∂w   = inpᵀ @ out.g ([in, n] @ [n, out] = [in, out], w's shape)
 * - ∂loss/∂b   = out.g summed over the batch: b was broadcast to every row, so every row's
 *   gradient flows back into it.
 */
export function linGrad(inp: Tensor, out: Tensor, w: Tensor, b: Tensor): void {
  inp.g = out.g!.matmul(w.t());
  w.g = inp.t().matmul(out.g!);
  b.g = out.g!.sum(0);
}

/**
 * The lesson's two-layer network, forward then backward by hand: returns the mean squared error
 * and leaves ∂loss/∂x in `.g` of w1, b1, w2, b2 and inp.
 */
export function forwardAndBackward(
  inp: Tensor,
  targ: Tensor,
  params: { w1: Tensor; b1: Tensor; w2: Tensor; b2: Tensor },
): Tensor {
  const { w1, b1, w2, b2 } = params;
  // forward pass
  const l1 = lin(inp, w1, b1);
  const l2 = relu(l1);
  const out = lin(l2, w2, b2);
  const diff = out.squeeze(-1).sub(targ);
  const loss = diff.pow(2).mean();

  // backward pass: each step reads the .g its successor just wrote
  out.g = diff.unsqueeze(-1).mul(2).div(targ.shape[0]);
  linGrad(l2, out, w2, b2);
  reluGrad(l1, l2);
  linGrad(inp, l1, w1, b1);
  return loss;
}
