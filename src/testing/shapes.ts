import fc from 'fast-check';

/**
 * Shape arbitraries. Everything is built with `tuple(...).map(...)`, never `chain`: mapped tuples
 * shrink dimension by dimension, so a failing case ends up as a small, readable shape.
 */

export type Shape = number[];

export interface ShapeOptions {
  /** Fewest dimensions (default 0: a scalar shape `[]` is allowed). */
  minDims?: number;
  /** Most dimensions (default 3). */
  maxDims?: number;
  /** Smallest size of one dimension (default 1; use 0 to include empty tensors). */
  minSize?: number;
  /** Largest size of one dimension (default 4). */
  maxSize?: number;
}

interface ResolvedShapeOptions {
  minDims: number;
  maxDims: number;
  minSize: number;
  maxSize: number;
}

export function resolveShapeOptions(options: ShapeOptions = {}): ResolvedShapeOptions {
  const resolved = {
    minDims: options.minDims ?? 0,
    maxDims: options.maxDims ?? 3,
    minSize: options.minSize ?? 1,
    maxSize: options.maxSize ?? 4,
  };
  if (
    resolved.minDims > resolved.maxDims ||
    resolved.minSize > resolved.maxSize ||
    resolved.minSize < 0
  ) {
    throw new Error(`invalid shape options ${JSON.stringify(options)}`);
  }
  return resolved;
}

/** The number of elements of a tensor of this shape. */
export function numel(shape: readonly number[]): number {
  return shape.reduce((product, size) => product * size, 1);
}

/** The largest number of elements a shape drawn with these options can have. */
export function maxNumel(options: ShapeOptions = {}): number {
  const { maxDims, maxSize } = resolveShapeOptions(options);
  return Math.max(1, maxSize) ** maxDims;
}

/** A shape: an array of `minDims..maxDims` sizes, each in `minSize..maxSize`. */
export function shapeArb(options: ShapeOptions = {}): fc.Arbitrary<Shape> {
  const { minDims, maxDims, minSize, maxSize } = resolveShapeOptions(options);
  return fc.array(fc.integer({ min: minSize, max: maxSize }), {
    minLength: minDims,
    maxLength: maxDims,
  });
}

export interface BroadcastShapes {
  a: Shape;
  b: Shape;
  /** The broadcast result, known from the construction (not computed by the code under test). */
  out: Shape;
}

/**
 * Two shapes that broadcast together, with the shape they broadcast to.
 * Drawn as an output shape, how many leading dims each side drops, and a mask per side of the
 * dims set to 1. Each side's dim is then either the output's size or 1, so the pair is compatible
 * by construction; the result takes the output's size wherever at least one side kept it.
 */
export function broadcastShapesArb(options: ShapeOptions = {}): fc.Arbitrary<BroadcastShapes> {
  const { maxDims } = resolveShapeOptions(options);
  const side = fc.tuple(
    fc.integer({ min: 0, max: maxDims }),
    fc.array(fc.boolean(), { minLength: maxDims, maxLength: maxDims }),
  );
  return fc
    .tuple(shapeArb(options), side, side)
    .map(([full, [dropA, maskA], [dropB, maskB]]) =>
      broadcastPairFrom(full, dropA, maskA, dropB, maskB),
    );
}

/** Builds one side: drop leading dims, then set the masked dims to 1. */
function sideOf(full: Shape, drop: number, mask: boolean[]): { shape: Shape; kept: boolean[] } {
  const start = Math.min(drop, full.length);
  const kept = full.map((_, i) => i >= start && !mask[i]);
  const shape = full.slice(start).map((size, j) => (mask[start + j] ? 1 : size));
  return { shape, kept };
}

export function broadcastPairFrom(
  full: Shape,
  dropA: number,
  maskA: boolean[],
  dropB: number,
  maskB: boolean[],
): BroadcastShapes {
  const a = sideOf(full, dropA, maskA);
  const b = sideOf(full, dropB, maskB);
  const rank = Math.max(a.shape.length, b.shape.length);
  const out = full.slice(full.length - rank).map((size, j) => {
    const i = full.length - rank + j;
    return a.kept[i] || b.kept[i] ? size : 1;
  });
  return { a: a.shape, b: b.shape, out };
}

/**
 * Two shapes that do NOT broadcast: at one aligned dim the sizes differ and neither is 1.
 * `dim` is that dim, counted from the end (-1 is the last), as PyTorch's error reports it.
 */
export function incompatibleShapesArb(
  options: ShapeOptions = {},
): fc.Arbitrary<BroadcastShapes & { dimFromEnd: number }> {
  const { maxDims, maxSize } = resolveShapeOptions({ ...options, minDims: 1 });
  const clash = fc
    .tuple(
      fc.integer({ min: 2, max: Math.max(3, maxSize) }),
      fc.integer({ min: 1, max: Math.max(3, maxSize) }),
    )
    .map(([x, step]) => [x, x + step] as const);
  return fc
    .tuple(broadcastShapesArb({ ...options, minDims: 1, maxDims }), fc.nat(), clash, fc.boolean())
    .map(([{ a, b }, at, [x, y], swap]) => {
      // Both sides need the clashing dim: pad the shorter one with leading 1s if needed.
      const rank = Math.max(a.length, b.length, 1);
      const pa = [...Array<number>(rank - a.length).fill(1), ...a];
      const pb = [...Array<number>(rank - b.length).fill(1), ...b];
      const fromEnd = (at % rank) + 1;
      pa[rank - fromEnd] = swap ? y : x;
      pb[rank - fromEnd] = swap ? x : y;
      const out = pa.map((size, i) => Math.max(size, pb[i]));
      return { a: pa, b: pb, out, dimFromEnd: -fromEnd };
    });
}

export interface MatmulShapes {
  m: number;
  k: number;
  n: number;
}

/** Sizes of an `m x k` by `k x n` product: 0- and 1-sized dims included by default. */
export function matmulShapesArb(
  options: { minSize?: number; maxSize?: number } = {},
): fc.Arbitrary<MatmulShapes> {
  const size = fc.integer({ min: options.minSize ?? 0, max: options.maxSize ?? 5 });
  return fc.record({ m: size, k: size, n: size });
}
