/**
 * The strided loops, written once. An operand is a typed array read through (strides, offset);
 * `planRows` turns any shape and set of operands into rows that each kernel walks with a plain
 * `for` loop: dims of size 1 are dropped and dims that are contiguous for every operand are
 * merged, so a contiguous tensor is one long row (the fast path falls out of the plan).
 */
import type { TypedArray } from './dtype';
import { contiguousStrides, type Shape } from './layout';

export interface Strided {
  readonly data: TypedArray;
  readonly strides: readonly number[];
  readonly offset: number;
}

export interface RowPlan {
  /** Number of rows (0 when the shape has a zero-size dim). */
  readonly rows: number;
  /** Elements per row. */
  readonly length: number;
  /** Per operand: the step between neighbours in a row. */
  readonly steps: readonly number[];
  /** Per operand: the start offset of every row. */
  readonly starts: readonly Int32Array[];
}

export function planRows(
  shape: Shape,
  strides: readonly Shape[],
  offsets: readonly number[],
): RowPlan {
  const k = strides.length;
  const sizes: number[] = [];
  const dimStrides: number[][] = strides.map(() => []);
  for (let d = 0; d < shape.length; d++) {
    if (shape[d] === 0) return { rows: 0, length: 0, steps: strides.map(() => 0), starts: [] };
    if (shape[d] === 1) continue;
    // Merge into the previous (outer) dim when this one continues it for every operand.
    const last = sizes.length - 1;
    let merge = last >= 0;
    for (let o = 0; merge && o < k; o++) {
      if (dimStrides[o][last] !== strides[o][d] * shape[d]) merge = false;
    }
    if (merge) {
      sizes[last] *= shape[d];
      for (let o = 0; o < k; o++) dimStrides[o][last] = strides[o][d];
    } else {
      sizes.push(shape[d]);
      for (let o = 0; o < k; o++) dimStrides[o].push(strides[o][d]);
    }
  }
  if (sizes.length === 0) {
    return {
      rows: 1,
      length: 1,
      steps: strides.map(() => 0),
      starts: offsets.map((off) => Int32Array.of(off)),
    };
  }
  const outer = sizes.length - 1;
  const length = sizes[outer];
  const steps = dimStrides.map((s) => s[outer]);
  let rows = 1;
  for (let d = 0; d < outer; d++) rows *= sizes[d];
  const starts = offsets.map(() => new Int32Array(rows));
  const index = new Array<number>(outer).fill(0);
  const pos = [...offsets];
  for (let r = 0; r < rows; r++) {
    for (let o = 0; o < k; o++) starts[o][r] = pos[o];
    for (let d = outer - 1; d >= 0; d--) {
      index[d]++;
      for (let o = 0; o < k; o++) pos[o] += dimStrides[o][d];
      if (index[d] < sizes[d]) break;
      for (let o = 0; o < k; o++) pos[o] -= dimStrides[o][d] * sizes[d];
      index[d] = 0;
    }
  }
  return { rows, length, steps, starts };
}

/** The storage offset of every element of a view, in row-major order. */
export function offsetsOf(shape: Shape, strides: Shape, offset: number): Int32Array {
  const plan = planRows(shape, [strides], [offset]);
  const out = new Int32Array(plan.rows * plan.length);
  const step = plan.steps[0];
  let i = 0;
  for (let r = 0; r < plan.rows; r++) {
    let p = plan.starts[0][r];
    for (let j = 0; j < plan.length; j++, p += step) out[i++] = p;
  }
  return out;
}

/**
 * A scalar expression in `x` (and `y` for binary ops), e.g. `'x + y'` or `'Math.exp(x)'`.
 * Each distinct expression is compiled once into its own row loop, so the expression is inlined
 * into a loop that only ever sees that op: a shared loop calling a function per element is
 * about eight times slower (the call site sees every op and cannot be inlined).
 */
export type Expression = string;

type RowLoop = (plan: RowPlan, out: TypedArray, a: TypedArray, b: TypedArray | null) => void;

const compiled = { 1: new Map<string, RowLoop>(), 2: new Map<string, RowLoop>() };

function rowLoop(expression: Expression, arity: 1 | 2): RowLoop {
  let loop = compiled[arity].get(expression);
  if (loop === undefined) {
    const two = arity === 2;
    const source = `
      const rows = plan.rows, length = plan.length;
      const so = plan.steps[0], sa = plan.steps[1]${two ? ', sb = plan.steps[2]' : ''};
      const startO = plan.starts[0], startA = plan.starts[1]${two ? ', startB = plan.starts[2]' : ''};
      const dense = so === 1 && sa === 1${two ? ' && sb === 1' : ''};
      for (let r = 0; r < rows; r++) {
        let po = startO[r], pa = startA[r]${two ? ', pb = startB[r]' : ''};
        if (dense) {
          // Unit steps (contiguous data): one index, which the JIT handles best.
          for (let j = 0; j < length; j++) {
            const x = a[pa + j]${two ? ', y = b[pb + j]' : ''};
            out[po + j] = ${expression};
          }
          continue;
        }
        for (let j = 0; j < length; j++) {
          const x = a[pa]${two ? ', y = b[pb]' : ''};
          out[po] = ${expression};
          po += so; pa += sa;${two ? ' pb += sb;' : ''}
        }
      }`;
    loop = new Function('plan', 'out', 'a', 'b', source) as RowLoop;
    compiled[arity].set(expression, loop);
  }
  return loop;
}

/** out[i] = expression(a[i]) over a shape; out may itself be strided (in-place ops, copy_). */
export function mapInto(shape: Shape, out: Strided, a: Strided, expression: Expression): void {
  const plan = planRows(shape, [out.strides, a.strides], [out.offset, a.offset]);
  rowLoop(expression, 1)(plan, out.data, a.data, null);
}

/** Copies (and casts through JS numbers) a into out; whole rows at once when both are dense. */
export function copyInto(shape: Shape, out: Strided, a: Strided): void {
  const plan = planRows(shape, [out.strides, a.strides], [out.offset, a.offset]);
  const [so, sa] = plan.steps;
  if (so === 1 && sa === 1 && out.data.constructor === a.data.constructor) {
    for (let r = 0; r < plan.rows; r++) {
      const pa = plan.starts[1][r];
      out.data.set(a.data.subarray(pa, pa + plan.length), plan.starts[0][r]);
    }
    return;
  }
  rowLoop('x', 1)(plan, out.data, a.data, null);
}

/** out[i] = expression(a[i], b[i]); a and b are already broadcast to `shape` (stride 0). */
export function zipInto(
  shape: Shape,
  out: Strided,
  a: Strided,
  b: Strided,
  expression: Expression,
): void {
  const plan = planRows(
    shape,
    [out.strides, a.strides, b.strides],
    [out.offset, a.offset, b.offset],
  );
  rowLoop(expression, 2)(plan, out.data, a.data, b.data);
}

/**
 * Sums `src` over `dims` into a float64 accumulator (one slot per kept position, row-major):
 * the input is walked row by row in its own order and added into slots whose strides are 0 on the
 * reduced dims, so no block is gathered and a column sum reads memory contiguously.
 */
export function sumInto(shape: Shape, src: Strided, dims: readonly number[]): Float64Array {
  const reduced = new Set(dims);
  const keptShape = shape.map((s, d) => (reduced.has(d) ? 1 : s));
  const slotStrides = contiguousStrides(keptShape).map((st, d) => (reduced.has(d) ? 0 : st));
  let slots = 1;
  for (const s of keptShape) slots *= s;
  const acc = new Float64Array(slots);
  const view: Strided = { data: acc, strides: slotStrides, offset: 0 };
  zipInto(shape, view, src, view, 'x + y');
  return acc;
}

/** Reduces one block of values (a contiguous run of `block`) to a number. */
export type Reducer = (block: ArrayLike<number>, n: number) => number;

/**
 * Reduces `src` over `dims`: out (contiguous, the kept dims in order) gets one value per kept
 * position. Each reduced block is handed to the reducer as a contiguous run, without a copy when
 * the block already is one.
 */
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
  // A block that is one dense run (e.g. the last dim of a contiguous tensor) is read in place.
  const redPlan = planRows(redShape, [redStrides], [0]);
  const unitRun = redPlan.rows <= 1 && (redPlan.length <= 1 || redPlan.steps[0] === 1);
  const rel = unitRun ? new Int32Array(0) : offsetsOf(redShape, redStrides, 0);
  const n = unitRun ? redPlan.rows * redPlan.length : rel.length;
  const first = unitRun ? (redPlan.rows > 0 ? redPlan.starts[0][0] : 0) : 0;
  const block = new Float64Array(unitRun ? 0 : n);
  for (let i = 0; i < bases.length; i++) {
    const base = bases[i];
    if (unitRun) {
      out[i] = reducer(data.subarray(base + first, base + first + n), n);
    } else {
      for (let j = 0; j < n; j++) block[j] = data[base + rel[j]];
      out[i] = reducer(block, n);
    }
  }
}
