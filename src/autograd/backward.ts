/**
 * Reverse-mode differentiation over the tape that `record` builds.
 *
 * `tensor.backward(gradient?)` calls `runBackward`: it visits every GradNode reachable from the root
 * in reverse topological order (each node runs once, after every consumer of its output has handed
 * it a gradient) and adds the result into the `.grad` of the leaves that require grad, as PyTorch's
 * AccumulateGrad does. Intermediate (non-leaf) tensors keep no `.grad`.
 *
 * Unlike PyTorch, the graph is not freed after a backward pass: calling `backward` twice on the same
 * graph works as if `retain_graph=True` had been passed (the closures keep what they saved).
 */
import { uncounted } from '../tensor/ops-count';
import { formatShape, sameShape } from '../tensor/layout';
import type { Tensor } from '../tensor/tensor';
import { type GradNode, noGrad } from './graph';

/** One starting point of a backward pass: a tensor and the gradient of the objective w.r.t. it. */
export interface BackwardRoot {
  tensor: Tensor;
  gradient: Tensor;
}

/** Receives the gradient that reaches a leaf (a tensor that requires grad and has no gradFn). */
export type LeafSink = (leaf: Tensor, gradient: Tensor) => void;

/** Receives the total gradient of a non-leaf tensor's node just before that node runs. */
export type NodeSink = (node: GradNode, gradient: Tensor) => void;

/** `tensor.backward(gradient?)`: accumulates d(root)/d(leaf) into every reachable leaf's `.grad`. */
export function runBackward(root: Tensor, gradient?: Tensor): void {
  // The pass's own arithmetic is bookkeeping, not a technique the caller chose: countOps skips it.
  uncounted(() => {
    const start = { tensor: root, gradient: initialGradient(root, gradient) };
    propagate([start], accumulateIntoLeafGrad);
  });
}

/**
 * The gradient a backward pass starts from: the given one (shape-checked), or 1 for a scalar root.
 * Errors are PyTorch's.
 */
export function initialGradient(root: Tensor, gradient: Tensor | undefined, index = 0): Tensor {
  if (!root.requiresGrad) {
    throw new Error(
      `element ${index} of tensors does not require grad and does not have a grad_fn`,
    );
  }
  if (gradient === undefined) {
    if (root.numel() !== 1) {
      throw new Error('grad can be implicitly created only for scalar outputs');
    }
    return noGrad(() => root.detach().clone().fill_(1));
  }
  if (!sameShape(gradient.shape, root.shape)) {
    throw new Error(
      `Mismatch in shape: grad_output[${index}] has a shape of ${formatShape(gradient.shape)} ` +
        `and output[${index}] has a shape of ${formatShape(root.shape)}.`,
    );
  }
  return gradient;
}

/** What AccumulateGrad does: the first gradient is copied into a fresh buffer, later ones added in. */
export function accumulateIntoLeafGrad(leaf: Tensor, gradient: Tensor): void {
  noGrad(() => {
    if (leaf.grad === null) {
      // A copy, never the incoming tensor itself: a backward closure may hand the same tensor to
      // two inputs (add does), or a stride-0 expanded view; `.grad` must own its memory.
      leaf.grad = ownCopy(gradient);
    } else {
      leaf.grad.add_(gradient);
    }
  });
}

/**
 * The core pass shared by `runBackward` and `grad`: sends gradients from the roots down the graph.
 * Gradients for a tensor used several times are summed before its node runs.
 */
export function propagate(roots: BackwardRoot[], onLeaf: LeafSink, onNode?: NodeSink): void {
  const pending = new Map<GradNode, Tensor>();
  for (const { tensor, gradient } of roots) {
    if (tensor.gradFn === null) onLeaf(tensor, gradient);
    else addPending(pending, tensor.gradFn, gradient);
  }
  const order = topologicalOrder(roots.map((r) => r.tensor.gradFn));
  for (const node of order) {
    const gradOutput = pending.get(node);
    if (gradOutput === undefined) continue; // every path to this node carried a null gradient
    pending.delete(node); // let intermediate gradients be collected as soon as they are used
    onNode?.(node, gradOutput);
    const inputGrads = noGrad(() => node.backward(gradOutput));
    checkGradientCount(node, inputGrads);
    node.inputs.forEach((input, i) => {
      const g = inputGrads[i];
      if (g === null || g === undefined || !input.requiresGrad) return;
      const fitted = fitToInput(node, i, input, g);
      if (input.gradFn === null) onLeaf(input, fitted);
      else addPending(pending, input.gradFn, fitted);
    });
  }
}

/**
 * Nodes ordered so that each comes before the nodes that produced its inputs (consumers first).
 * An iterative depth-first search: a deep graph (a 50-layer net, a long loop) must not overflow the stack.
 */
export function topologicalOrder(starts: readonly (GradNode | null)[]): GradNode[] {
  const postOrder: GradNode[] = [];
  const seen = new Set<GradNode>();
  const stack: { node: GradNode; next: number }[] = [];
  const visit = (node: GradNode | null): void => {
    if (node === null || seen.has(node)) return;
    seen.add(node);
    stack.push({ node, next: 0 });
  };
  for (const start of starts) {
    visit(start);
    while (stack.length > 0) {
      const frame = stack[stack.length - 1];
      if (frame.next < frame.node.inputs.length) {
        const input = frame.node.inputs[frame.next++];
        if (input.requiresGrad) visit(input.gradFn);
      } else {
        postOrder.push(frame.node);
        stack.pop();
      }
    }
  }
  return postOrder.reverse();
}

function addPending(pending: Map<GradNode, Tensor>, node: GradNode, gradient: Tensor): void {
  const previous = pending.get(node);
  pending.set(node, previous === undefined ? gradient : noGrad(() => previous.add(gradient)));
}

function checkGradientCount(node: GradNode, grads: readonly (Tensor | null)[]): void {
  if (grads.length !== node.inputs.length) {
    throw new Error(
      `function ${node.name} returned an incorrect number of gradients ` +
        `(expected ${node.inputs.length}, got ${grads.length})`,
    );
  }
}

/**
 * Every gradient must have its input's shape (a broadcasting op reduces it back in its own closure)
 * and is cast to its input's dtype, as PyTorch's engine does: a float32 leaf gets a float32 grad.
 */
function fitToInput(node: GradNode, index: number, input: Tensor, grad: Tensor): Tensor {
  if (!sameShape(grad.shape, input.shape)) {
    throw new Error(
      `Function ${node.name} returned an invalid gradient at index ${index} - ` +
        `got ${formatShape(grad.shape)} but expected shape compatible with ${formatShape(input.shape)}`,
    );
  }
  if (grad.dtype === input.dtype) return grad;
  return noGrad(() => grad.to(input.dtype));
}

function ownCopy(t: Tensor): Tensor {
  const c = t.contiguous();
  return c === t ? t.clone() : c;
}
