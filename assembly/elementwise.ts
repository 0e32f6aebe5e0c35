/**
 * out = a op b for float32 rows, in WebAssembly SIMD: the engine's fast path for the four
 * arithmetic ops on dense float32 operands, either of which may be one row broadcast over all
 * rows (a `[m, n] + [n]`, a bias add).
 *
 * Row i of the result is row i of a op row i of b, where an operand whose row step is 0 is the
 * same row every time. Four lanes per instruction; each lane is IEEE float32 arithmetic, which
 * gives the same numbers as the JavaScript kernel's double arithmetic rounded to float32 (a
 * double holds enough bits that rounding twice cannot differ for + - * /).
 *
 * Addresses are byte addresses in this module's memory; row steps are in elements.
 */

export const ADD: i32 = 0;
export const SUB: i32 = 1;
export const MUL: i32 = 2;
export const DIV: i32 = 3;

// @ts-ignore: decorator
@inline function lanes(op: i32, x: v128, y: v128): v128 {
  if (op === ADD) return f32x4.add(x, y);
  if (op === SUB) return f32x4.sub(x, y);
  if (op === MUL) return f32x4.mul(x, y);
  return f32x4.div(x, y);
}

// @ts-ignore: decorator
@inline function scalar(op: i32, x: f32, y: f32): f32 {
  if (op === ADD) return x + y;
  if (op === SUB) return x - y;
  if (op === MUL) return x * y;
  return x / y;
}

// @ts-ignore: decorator
@inline function rowsOf(
  op: i32,
  rows: i32,
  cols: i32,
  a: usize,
  aRow: i32,
  b: usize,
  bRow: i32,
  out: usize,
): void {
  const wide = cols & ~3;
  for (let i = 0; i < rows; i++) {
    const x = a + ((<usize>i * <usize>aRow) << 2);
    const y = b + ((<usize>i * <usize>bRow) << 2);
    const o = out + ((<usize>i * <usize>cols) << 2);
    let j = 0;
    for (; j < wide; j += 4) {
      const at = <usize>j << 2;
      v128.store(o + at, lanes(op, v128.load(x + at), v128.load(y + at)));
    }
    for (; j < cols; j++) {
      const at = <usize>j << 2;
      store<f32>(o + at, scalar(op, load<f32>(x + at), load<f32>(y + at)));
    }
  }
}

/** out[i, j] = a[i * aRow + j] op b[i * bRow + j] for rows x cols elements; op is ADD...DIV. */
export function zipRows(
  op: i32,
  rows: i32,
  cols: i32,
  a: usize,
  aRow: i32,
  b: usize,
  bRow: i32,
  out: usize,
): void {
  if (op === ADD) rowsOf(ADD, rows, cols, a, aRow, b, bRow, out);
  else if (op === SUB) rowsOf(SUB, rows, cols, a, aRow, b, bRow, out);
  else if (op === MUL) rowsOf(MUL, rows, cols, a, aRow, b, bRow, out);
  else rowsOf(DIV, rows, cols, a, aRow, b, bRow, out);
}
