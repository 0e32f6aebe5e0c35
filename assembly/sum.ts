/**
 * Column sums of float32 rows into float64 accumulators, in WebAssembly SIMD: the engine's fast
 * path for `sum(dim)` when the reduced dims are the leading ones of a dense float32 block (a
 * `[m, n].sum(0)`, a bias gradient).
 *
 * The block is read in memory order, row after row, each row added into the accumulator row:
 * four floats per load, widened to two pairs of float64 lanes and added to the sums. Every sum
 * sees its numbers in the same order as the JavaScript kernel's, in float64, so the results are
 * identical to the last bit.
 *
 * Addresses are byte addresses in this module's memory: `src` holds rows x cols float32 values,
 * `acc` cols float64 sums (added to, not overwritten).
 */
export function sumRows(src: usize, rows: i32, cols: i32, acc: usize): void {
  const wide = cols & ~3;
  for (let i = 0; i < rows; i++) {
    const row = src + ((<usize>i * <usize>cols) << 2);
    let j = 0;
    for (; j < wide; j += 4) {
      const x = v128.load(row + (<usize>j << 2));
      const at = acc + (<usize>j << 3);
      const low = f64x2.promote_low_f32x4(x);
      const high = f64x2.promote_low_f32x4(v128.shuffle<i64>(x, x, 1, 0));
      v128.store(at, f64x2.add(v128.load(at), low));
      v128.store(at + 16, f64x2.add(v128.load(at + 16), high));
    }
    for (; j < cols; j++) {
      const at = acc + (<usize>j << 3);
      store<f64>(at, load<f64>(at) + <f64>load<f32>(row + (<usize>j << 2)));
    }
  }
}
