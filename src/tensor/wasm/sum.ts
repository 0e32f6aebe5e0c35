/**
 * Column sums of a dense float32 block through the WebAssembly SIMD kernel (assembly/sum.ts):
 * copies the rows into the module's memory, adds them row by row into float64 sums there, and
 * adds those into the caller's accumulator. The sums see the same numbers in the same order as
 * the JavaScript kernel's, so the results are the same to the last bit.
 */
import { nextRegion, wasmKernels } from './runtime';

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
  const n = rows * cols;
  const accAt = nextRegion(n);
  if (!kernels.reserve((accAt + 2 * cols) * 4)) return false;
  const heap = kernels.heap();
  const base = kernels.base;
  heap.set(src.subarray(offset, offset + n), base >> 2);
  const sums = new Float64Array(heap.buffer, base + accAt * 4, cols);
  sums.set(acc);
  kernels.exports.sumRows(base, rows, cols, base + accAt * 4);
  acc.set(sums);
  return true;
}
