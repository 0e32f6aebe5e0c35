/**
 * The four arithmetic ops on dense float32 rows through the WebAssembly SIMD kernel
 * (assembly/elementwise.ts): copies both operands into the module's memory (a broadcast row
 * once), computes there, and copies the result out. The numbers are the JavaScript kernel's.
 */
import { wasmKernels } from './runtime';

/** The kernel's op codes, by the JavaScript kernels' expression for the op. */
export const WASM_OPS: ReadonlyMap<string, number> = new Map([
  ['x + y', 0],
  ['x - y', 1],
  ['x * y', 2],
  ['x / y', 3],
]);

/** Floats between regions: 16 floats = 64 bytes, one cache line. */
const ALIGN = 16;

const { ceil } = Math;
const roundUp = (x: number, multiple: number): number => ceil(x / multiple) * multiple;

/** One operand: its array, where its first row starts, and its row step (the row length or 0). */
export interface Rows {
  data: Float32Array;
  offset: number;
  rowStep: number;
}

/**
 * out rows = a rows op b rows, `rows` rows of `cols` elements; the result is written densely from
 * `out.offset`. Returns false (and writes nothing) when the WebAssembly kernel cannot run.
 */
export function wasmZipRows(
  op: number,
  rows: number,
  cols: number,
  a: Rows,
  b: Rows,
  out: Rows,
): boolean {
  const kernels = wasmKernels();
  if (kernels === null) return false;
  const n = rows * cols;
  const aSize = a.rowStep === 0 ? cols : n;
  const bSize = b.rowStep === 0 ? cols : n;
  const bAt = roundUp(aSize, ALIGN);
  const outAt = bAt + roundUp(bSize, ALIGN);
  if (!kernels.reserve((outAt + n) * 4)) return false;
  const heap = kernels.heap();
  const base = kernels.base;
  const at = base >> 2;
  heap.set(a.data.subarray(a.offset, a.offset + aSize), at);
  heap.set(b.data.subarray(b.offset, b.offset + bSize), at + bAt);
  kernels.exports.zipRows(
    op,
    rows,
    cols,
    base,
    a.rowStep,
    base + bAt * 4,
    b.rowStep,
    base + outAt * 4,
  );
  out.data.set(heap.subarray(at + outAt, at + outAt + n), out.offset);
  return true;
}
