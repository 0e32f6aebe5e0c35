/**
 * How the strided kernels walk a shape: which dim is the inner loop, which dims merge into one.
 *
 * A plan lists its loop dims innermost first, each with one step per operand. Dims of size 1 are
 * dropped; dims that continue each other for every operand are merged (a contiguous tensor is one
 * long loop). For elementwise work, where the visiting order does not matter, the dims are also
 * reordered as PyTorch's TensorIterator does, so that the dim with the smallest steps becomes the
 * inner loop: a transposed input is read along its memory, not across it.
 */
import type { Shape } from './layout';

// Read once: inside jest's sandbox every global lookup costs about half a microsecond.
const I32 = Int32Array;

export interface LoopPlan {
  /** Loop sizes, innermost first; empty for a single element or an empty shape. */
  readonly sizes: readonly number[];
  /** steps[o][d]: how far operand o moves along loop dim d. */
  readonly steps: readonly (readonly number[])[];
  readonly offsets: readonly number[];
  /** Elements visited (0 when some dim of the shape is 0). */
  readonly numel: number;
}

/**
 * Plans a walk over `shape` for operands read through `strides` (one array per operand, all of
 * the shape's length) from `offsets`. With `reorder` false the walk is row-major, which callers
 * need when positions matter (argmax, nested arrays); with true the order is the fastest one.
 */
export function planLoops(
  shape: Shape,
  strides: readonly Shape[],
  offsets: readonly number[],
  reorder: boolean,
): LoopPlan {
  const operands = strides.length;
  let numel = 1;
  const dims: number[] = [];
  // Row-major order reversed: the last dim is the innermost loop unless reordered below.
  for (let d = shape.length - 1; d >= 0; d--) {
    numel *= shape[d];
    if (shape[d] !== 1) dims.push(d);
  }
  if (numel === 0) return { sizes: [], steps: strides.map(() => []), offsets, numel: 0 };
  if (reorder) sortInnermostFirst(dims, strides);

  const sizes: number[] = [];
  const steps: number[][] = strides.map(() => []);
  for (const d of dims) {
    const last = sizes.length - 1;
    // Merge d into the loop inside it when stepping d once equals running through that loop.
    let merge = last >= 0;
    for (let o = 0; merge && o < operands; o++) {
      if (strides[o][d] !== steps[o][last] * sizes[last]) merge = false;
    }
    if (merge) {
      sizes[last] *= shape[d];
    } else {
      sizes.push(shape[d]);
      for (let o = 0; o < operands; o++) steps[o].push(strides[o][d]);
    }
  }
  return { sizes, steps, offsets, numel };
}

/**
 * Insertion sort (a handful of dims) by PyTorch's rule: the first operand whose steps along the
 * two dims are both non-zero and differ decides, smaller step inside; a tie keeps row-major order.
 * Stride 0 (a broadcast input, a reduced output) says nothing about memory order, so it is skipped.
 */
function sortInnermostFirst(dims: number[], strides: readonly Shape[]): void {
  for (let i = 1; i < dims.length; i++) {
    for (let j = i; j > 0 && goesInside(dims[j], dims[j - 1], strides); j--) {
      [dims[j], dims[j - 1]] = [dims[j - 1], dims[j]];
    }
  }
}

/** Whether dim `outer` (currently outside) should run inside dim `inner`. */
function goesInside(outer: number, inner: number, strides: readonly Shape[]): boolean {
  for (const s of strides) {
    const a = s[outer];
    const b = s[inner];
    if (a === 0 || b === 0 || a === b) continue;
    return a < b;
  }
  return false;
}

/** The same walk with the two innermost loops exchanged. */
export function swapInnerLoops(plan: LoopPlan): LoopPlan {
  const swap = <T>(list: readonly T[]): T[] => [list[1], list[0], ...list.slice(2)];
  return { ...plan, sizes: swap(plan.sizes), steps: plan.steps.map(swap) };
}

/** The storage offset of every element of a view, in row-major order. */
export function offsetsOf(shape: Shape, strides: Shape, offset: number): Int32Array {
  const plan = planLoops(shape, [strides], [offset], false);
  const out = new I32(plan.numel);
  if (plan.numel === 0) return out;
  const sizes = plan.sizes;
  const steps = plan.steps[0];
  const n0 = sizes.length > 0 ? sizes[0] : 1;
  const s0 = sizes.length > 0 ? steps[0] : 0;
  const index = sizes.map(() => 0);
  let base = offset;
  for (let i = 0; i < plan.numel;) {
    for (let j = 0, p = base; j < n0; j++, p += s0) out[i++] = p;
    for (let d = 1; d < sizes.length; d++) {
      base += steps[d];
      if (++index[d] < sizes[d]) break;
      base -= steps[d] * sizes[d];
      index[d] = 0;
    }
  }
  return out;
}
