import type { Tensor } from '../../src';

/** A linear layer: x (shape [n, in]) matrix-multiplied by w ([in, out]), plus the bias b ([out]). */
export function lin(x: Tensor, w: Tensor, b: Tensor): Tensor {
  throw new Error('not implemented yet: lin in katas/05-lin-grad/lin.ts');
}

/** The rectified linear unit: negative values become 0, the rest pass through (`clampMin`). */
export function relu(x: Tensor): Tensor {
  throw new Error('not implemented yet: relu in katas/05-lin-grad/lin.ts');
}

/**
 * The gradient through relu: given `out.g` (∂loss/∂out, where out = relu(inp)), set `inp.g`.
 *
 * Where inp was positive relu is the identity, so the gradient passes through unchanged;
 * elsewhere, including at exactly 0, relu is flat and the gradient is 0. A boolean mask turns
 * into 0s and 1s with `.float()`.
 */
export function reluGrad(inp: Tensor, out: Tensor): void {
  throw new Error('not implemented yet: reluGrad in katas/05-lin-grad/lin.ts');
}

/**
 * The gradients through `out = inp @ w + b`, given `out.g` (shape [n, out]). Set three slots:
 * - `inp.g`, shape [n, in]: how the loss changes with each input value,
 * - `w.g`, shape [in, out]: with each weight,
 * - `b.g`, shape [out]: with each bias (b was added to every row of the batch).
 * Each is one or two whole-tensor ops (`matmul`, `t()`, `sum`): let the shapes guide you.
 */
export function linGrad(inp: Tensor, out: Tensor, w: Tensor, b: Tensor): void {
  throw new Error('not implemented yet: linGrad in katas/05-lin-grad/lin.ts');
}

/**
 * The lesson's two-layer network, forward then backward by hand.
 *
 * Forward: l1 = lin(inp, w1, b1); l2 = relu(l1); out = lin(l2, w2, b2); the loss is the mean
 * squared error of out ([n, 1]) against targ ([n]). Backward: set out.g to the loss gradient
 * 2·(out − targ)/n (shape [n, 1]), then call the gradient functions in reverse order. Return the
 * loss; afterwards w1, b1, w2, b2 and inp all carry their `.g`. Compute everything by hand:
 * no `requiresGrad`, no `backward()`.
 */
export function forwardAndBackward(
  inp: Tensor,
  targ: Tensor,
  params: { w1: Tensor; b1: Tensor; w2: Tensor; b2: Tensor },
): Tensor {
  throw new Error('not implemented yet: forwardAndBackward in katas/05-lin-grad/lin.ts');
}
