import fc from 'fast-check';
import type { Tensor } from '../tensor';
import { fromValues, type TestDtype } from './build';
import { indicesOf } from './read';
import { numel, type Shape } from './shapes';

/**
 * Non-contiguous layouts of the same values. A kata that only works on fresh contiguous tensors
 * hides stride bugs (MiniTorch's lesson), so tensor arbitraries can hand out views:
 * - `permuted`: stored in another dim order, permuted back (`t()`/`transpose` are special cases);
 * - `narrowed`: a window of a larger buffer along one dim (non-zero offset, padded rows);
 * - `stepped`: every 2nd or 3rd element of a larger buffer along one dim (`a[::2]`);
 * - `expanded`: a smaller tensor expanded with stride 0 (its values repeat along those dims).
 * The padding of `narrowed`/`stepped` holds PAD_VALUE, so code that reads outside the view shows it.
 */
export type LayoutKind = 'contiguous' | 'permuted' | 'narrowed' | 'stepped' | 'expanded';

export const LAYOUT_KINDS: readonly LayoutKind[] = [
  'contiguous',
  'permuted',
  'narrowed',
  'stepped',
  'expanded',
];

/** Fills the parts of a buffer outside the view: far outside the small-integer range. */
export const PAD_VALUE = 777;

/** Every random choice a layout needs, drawn up front for up to `maxDims` dims. */
export interface LayoutSpec {
  kind: LayoutKind;
  /** Sort keys that define the permutation of `permuted`. */
  order: number[];
  /** Which dim `narrowed`/`stepped` act on (taken modulo the rank). */
  dim: number;
  /** `narrowed`: padding before and after; `stepped`: the first element. */
  before: number;
  after: number;
  /** `stepped`: the step (2 or 3). */
  step: number;
  /** `expanded`: which dims are stored with size 1 and expanded. */
  expand: boolean[];
}

export function layoutSpecArb(
  kinds: readonly LayoutKind[],
  maxDims: number,
): fc.Arbitrary<LayoutSpec> {
  const flags = fc.array(fc.boolean(), { minLength: maxDims, maxLength: maxDims });
  return fc.record({
    kind: fc.constantFrom(...kinds),
    order: fc.array(fc.nat({ max: 9 }), { minLength: maxDims, maxLength: maxDims }),
    dim: fc.nat({ max: Math.max(0, maxDims - 1) }),
    before: fc.integer({ min: 1, max: 2 }),
    after: fc.nat({ max: 2 }),
    step: fc.integer({ min: 2, max: 3 }),
    expand: flags,
  });
}

/** How many values `withLayout` reads for this shape and spec (fewer when expanded). */
export function storedShape(shape: Shape, spec: LayoutSpec): Shape {
  if (spec.kind !== 'expanded') return shape;
  return shape.map((size, d) => (spec.expand[d] ? Math.min(size, 1) : size));
}

/**
 * A tensor of `shape` with the given layout whose elements are `values` (row-major over the
 * stored shape: for `expanded`, `storedShape(shape, spec)`).
 */
export function withLayout(
  values: readonly number[],
  shape: Shape,
  spec: LayoutSpec,
  dtype: TestDtype,
): Tensor {
  const rank = shape.length;
  if (rank === 0 || spec.kind === 'contiguous') return fromValues(values, shape, dtype);
  switch (spec.kind) {
    case 'permuted':
      return permuted(values, shape, spec.order, dtype);
    case 'narrowed':
      return narrowed(values, shape, spec.dim % rank, spec.before, spec.after, dtype);
    case 'stepped':
      return stepped(values, shape, spec.dim % rank, spec.before - 1, spec.step, dtype);
    case 'expanded':
      return fromValues(values, storedShape(shape, spec), dtype).expand([...shape]);
  }
}

function rowMajorPosition(index: readonly number[], shape: readonly number[]): number {
  let position = 0;
  for (let d = 0; d < shape.length; d++) position = position * shape[d] + index[d];
  return position;
}

/** Stores the values in the dim order given by sorting `order`, then permutes back. */
function permuted(
  values: readonly number[],
  shape: Shape,
  order: number[],
  dtype: TestDtype,
): Tensor {
  const rank = shape.length;
  const perm = [...Array(rank).keys()].sort((x, y) => order[x] - order[y] || y - x);
  const inverse: number[] = [];
  perm.forEach((dim, k) => (inverse[dim] = k));
  const storedShape = perm.map((dim) => shape[dim]);
  const stored: number[] = [];
  for (const j of indicesOf(storedShape)) {
    const i: number[] = [];
    perm.forEach((dim, k) => (i[dim] = j[k]));
    stored.push(values[rowMajorPosition(i, shape)]);
  }
  return fromValues(stored, storedShape, dtype).permute(...inverse);
}

/** Copies the values into a padded buffer where dim `dim` index i lands at `start + i * step`. */
function padded(
  values: readonly number[],
  shape: Shape,
  dim: number,
  bigSize: number,
  start: number,
  step: number,
) {
  const bigShape = shape.map((size, d) => (d === dim ? bigSize : size));
  const big = Array<number>(numel(bigShape)).fill(PAD_VALUE);
  for (const i of indicesOf(shape)) {
    const at = i.map((x, d) => (d === dim ? start + x * step : x));
    big[rowMajorPosition(at, bigShape)] = values[rowMajorPosition(i, shape)];
  }
  return { big, bigShape };
}

function narrowed(
  values: readonly number[],
  shape: Shape,
  dim: number,
  before: number,
  after: number,
  dtype: TestDtype,
): Tensor {
  const { big, bigShape } = padded(values, shape, dim, before + shape[dim] + after, before, 1);
  return fromValues(big, bigShape, dtype).narrow(dim, before, shape[dim]);
}

function stepped(
  values: readonly number[],
  shape: Shape,
  dim: number,
  start: number,
  step: number,
  dtype: TestDtype,
): Tensor {
  // One full step per element, so even a single element sits in padding.
  const end = start + shape[dim] * step;
  const { big, bigShape } = padded(values, shape, dim, end, start, step);
  const keys: (string | number[])[] = [...Array<string>(dim).fill(':'), [start, end, step]];
  return fromValues(big, bigShape, dtype).index(...(keys as Parameters<Tensor['index']>));
}
