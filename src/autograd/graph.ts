/**
 * The autograd tape. Every differentiable op of the tensor facade ends with
 * `record(name, out, inputs, backward)`, its backward closure written right beside the forward
 * that creates it; ./backward.ts walks the nodes this leaves behind.
 */
import type { Tensor } from '../tensor/tensor';

/** Maps the gradient of the op's output to one gradient per input (null: no gradient flows). */
export type BackwardFn = (gradOutput: Tensor) => (Tensor | null)[];

export class GradNode {
  constructor(
    readonly name: string,
    readonly inputs: readonly Tensor[],
    readonly backward: BackwardFn,
  ) {}
}

let gradEnabled = true;

export function isGradEnabled(): boolean {
  return gradEnabled;
}

/** Runs fn with gradient recording switched off, like `with torch.no_grad():`. */
export function noGrad<T>(fn: () => T): T {
  const previous = gradEnabled;
  gradEnabled = false;
  try {
    return fn();
  } finally {
    gradEnabled = previous;
  }
}

/** Attaches a GradNode to `out` when recording is on and any input requires grad; returns `out`. */
export function record(
  name: string,
  out: Tensor,
  inputs: readonly Tensor[],
  backward: BackwardFn,
): Tensor {
  if (gradEnabled && inputs.some((t) => t.requiresGrad)) {
    out.gradFn = new GradNode(name, inputs, backward);
    out.requiresGrad = true;
  }
  return out;
}
