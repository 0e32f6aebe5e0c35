/**
 * Column sums of a dense float32 block through the WebAssembly SIMD kernel (assembly/sum.ts):
 * the rows pass through the module's memory in tiles small enough to stay in the L2 cache
 * (runtime.ts `tileOf`), each tile added row by row into float64 sums that stay in the module's
 * memory, and those are added into the caller's accumulator at the end. The sums see the same
 * numbers in the same order as the JavaScript kernel's, so the results are the same to the last
 * bit.
 */
import { nextRegion, tileFloats, tileOf, wasmKernels } from './runtime';

/**
 * acc[j] += src[offset + i * cols + j] for every row i < rows and column j < cols. Returns false
 * (and changes nothing) when the WebAssembly kernel cannot run: the caller then loops itself.
 */
export function wasmSumRows(
  src: Float32Array,
  offset: number,
  rows: number,
  cols: number,
  acc: Float64Array,
): boolean {
  const kernels = wasmKernels();
  if (kernels === null) return false;
  const accAt = nextRegion(tileFloats());
  if (!kernels.reserve((accAt + 2 * cols) * 4)) return false;
  const heap = kernels.heap();
  const base = kernels.base;
  const sums = new Float64Array(heap.buffer, base + accAt * 4, cols);
  sums.set(acc);
  const { width, height } = tileOf(rows, cols);
  for (let c0 = 0; c0 < cols; c0 += width) {
    const w = Math.min(width, cols - c0);
    for (let r0 = 0; r0 < rows; r0 += height) {
      const h = Math.min(height, rows - r0);
      // Several rows per tile only when a tile spans whole rows, so the tile is one run.
      const from = offset + r0 * cols + c0;
      heap.set(src.subarray(from, from + (h - 1) * cols + w), base >> 2);
      kernels.exports.sumRows(base, h, w, base + (accAt + 2 * c0) * 4);
    }
  }
  acc.set(sums);
  return true;
}
