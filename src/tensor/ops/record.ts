/**
 * How an op joins the autograd tape: `recordOp` wraps autograd's `record` so that the ops a
 * backward closure runs do not show up in `countOps` (they are the engine's bookkeeping, not the
 * technique the caller chose), and skips the closure entirely when nothing requires grad.
 */
import { isGradEnabled, record, type BackwardFn } from '../../autograd/graph';
import { isFloating } from '../dtype';
import { uncounted } from '../ops-count';
import type { Tensor } from '../tensor';

export function needsGrad(inputs: readonly Tensor[]): boolean {
  return isGradEnabled() && inputs.some((t) => t.requiresGrad);
}

export function recordOp(
  name: string,
  out: Tensor,
  inputs: readonly Tensor[],
  backward: BackwardFn,
): Tensor {
  // Integer and bool results (comparisons, argmax, casts to int) carry no gradient, as in PyTorch.
  if (!needsGrad(inputs) || !isFloating(out.dtype)) return out;
  return record(name, out, inputs, (g) => uncounted(() => backward(g)));
}
