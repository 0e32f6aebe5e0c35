/**
 * Gradients of broadcasting ops: the gradient of an input that was broadcast is the output
 * gradient summed over the dims that broadcasting added or stretched.
 */
import { sameShape, type Shape } from '../layout';
import type { Tensor } from '../tensor';

/** Sums `g` down to `shape` (which must broadcast to g's shape). */
export function sumToShape(g: Tensor, shape: Shape): Tensor {
  if (sameShape(g.shape, shape)) return g;
  const lead = g.dim() - shape.length;
  const dims: number[] = [];
  for (let d = 0; d < g.dim(); d++) {
    if (d < lead || (shape[d - lead] === 1 && g.shape[d] !== 1)) dims.push(d);
  }
  const summed = dims.length > 0 ? g.sum(dims, true) : g;
  return summed.reshape([...shape]);
}

/** The gradient for `input`: summed to its shape and cast to its dtype (mixed-dtype ops). */
export function gradFor(g: Tensor, input: Tensor): Tensor | null {
  if (!input.requiresGrad) return null;
  const summed = sumToShape(g, input.shape);
  return summed.dtype === input.dtype ? summed : summed.to(input.dtype);
}
