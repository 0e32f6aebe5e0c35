/**
 * Naive reference implementations the engine tests compare against: plain JS arrays in row-major
 * order, one element at a time, no strides. Slow and obviously right.
 */
import type { Tensor } from '../tensor';

// Read once: inside jest's sandbox a global `Math.x` lookup costs about half a microsecond, and
// unravel runs once per element of every reference.
const { floor, max, min } = Math;

export interface Ref {
  shape: number[];
  values: number[];
}

export function numel(shape: readonly number[]): number {
  return shape.reduce((n, s) => n * s, 1);
}

/** Multi-index of flat position i in a row-major shape. */
export function unravel(i: number, shape: readonly number[]): number[] {
  const idx = new Array<number>(shape.length);
  for (let d = shape.length - 1; d >= 0; d--) {
    idx[d] = i % shape[d];
    i = floor(i / shape[d]);
  }
  return idx;
}

export function ravel(idx: readonly number[], shape: readonly number[]): number {
  let i = 0;
  for (let d = 0; d < shape.length; d++) i = i * shape[d] + idx[d];
  return i;
}

function flattenNested(v: unknown, out: number[]): void {
  if (Array.isArray(v)) for (const x of v) flattenNested(x, out);
  else out.push(Number(v));
}

/** A tensor's logical values (via toArray, which the view tests check against get). */
export function read(t: Tensor): Ref {
  const values: number[] = [];
  flattenNested(t.toArray(), values);
  return { shape: [...t.shape], values };
}

/** A tensor's logical values, read element by element through get(). */
export function readByGet(t: Tensor): number[] {
  const values: number[] = [];
  for (let i = 0; i < t.numel(); i++) values.push(t.get(...unravel(i, t.shape)));
  return values;
}

export function naiveBroadcastShape(a: readonly number[], b: readonly number[]): number[] | null {
  const n = max(a.length, b.length);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = a[a.length - n + i] ?? 1;
    const y = b[b.length - n + i] ?? 1;
    if (x !== y && x !== 1 && y !== 1) return null;
    out.push(max(x, y) === 1 ? min(x, y) : x === 1 ? y : x);
  }
  return out;
}

/** The element of `a` that broadcasting reads for output index `idx`. */
function broadcastRead(a: Ref, idx: readonly number[]): number {
  const lead = idx.length - a.shape.length;
  const own = a.shape.map((s, d) => (s === 1 ? 0 : idx[d + lead]));
  return a.values[ravel(own, a.shape)];
}

export function naiveZip(a: Ref, b: Ref, f: (x: number, y: number) => number): Ref {
  const shape = naiveBroadcastShape(a.shape, b.shape);
  if (shape === null) throw new Error('not broadcastable');
  const values: number[] = [];
  for (let i = 0; i < numel(shape); i++) {
    const idx = unravel(i, shape);
    values.push(f(broadcastRead(a, idx), broadcastRead(b, idx)));
  }
  return { shape, values };
}

/** Folds the values along `dims` (all when empty) into one number per kept position. */
export function naiveReduce(
  a: Ref,
  dims: readonly number[],
  keepdim: boolean,
  fold: (block: number[]) => number,
): Ref {
  const reduced = new Set(dims.length === 0 ? a.shape.map((_, d) => d) : dims);
  const keptShape = a.shape.map((s, d) => (reduced.has(d) ? 1 : s));
  const blocks: number[][] = Array.from({ length: numel(keptShape) }, () => []);
  for (let i = 0; i < a.values.length; i++) {
    const idx = unravel(i, a.shape).map((x, d) => (reduced.has(d) ? 0 : x));
    blocks[ravel(idx, keptShape)].push(a.values[i]);
  }
  const shape = keepdim ? keptShape : a.shape.filter((_, d) => !reduced.has(d));
  return { shape, values: blocks.map(fold) };
}

/** The triple loop of the first lesson, over flat row-major (m x k) and (k x n). */
export function naiveMatmul(a: number[], b: number[], m: number, k: number, n: number): number[] {
  const out = new Array<number>(m * n).fill(0);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let p = 0; p < k; p++) s += a[i * k + p] * b[p * n + j];
      out[i * n + j] = s;
    }
  }
  return out;
}
