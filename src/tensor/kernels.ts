/**
 * The strided loops, written once. An operand is a typed array read through (strides, offset);
 * `planLoops` turns a shape and its operands into nested loops (innermost first, size-1 dims
 * dropped, mergeable dims merged), and each op's scalar expression is compiled into its own copy
 * of a two-level loop over that plan, so the expression is inlined into a loop that sees only it.
 */
import type { TypedArray } from './dtype';
import { contiguousStrides, type Shape } from './layout';
import { planLoops, swapInnerLoops, type LoopPlan } from './loop-plan';
import { WASM_MAPS, WASM_OPS, wasmZipRows, type Rows } from './wasm/elementwise';
import { wasmSumRows } from './wasm/sum';

export { offsetsOf } from './loop-plan';

export interface Strided {
  readonly data: TypedArray;
  readonly strides: readonly number[];
  readonly offset: number;
}

/**
 * A scalar expression in `x` (and `y` for binary ops), e.g. `'x + y'` or `'exp(x)'`. It may call
 * the functions in SCOPE by their bare names and use `NaN`. Those are handed to every compiled
 * loop as locals rather than read from the global object: inside jest's sandbox a global lookup
 * such as `Math.exp` or `NaN` in a hot loop costs about a hundred times more than a local.
 */
export type Expression = string;

const SCOPE = {
  exp: Math.exp,
  log: Math.log,
  sqrt: Math.sqrt,
  pow: Math.pow,
  abs: Math.abs,
  imul: Math.imul,
  fround: Math.fround,
  NaN: NaN,
};
const SCOPE_NAMES = Object.keys(SCOPE);
const SCOPE_VALUES = Object.values(SCOPE);

type Loop = (plan: LoopPlan, out: TypedArray, a: TypedArray, b: TypedArray | null) => void;

/** How an operand moves in the inner loop: unit steps, not at all (broadcast), or any step. */
type Kind = '1' | '0' | 's';
const KINDS: readonly Kind[] = ['1', '0', 's'];

function kindCode(plan: LoopPlan, operand: number): number {
  if (plan.sizes.length === 0) return 1;
  const step = plan.steps[operand][0];
  return step === 1 ? 0 : step === 0 ? 1 : 2;
}

// Read once, like SCOPE: each op looks its arrays' classes up.
const F32 = Float32Array;
const F64 = Float64Array;
const I32 = Int32Array;

/** A code per typed-array class: each compiled loop sees one class per operand only. */
function typeCode(array: TypedArray | null): number {
  if (array === null) return 0;
  const kind = array.constructor;
  return kind === F32 ? 0 : kind === F64 ? 1 : kind === I32 ? 2 : 3;
}

const OPERANDS = ['o', 'a', 'b'];
const ARRAYS = ['out', 'a', 'b'];

/** Element j of the inner loop of operand `o` (position q<o>, inner step s<o>0). */
function element(o: number, kind: Kind): string {
  const [name, array] = [OPERANDS[o], ARRAYS[o]];
  if (kind === '1') return `${array}[q${name} + j]`;
  if (kind === '0') return `${array}[q${name}]`;
  return `${array}[q${name} + j * s${name}0]`;
}

/**
 * The loop nest around an inner-loop body: the inner two dims as plain `for` loops, any further
 * dims through an odometer, so no per-row table is allocated and a short inner loop costs little.
 */
function nest(operands: number, inner: string): string {
  const each = (f: (name: string, o: number) => string, sep = ', ') =>
    OPERANDS.slice(0, operands).map(f).join(sep);
  return `
    const sizes = plan.sizes, steps = plan.steps, nd = sizes.length;
    const n0 = nd > 0 ? sizes[0] : 1, n1 = nd > 1 ? sizes[1] : 1, block = n0 * n1;
    const ${each((n, o) => `s${n}0 = nd > 0 ? steps[${o}][0] : 0, s${n}1 = nd > 1 ? steps[${o}][1] : 0`)};
    let ${each((n, o) => `p${n} = plan.offsets[${o}]`)};
    const index = nd > 2 ? sizes.map(() => 0) : null;
    for (let done = 0; done < plan.numel; done += block) {
      let ${each((n) => `q${n} = p${n}`)};
      for (let i = 0; i < n1; i++) {
        ${inner}
        ${each((n) => `q${n} += s${n}1;`, ' ')}
      }
      for (let d = 2; d < nd; d++) {
        ${each((n, o) => `p${n} += steps[${o}][d];`, ' ')}
        if (++index[d] < sizes[d]) break;
        ${each((n, o) => `p${n} -= steps[${o}][d] * sizes[d];`, ' ')}
        index[d] = 0;
      }
    }`;
}

/** out = expression(x[, y]): inputs that do not move in the inner loop are read once per row. */
function elementwiseSource(expression: Expression, kinds: readonly Kind[]): string {
  const names = ['x', 'y'];
  const hoisted: string[] = [];
  const perElement: string[] = [];
  for (let o = 1; o < kinds.length; o++) {
    const read = `const ${names[o - 1]} = ${element(o, kinds[o])};`;
    (kinds[o] === '0' ? hoisted : perElement).push(read);
  }
  const inner = `
    ${hoisted.join(' ')}
    for (let j = 0; j < n0; j++) {
      ${perElement.join(' ')}
      ${element(0, kinds[0])} = ${expression};
    }`;
  return nest(kinds.length, inner);
}

/** acc += a: a row that lands on one accumulator slot is summed in a local first. */
function sumSource(kinds: readonly Kind[]): string {
  const inner =
    kinds[0] === '0'
      ? `let s = out[qo];
         for (let j = 0; j < n0; j++) s += ${element(1, kinds[1])};
         out[qo] = s;`
      : `for (let j = 0; j < n0; j++) ${element(0, kinds[0])} += ${element(1, kinds[1])};`;
  return nest(2, inner);
}

/**
 * out = expression(x[, y]) when every operand is one dense run (a contiguous tensor, or a view that
 * merges into one): each array is cut to its run with `subarray`, so the loop indexes from 0 and
 * V8 drops the offset arithmetic (about a fifth faster on 1e6 float32 elements than the nest).
 */
function flatSource(expression: Expression, operands: number): string {
  const runs = ARRAYS.slice(0, operands)
    .map(
      (array, o) => `const r${o} = ${array}.subarray(plan.offsets[${o}], plan.offsets[${o}] + n);`,
    )
    .join(' ');
  const reads = ['const x = r1[j];', operands > 2 ? 'const y = r2[j];' : ''].join(' ');
  return `
    const n = plan.numel;
    ${runs}
    for (let j = 0; j < n; j++) {
      ${reads}
      r0[j] = ${expression};
    }`;
}

/** Elements from which float32 arithmetic on dense rows goes to the WebAssembly kernel. */
let wasmZipFrom = 16384;

/** Elements from which a dense elementwise run takes the flat loop (cutting runs costs a little). */
let flatFrom = 4096;

/**
 * @internal Sets the size from which dense runs take the flat loop: tests pass 0 (always) and
 * Infinity (never) to check the flat loop against the general one. Returns the previous size.
 */
export function setFlatLoopThreshold(elements: number): number {
  const previous = flatFrom;
  flatFrom = elements;
  return previous;
}

/** Whether the plan is one loop in which every operand takes unit steps. */
function isOneDenseRun(plan: LoopPlan): boolean {
  if (plan.sizes.length !== 1) return false;
  for (const steps of plan.steps) if (steps[0] !== 1) return false;
  return true;
}

/** Compiled loops by mode and expression, then by a number packing the kinds and array types. */
const compiled = new Map<string, Map<number, Loop>>();

function compile(source: string): Loop {
  const factory = new Function(
    ...SCOPE_NAMES,
    `return function kernel(plan, out, a, b) {${source}}`,
  ) as (...scope: unknown[]) => Loop;
  return factory(...SCOPE_VALUES);
}

function run(
  mode: 'map' | 'sum',
  expression: Expression,
  plan: LoopPlan,
  out: TypedArray,
  a: TypedArray,
  b: TypedArray | null,
): void {
  if (plan.numel === 0) return;
  const ko = kindCode(plan, 0);
  const ka = kindCode(plan, 1);
  const kb = b === null ? 0 : kindCode(plan, 2);
  const flat = mode === 'map' && plan.numel >= flatFrom && isOneDenseRun(plan);
  const types = (typeCode(out) * 4 + typeCode(a)) * 4 + typeCode(b);
  // Flat loops are numbered after every nest variant (3^3 kind triples times 4^3 type triples).
  const variant = flat ? 27 * 64 + types : ((ko * 3 + ka) * 3 + kb) * 64 + types;
  const family = mode === 'sum' ? '+=' : expression;
  let loops = compiled.get(family);
  if (loops === undefined) compiled.set(family, (loops = new Map()));
  let loop = loops.get(variant);
  if (loop === undefined) {
    const kinds = [KINDS[ko], KINDS[ka]];
    if (b !== null) kinds.push(KINDS[kb]);
    const operands = b === null ? 2 : 3;
    loop = compile(
      mode === 'sum'
        ? sumSource(kinds)
        : flat
          ? flatSource(expression, operands)
          : elementwiseSource(expression, kinds),
    );
    loops.set(variant, loop);
  }
  loop(plan, out, a, b);
}

/** out[i] = expression(a[i]) over a shape; out may itself be strided (in-place ops, copy_). */
export function mapInto(shape: Shape, out: Strided, a: Strided, expression: Expression): void {
  const plan = planLoops(shape, [out.strides, a.strides], [out.offset, a.offset], true);
  const map = WASM_MAPS.get(expression);
  if (plan.numel >= wasmZipFrom && map !== undefined) {
    // `x op number`: the number is a third operand that never moves.
    const withNumber: LoopPlan = {
      ...plan,
      steps: [...plan.steps, plan.sizes.map(() => 0)],
      offsets: [...plan.offsets, 0],
    };
    if (zipsDenseRows(withNumber, out.data, a.data, Float32Array.of(map.number), map.op)) return;
  }
  run('map', expression, plan, out.data, a.data, null);
}

/** Copies (and casts through JS numbers) a into out; one block copy when both are one dense run. */
export function copyInto(shape: Shape, out: Strided, a: Strided): void {
  const plan = planLoops(shape, [out.strides, a.strides], [out.offset, a.offset], true);
  const oneRun =
    plan.sizes.length <= 1 &&
    (plan.sizes.length === 0 || (plan.steps[0][0] === 1 && plan.steps[1][0] === 1));
  if (oneRun && plan.numel > 0 && out.data.constructor === a.data.constructor) {
    out.data.set(a.data.subarray(a.offset, a.offset + plan.numel), out.offset);
    return;
  }
  run('map', 'x', plan, out.data, a.data, null);
}

/** out[i] = expression(a[i], b[i]); a and b are already broadcast to `shape` (stride 0). */
export function zipInto(
  shape: Shape,
  out: Strided,
  a: Strided,
  b: Strided,
  expression: Expression,
): void {
  const plan = planLoops(
    shape,
    [out.strides, a.strides, b.strides],
    [out.offset, a.offset, b.offset],
    true,
  );
  const op = WASM_OPS.get(expression);
  if (plan.numel >= wasmZipFrom && op !== undefined) {
    if (zipsDenseRows(plan, out.data, a.data, b.data, op)) return;
  }
  run('map', expression, plan, out.data, a.data, b.data);
}

/**
 * @internal Sets the size from which float32 arithmetic on dense rows goes to the WebAssembly
 * kernel: tests pass 0 to check it on small shapes. Returns the previous size.
 */
export function setWasmZipThreshold(elements: number): number {
  const previous = wasmZipFrom;
  wasmZipFrom = elements;
  return previous;
}

/**
 * The kernel's op `op` (`+ - * /`, relu, relu's backward) on float32 operands laid out as dense
 * rows (the whole tensor as one row, or rows of a matrix) where an input may also repeat one row
 * (`[m, n] + [n]`), hold one number per row (`[m, n] - [m, 1]`) or be one number (`x * 2`) goes
 * to the WebAssembly kernel, which gives the same numbers. Returns false when it did not run.
 */
function zipsDenseRows(
  plan: LoopPlan,
  out: TypedArray,
  a: TypedArray,
  b: TypedArray,
  op: number,
): boolean {
  if (out.constructor !== F32 || a.constructor !== F32) return false;
  if (b.constructor !== F32 || plan.sizes.length === 0 || plan.sizes.length > 2) return false;
  const cols = plan.sizes[0];
  const rows = plan.sizes.length === 2 ? plan.sizes[1] : 1;
  const [so, sa, sb] = plan.steps;
  const rowStep = (steps: readonly number[]) => (rows === 1 ? cols : steps[1]);
  if (so[0] !== 1 || rowStep(so) !== cols) return false;
  const [po, pa, pb] = plan.offsets;
  // Each input is dense rows (row step cols), one row repeated (0), one number per row (inner
  // step 0) or one number (steps all 0).
  const operand = (data: TypedArray, steps: readonly number[], offset: number): Rows | null => {
    const view = { data: data as Float32Array, offset };
    if (steps[0] === 0) {
      return { ...view, rowStep: rows === 1 ? 0 : steps[1], onePerRow: true };
    }
    if (steps[0] !== 1) return null;
    const step = rowStep(steps);
    return step === cols || step === 0 ? { ...view, rowStep: step } : null;
  };
  const [x, y] = [operand(a, sa, pa), operand(b, sb, pb)];
  if (x === null || y === null) return false;
  // An in-place op may write over an input: the kernel reads its inputs before writing, which
  // matches the element-by-element loop only where each output lands on its own input element.
  const dense = (t: Rows) => !t.onePerRow && t.rowStep === cols;
  if (out === a && (pa !== po || !dense(x))) return false;
  if (out === b && (pb !== po || !dense(y))) return false;
  return wasmZipRows(op, rows, cols, x, y, {
    data: out as Float32Array,
    offset: po,
    rowStep: cols,
  });
}

/**
 * A float32 block summed over its leading dims (inner loop: one unit step for slots and input;
 * outer loop: same slots again, input one dense row further) goes to the WebAssembly kernel,
 * which adds the same numbers in the same order. Returns false when it did not run.
 */
function sumsDenseRows(plan: LoopPlan, data: TypedArray, acc: Float64Array): boolean {
  if (plan.sizes.length !== 2 || data.constructor !== F32) return false;
  const [cols, rows] = plan.sizes;
  const [slot, input] = plan.steps;
  if (slot[0] !== 1 || slot[1] !== 0 || input[0] !== 1 || input[1] !== cols) return false;
  if (acc.length !== cols) return false;
  return wasmSumRows(data as Float32Array, plan.offsets[1], rows, cols, acc);
}

/** Elements (about 128 KiB of float32) below which a reduction may read across rows. */
const SMALL_SUM = 32768;

/**
 * Sums `src` over `dims` into a float64 accumulator (one slot per kept position, row-major):
 * the input is walked in its own memory order and added into slots whose strides are 0 on the
 * reduced dims, so no block is gathered and a column sum reads memory contiguously.
 */
export function sumInto(shape: Shape, src: Strided, dims: readonly number[]): Float64Array {
  const reduced = new Set(dims);
  const keptShape = shape.map((s, d) => (reduced.has(d) ? 1 : s));
  const slotStrides = contiguousStrides(keptShape).map((st, d) => (reduced.has(d) ? 0 : st));
  let slots = 1;
  for (const s of keptShape) slots *= s;
  const acc = new Float64Array(slots);
  let plan = planLoops(shape, [slotStrides, src.strides], [0, src.offset], true);
  // A column sum of a small input (the lesson's [784, 10].sum(0)) is faster with the reduced dim
  // inside: each slot is summed in a local, and the strided reads all hit cache. Large inputs keep
  // the memory order, where reading across rows would miss the cache on every element.
  const [inner, next] = plan.steps[0];
  if (plan.sizes.length >= 2 && inner !== 0 && next === 0 && plan.numel <= SMALL_SUM) {
    plan = swapInnerLoops(plan);
  }
  if (!(plan.numel > SMALL_SUM && sumsDenseRows(plan, src.data, acc))) {
    run('sum', '', plan, acc, src.data, null);
  }
  return acc;
}
