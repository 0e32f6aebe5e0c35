/**
 * Reductions that need a whole block at once (max, argmax, variance, all/any): each kept position
 * of the output gets one call of a reducer over the elements its reduced dims cover, in row-major
 * order (so an argmax position means what PyTorch's does).
 */
import type { TypedArray } from './dtype';
import type { Strided } from './kernels';
import { offsetsOf, planLoops } from './loop-plan';
import type { Shape } from './layout';

// Read once: inside jest's sandbox every global lookup costs about half a microsecond.
const F64 = Float64Array;

/**
 * Reduces the n values data[start], data[start + step], ... to a number. A block that is one
 * strided run of the input is read in place; any other block is first gathered into a dense copy.
 */
export type Reducer = (data: ArrayLike<number>, start: number, step: number, n: number) => number;

/** Reduces `src` over `dims`: out[i] (row-major over the kept dims) is the reducer of block i. */
export function reduceInto(
  shape: Shape,
  src: Strided,
  dims: readonly number[],
  out: TypedArray,
  reducer: Reducer,
): void {
  const reduced = new Set(dims);
  const keptShape: number[] = [];
  const keptStrides: number[] = [];
  const redShape: number[] = [];
  const redStrides: number[] = [];
  shape.forEach((size, d) => {
    if (reduced.has(d)) {
      redShape.push(size);
      redStrides.push(src.strides[d]);
    } else {
      keptShape.push(size);
      keptStrides.push(src.strides[d]);
    }
  });
  const bases = offsetsOf(keptShape, keptStrides, src.offset);
  const data = src.data;
  const block = planLoops(redShape, [redStrides], [0], false);
  const n = block.numel;
  if (block.sizes.length <= 1) {
    // One strided run (or a single element, or nothing): no copy.
    const step = block.sizes.length === 1 ? block.steps[0][0] : 0;
    for (let i = 0; i < bases.length; i++) out[i] = reducer(data, bases[i], step, n);
    return;
  }
  const relative = offsetsOf(redShape, redStrides, 0);
  const gathered = new F64(n);
  for (let i = 0; i < bases.length; i++) {
    const base = bases[i];
    for (let j = 0; j < n; j++) gathered[j] = data[base + relative[j]];
    out[i] = reducer(gathered, 0, 1, n);
  }
}
