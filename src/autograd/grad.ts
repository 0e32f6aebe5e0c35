/**
 * `grad(outputs, inputs, gradOutputs?)`, like `torch.autograd.grad`: the gradients of the outputs
 * with respect to the chosen inputs, returned instead of accumulated into `.grad` (no `.grad` changes).
 */
import { counted } from '../tensor/ops-count';
import type { Tensor } from '../tensor/tensor';
import { initialGradient, propagate } from './backward';
import { noGrad } from './graph';

export interface GradOptions {
  /** Return null for an input the outputs do not depend on, instead of throwing (allow_unused). */
  allowUnused?: boolean;
}

export function grad(
  outputs: Tensor | readonly Tensor[],
  inputs: Tensor | readonly Tensor[],
  gradOutputs?: Tensor | readonly (Tensor | undefined)[],
  options: GradOptions = {},
): (Tensor | null)[] {
  // Counted as one op (the katas that teach gradients by hand look for it); its inner ops are not.
  return counted('grad', () => gradients(outputs, inputs, gradOutputs, options));
}

function gradients(
  outputs: Tensor | readonly Tensor[],
  inputs: Tensor | readonly Tensor[],
  gradOutputs: Tensor | readonly (Tensor | undefined)[] | undefined,
  options: GradOptions,
): (Tensor | null)[] {
  const outs = asList(outputs);
  const ins = asList(inputs);
  const given = gradOutputs === undefined ? [] : asList(gradOutputs);
  ins.forEach((t, i) => {
    if (!t.requiresGrad) {
      throw new Error(`One of the differentiated Tensors (index ${i}) does not require grad`);
    }
  });
  const roots = outs.map((tensor, i) => ({
    tensor,
    gradient: initialGradient(tensor, given[i], i),
  }));

  const found = new Map<Tensor, Tensor>();
  const add = (t: Tensor, g: Tensor): void => {
    const previous = found.get(t);
    found.set(t, previous === undefined ? g : noGrad(() => previous.add(g)));
  };
  const wanted = new Set(ins);
  const byNode = new Map(ins.filter((t) => t.gradFn !== null).map((t) => [t.gradFn, t]));
  propagate(
    roots,
    (leaf, g) => {
      if (wanted.has(leaf)) add(leaf, g);
    },
    (node, g) => {
      const t = byNode.get(node);
      if (t !== undefined) add(t, g);
    },
  );

  return ins.map((t) => {
    const g = found.get(t);
    if (g !== undefined) return g;
    if (options.allowUnused) return null;
    throw new Error(
      'One of the differentiated Tensors appears to not have been used in the graph. ' +
        'Set allowUnused=true if this is the desired behavior.',
    );
  });
}

function asList<T>(value: T | readonly T[]): readonly T[] {
  return Array.isArray(value) ? (value as readonly T[]) : [value as T];
}
