/**
 * out = a op b for float32 rows, in WebAssembly SIMD: the engine's fast path for the four
 * arithmetic ops on dense float32 operands, either of which may be one row broadcast over all
 * rows (a `[m, n] + [n]`, a bias add), one number per row (`x - x.max(1, true)`), or one number
 * for every element (`x * 2`, `x - mean`);
 * and for relu (PMAX with the number 0) and its backward (MASK: 0 where the output is 0 or
 * less, else the gradient), whose JavaScript loops branch on the sign of each element and so pay a
 * mispredicted branch for every other element of real data (about 6 ms per 1e6 floats).
 *
 * Row i of the result is row i of a op row i of b, where an operand whose row step is 0 is the
 * same row every time. Four lanes per instruction; each lane is IEEE float32 arithmetic, which
 * gives the same numbers as the JavaScript kernel's double arithmetic rounded to float32 (a
 * double holds enough bits that rounding twice cannot differ for + - * /). PMAX is WebAssembly's
 * pseudo-maximum `x < y ? y : x`, so PMAX(x, 0) is relu as PyTorch computes it for every x (NaN
 * stays NaN, -0 stays -0); MASK gives +0 where y <= 0 and keeps x's bits elsewhere (NaN y
 * included), as `y <= 0 ? 0 : x` does.
 *
 * Addresses are byte addresses in this module's memory; row steps are in elements.
 */

export const ADD: i32 = 0;
export const SUB: i32 = 1;
export const MUL: i32 = 2;
export const DIV: i32 = 3;
export const PMAX: i32 = 4;
export const MASK: i32 = 5;

// @ts-ignore: decorator
@inline function lanes(op: i32, x: v128, y: v128): v128 {
  if (op === ADD) return f32x4.add(x, y);
  if (op === SUB) return f32x4.sub(x, y);
  if (op === MUL) return f32x4.mul(x, y);
  if (op === DIV) return f32x4.div(x, y);
  if (op === PMAX) return f32x4.pmax(x, y);
  return v128.andnot(x, f32x4.le(y, f32x4.splat(0)));
}

// @ts-ignore: decorator
@inline function scalar(op: i32, x: f32, y: f32): f32 {
  if (op === ADD) return x + y;
  if (op === SUB) return x - y;
  if (op === MUL) return x * y;
  if (op === DIV) return x / y;
  if (op === PMAX) return x < y ? y : x;
  return y <= 0 ? 0 : x;
}

// @ts-ignore: decorator
@inline function rowsOf(
  op: i32,
  rows: i32,
  cols: i32,
  a: usize,
  aRow: i32,
  aOne: bool,
  b: usize,
  bRow: i32,
  bOne: bool,
  out: usize,
): void {
  const wide = cols & ~3;
  for (let i = 0; i < rows; i++) {
    const x = a + ((<usize>i * <usize>aRow) << 2);
    const y = b + ((<usize>i * <usize>bRow) << 2);
    const o = out + ((<usize>i * <usize>cols) << 2);
    // An operand with one number per row (`aOne`, `bOne`) reads it once per row, into all lanes.
    const aAll = aOne ? v128.splat<f32>(load<f32>(x)) : f32x4.splat(0);
    const bAll = bOne ? v128.splat<f32>(load<f32>(y)) : f32x4.splat(0);
    let j = 0;
    for (; j < wide; j += 4) {
      const at = <usize>j << 2;
      const xs = aOne ? aAll : v128.load(x + at);
      const ys = bOne ? bAll : v128.load(y + at);
      v128.store(o + at, lanes(op, xs, ys));
    }
    for (; j < cols; j++) {
      const at = <usize>j << 2;
      const xs = aOne ? load<f32>(x) : load<f32>(x + at);
      const ys = bOne ? load<f32>(y) : load<f32>(y + at);
      store<f32>(o + at, scalar(op, xs, ys));
    }
  }
}

// @ts-ignore: decorator
@inline function opOf(
  op: i32,
  rows: i32,
  cols: i32,
  a: usize,
  aRow: i32,
  b: usize,
  bRow: i32,
  out: usize,
  scalars: i32,
): void {
  if (scalars === 1) rowsOf(op, rows, cols, a, aRow, true, b, bRow, false, out);
  else if (scalars === 2) rowsOf(op, rows, cols, a, aRow, false, b, bRow, true, out);
  else rowsOf(op, rows, cols, a, aRow, false, b, bRow, false, out);
}

/**
 * out[i, j] = a[i * aRow + j] op b[i * bRow + j] for rows x cols elements; op is ADD...MASK.
 * `scalars` 1 makes a one number per row, a[i * aRow] (aRow 0: one number for every element,
 * aRow 1: a column, `[m, n] - [m, 1]`), 2 does the same for b; 0 neither.
 */
export function zipRows(
  op: i32,
  rows: i32,
  cols: i32,
  a: usize,
  aRow: i32,
  b: usize,
  bRow: i32,
  out: usize,
  scalars: i32,
): void {
  if (op === ADD) opOf(ADD, rows, cols, a, aRow, b, bRow, out, scalars);
  else if (op === SUB) opOf(SUB, rows, cols, a, aRow, b, bRow, out, scalars);
  else if (op === MUL) opOf(MUL, rows, cols, a, aRow, b, bRow, out, scalars);
  else if (op === DIV) opOf(DIV, rows, cols, a, aRow, b, bRow, out, scalars);
  else if (op === PMAX) opOf(PMAX, rows, cols, a, aRow, b, bRow, out, scalars);
  else opOf(MASK, rows, cols, a, aRow, b, bRow, out, scalars);
}
