import fc from 'fast-check';
import type { Tensor } from '../tensor';
import type { TestDtype } from './build';
import { readable } from './describe';
import {
  LAYOUT_KINDS,
  layoutSpecArb,
  withLayout,
  type LayoutKind,
  type LayoutSpec,
} from './layouts';
import {
  broadcastShapesArb,
  matmulShapesArb,
  maxNumel,
  numel,
  resolveShapeOptions,
  shapeArb,
  type Shape,
  type ShapeOptions,
} from './shapes';
import { valueArbOf, type ValueKind } from './values';

/** Which layouts to draw: one kind, a list, `'any'` (all) or `'views'` (all but contiguous). */
export type LayoutChoice = LayoutKind | readonly LayoutKind[] | 'any' | 'views';

export interface TensorArbOptions extends ShapeOptions {
  /** A fixed shape, or an arbitrary of shapes (default: `shapeArb` of the size options). */
  shape?: Shape | fc.Arbitrary<Shape>;
  /** Element values: `'int'` small integers (default, exact), `'float'` bounded floats, or your own. */
  values?: ValueKind;
  dtype?: TestDtype;
  /** Default `'contiguous'`. */
  layout?: LayoutChoice;
}

function layoutKinds(choice: LayoutChoice = 'contiguous'): readonly LayoutKind[] {
  if (choice === 'any') return LAYOUT_KINDS;
  if (choice === 'views') return LAYOUT_KINDS.filter((kind) => kind !== 'contiguous');
  return typeof choice === 'string' ? [choice] : choice;
}

/** Values for a shape: a fixed-length array, so the arbitrary is a plain tuple (shrinks well). */
function valuesArb(kind: ValueKind | undefined, count: number): fc.Arbitrary<number[]> {
  return fc.array(valueArbOf(kind), { minLength: count, maxLength: count });
}

function build(values: number[], shape: Shape, spec: LayoutSpec, dtype: TestDtype): Tensor {
  return readable(withLayout(values, shape, spec, dtype));
}

/** Above this many elements, drawing a full-size value array for every case costs too much. */
const MAX_PREDRAWN_VALUES = 256;

/**
 * A tensor with small-integer (or float) values in the requested layouts. It prints as
 * `tensor(shape=[3,4], data=[…])` in counterexamples.
 */
export function tensorArb(options: TensorArbOptions = {}): fc.Arbitrary<Tensor> {
  const dtype = options.dtype ?? 'float32';
  const kinds = layoutKinds(options.layout);
  const { shape } = options;
  if (Array.isArray(shape)) {
    const fixed = [...shape];
    return fc
      .tuple(valuesArb(options.values, numel(fixed)), layoutSpecArb(kinds, fixed.length))
      .map(([values, spec]) => build(values, fixed, spec, dtype));
  }
  if (shape === undefined) {
    const { maxDims } = resolveShapeOptions(options);
    const count = maxNumel(options);
    if (count <= MAX_PREDRAWN_VALUES) {
      return fc
        .tuple(shapeArb(options), valuesArb(options.values, count), layoutSpecArb(kinds, maxDims))
        .map(([s, values, spec]) => build(values, s, spec, dtype));
    }
  }
  // An arbitrary of shapes (or large bounds): the values depend on the shape drawn, so chain.
  const shapes = (shape as fc.Arbitrary<Shape> | undefined) ?? shapeArb(options);
  return shapes.chain((s) =>
    fc
      .tuple(valuesArb(options.values, numel(s)), layoutSpecArb(kinds, s.length))
      .map(([values, spec]) => build(values, s, spec, dtype)),
  );
}

/** Small-integer tensors: exact arithmetic, so properties can demand equality. */
export function intTensorArb(options: Omit<TensorArbOptions, 'values'> = {}): fc.Arbitrary<Tensor> {
  return tensorArb({ ...options, values: 'int' });
}

/** Bounded float tensors (-10..10 by default, no NaN, no -0). */
export function floatTensorArb(
  options: Omit<TensorArbOptions, 'values'> = {},
): fc.Arbitrary<Tensor> {
  return tensorArb({ ...options, values: 'float' });
}

export interface MatrixPairOptions {
  minSize?: number;
  /** Largest m, k and n (default 5). 0-sized dims are included unless `minSize` is 1. */
  maxSize?: number;
  values?: ValueKind;
  dtype?: TestDtype;
  layout?: LayoutChoice;
}

/** `[a, b]` with `a` m x k and `b` k x n: a product that is defined. */
export function matrixPairArb(options: MatrixPairOptions = {}): fc.Arbitrary<[Tensor, Tensor]> {
  const maxSize = options.maxSize ?? 5;
  const dtype = options.dtype ?? 'float32';
  const kinds = layoutKinds(options.layout);
  const count = maxSize * maxSize;
  return fc
    .tuple(
      matmulShapesArb({ minSize: options.minSize, maxSize }),
      valuesArb(options.values, count),
      valuesArb(options.values, count),
      layoutSpecArb(kinds, 2),
      layoutSpecArb(kinds, 2),
    )
    .map(([{ m, k, n }, va, vb, sa, sb]): [Tensor, Tensor] => [
      build(va, [m, k], sa, dtype),
      build(vb, [k, n], sb, dtype),
    ]);
}

export interface BroadcastPair {
  a: Tensor;
  b: Tensor;
  /** The shape `a` and `b` broadcast to, known from the construction. */
  out: Shape;
}

/** Two tensors whose shapes broadcast together, and the shape they broadcast to. */
export function broadcastPairArb(
  options: Omit<TensorArbOptions, 'shape'> = {},
): fc.Arbitrary<BroadcastPair> {
  const dtype = options.dtype ?? 'float32';
  const kinds = layoutKinds(options.layout);
  const { maxDims } = resolveShapeOptions(options);
  const count = maxNumel(options);
  return fc
    .tuple(
      broadcastShapesArb(options),
      valuesArb(options.values, count),
      valuesArb(options.values, count),
      layoutSpecArb(kinds, maxDims),
      layoutSpecArb(kinds, maxDims),
    )
    .map(([{ a, b, out }, va, vb, sa, sb]) => ({
      a: build(va, a, sa, dtype),
      b: build(vb, b, sb, dtype),
      out,
    }));
}
