/**
 * fast-check arbitraries for the engine's own tests: shapes, broadcast-compatible shape pairs,
 * and tensors with a random memory layout (dims stored in any order, gaps between elements, an
 * offset), so stride bugs cannot hide behind contiguous inputs.
 */
import fc from 'fast-check';
import { fromStorage } from '../creation';
import type { DType } from '../dtype';
import { Storage } from '../storage';
import type { Tensor } from '../tensor';
import { numel, unravel } from './reference';

export const MAX_NUMEL = 81;

export function shapeArb(maxDims = 4, maxSize = 3, minSize = 0): fc.Arbitrary<number[]> {
  return fc.array(fc.integer({ min: minSize, max: maxSize }), { maxLength: maxDims });
}

/** Two shapes that broadcast: an output shape, leading dims dropped, some dims set to 1. */
export function broadcastPairArb(maxDims = 4): fc.Arbitrary<[number[], number[]]> {
  return fc
    .tuple(
      shapeArb(maxDims, 3),
      fc.nat({ max: maxDims }),
      fc.nat({ max: maxDims }),
      fc.array(fc.boolean(), { minLength: maxDims, maxLength: maxDims }),
      fc.array(fc.boolean(), { minLength: maxDims, maxLength: maxDims }),
    )
    .map(([out, dropA, dropB, onesA, onesB]) => {
      const make = (drop: number, ones: boolean[]) =>
        out.slice(Math.min(drop, out.length)).map((s, i) => (ones[i] ? 1 : s));
      return [make(dropA, onesA), make(dropB, onesB)];
    });
}

/** How a tensor's elements are placed in its storage. */
export interface LayoutSpec {
  /** Storage order of the dims (outermost first). */
  order: number[];
  /** Extra slots after each dim's elements (creates gaps). */
  gaps: number[];
  offset: number;
}

export function layoutArb(ndim: number): fc.Arbitrary<LayoutSpec> {
  return fc.record({
    order: fc.shuffledSubarray(
      Array.from({ length: ndim }, (_, i) => i),
      { minLength: ndim, maxLength: ndim },
    ),
    gaps: fc.array(fc.nat({ max: 1 }), { minLength: ndim, maxLength: ndim }),
    offset: fc.nat({ max: 2 }),
  });
}

export const CONTIGUOUS = (ndim: number): LayoutSpec => ({
  order: Array.from({ length: ndim }, (_, i) => i),
  gaps: new Array<number>(ndim).fill(0),
  offset: 0,
});

/** Builds a tensor with the given logical values, laid out in memory as `layout` says. */
export function build(
  shape: readonly number[],
  values: readonly number[],
  layout: LayoutSpec,
  dtype: DType = 'float32',
): Tensor {
  const strides = new Array<number>(shape.length).fill(0);
  let step = 1;
  for (let i = layout.order.length - 1; i >= 0; i--) {
    const d = layout.order[i];
    strides[d] = step;
    step *= Math.max(shape[d], 1) + layout.gaps[d];
  }
  const storage = Storage.allocate(dtype, layout.offset + step);
  storage.data.fill(dtype === 'bool' ? 1 : 77); // junk in the gaps
  const n = numel(shape);
  for (let i = 0; i < n; i++) {
    const idx = unravel(i, shape);
    let pos = layout.offset;
    for (let d = 0; d < shape.length; d++) pos += idx[d] * strides[d];
    storage.data[pos] = values[i];
  }
  return fromStorage(storage, shape, strides, layout.offset);
}

export interface Built {
  t: Tensor;
  shape: number[];
  values: number[];
}

export const smallInt = fc.integer({ min: -9, max: 9 });

/** A tensor of the given shape with random layout and values from `value`. */
export function tensorOf(
  shape: readonly number[],
  value: fc.Arbitrary<number> = smallInt,
  dtype: DType = 'float32',
): fc.Arbitrary<Built> {
  const n = numel(shape);
  return fc
    .tuple(fc.array(value, { minLength: n, maxLength: n }), layoutArb(shape.length))
    .map(([values, layout]) => ({
      t: build(shape, values, layout, dtype),
      shape: [...shape],
      values,
    }));
}

/** A tensor of random shape (numel <= MAX_NUMEL), random layout, small integer values. */
export function tensorArb(
  dtype: DType = 'float32',
  value: fc.Arbitrary<number> = smallInt,
  maxDims = 4,
): fc.Arbitrary<Built> {
  return fc
    .tuple(
      shapeArb(maxDims, 3),
      fc.array(value, { minLength: MAX_NUMEL, maxLength: MAX_NUMEL }),
      layoutArb(maxDims),
    )
    .map(([shape, pool, layout]) => {
      const values = pool.slice(0, numel(shape));
      const spec: LayoutSpec = {
        order: layout.order.filter((d) => d < shape.length),
        gaps: layout.gaps.slice(0, shape.length),
        offset: layout.offset,
      };
      return { t: build(shape, values, spec, dtype), shape, values };
    });
}
