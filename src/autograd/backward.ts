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
import { Storage } from '../tensor/storage';
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
    const firstOwn = Storage.made();
    const start = { tensor: root, gradient: initialGradient(root, gradient) };
    // Gradients are collected per leaf and stored once the pass is over, when it is known which
    // buffers nothing else holds: those become `.grad` as they are, without a copy.
    const arrived = new Map<Tensor, Tensor[]>();
    const holders = propagate([start], (leaf, g) => {
      const list = arrived.get(leaf);
      if (list === undefined) arrived.set(leaf, [g]);
      else list.push(g);
    });
    for (const [leaf, gradients] of arrived) {
      for (const g of gradients) {
        const own = gradients.length === 1 && ownedByPass(g, firstOwn, holders);
        accumulateIntoLeafGrad(leaf, g, own);
      }
    }
  });
}

/**
 * Whether `g` may become a leaf's `.grad` as it is: its buffer was allocated during this backward
 * pass (so it is no input, saved tensor or caller's gradient), this one delivery is the only
 * thing holding it, and it is a dense tensor over the whole of that buffer.
 */
function ownedByPass(g: Tensor, firstOwn: number, holders: Map<Storage, number>): boolean {
  const storage = g.storage();
  return (
    storage.serial >= firstOwn &&
    holders.get(storage) === 1 &&
    g.offset === 0 &&
    g.numel() === storage.size &&
    g.isContiguous()
  );
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

/**
 * What AccumulateGrad does: the first gradient becomes `.grad`, later ones are added in. The first
 * is copied into a fresh buffer unless `owned` says nothing else holds it (PyTorch likewise steals
 * a gradient whose only reference it has): a backward closure may hand the same tensor to two
 * inputs (add does), or a stride-0 expanded view, and `.grad` must own its memory.
 */
export function accumulateIntoLeafGrad(leaf: Tensor, gradient: Tensor, owned = false): void {
  noGrad(() => {
    if (leaf.grad === null) {
      leaf.grad = owned ? gradient : ownCopy(gradient);
    } else {
      leaf.grad.add_(gradient);
    }
  });
}

/**
 * The core pass shared by `runBackward` and `grad`: sends gradients from the roots down the graph.
 * Gradients for a tensor used several times are summed before its node runs.
 *
 * Returns, per buffer, how many deliveries still hold it at the end: each gradient handed to a
 * leaf counts one, a gradient waiting for its node counts one until the node has run.
 */
export function propagate(
  roots: BackwardRoot[],
  onLeaf: LeafSink,
  onNode?: NodeSink,
): Map<Storage, number> {
  const pending = new Map<GradNode, Tensor>();
  const holders = new Map<Storage, number>();
  const hold = (t: Tensor, by: number): void => {
    const s = t.storage();
    holders.set(s, (holders.get(s) ?? 0) + by);
  };
  const toLeaf = (leaf: Tensor, g: Tensor): void => {
    hold(g, 1);
    onLeaf(leaf, g);
  };
  const toNode = (node: GradNode, g: Tensor): void => {
    const previous = pending.get(node);
    if (previous !== undefined) hold(previous, -1);
    const sum = previous === undefined ? g : noGrad(() => previous.add(g));
    hold(sum, 1);
    pending.set(node, sum);
  };
  for (const { tensor, gradient } of roots) {
    if (tensor.gradFn === null) toLeaf(tensor, gradient);
    else toNode(tensor.gradFn, gradient);
  }
  const order = topologicalOrder(roots.map((r) => r.tensor.gradFn));
  for (const node of order) {
    const gradOutput = pending.get(node);
    if (gradOutput === undefined) continue; // every path to this node carried a null gradient
    pending.delete(node); // let intermediate gradients be collected as soon as they are used
    hold(gradOutput, -1);
    onNode?.(node, gradOutput);
    const inputGrads = noGrad(() => node.backward(gradOutput));
    checkGradientCount(node, inputGrads);
    node.inputs.forEach((input, i) => {
      const g = inputGrads[i];
      if (g === null || g === undefined || !input.requiresGrad) return;
      const fitted = fitToInput(node, i, input, g);
      if (input.gradFn === null) toLeaf(input, fitted);
      else toNode(input.gradFn, fitted);
    });
  }
  return holders;
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
