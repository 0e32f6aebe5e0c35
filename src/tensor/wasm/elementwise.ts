/**
 * The four arithmetic ops on dense float32 rows through the WebAssembly SIMD kernel
 * (assembly/elementwise.ts): copies both operands into the module's memory (a broadcast row
 * once, a scalar as one number), computes there, and copies the result out. The numbers are the JavaScript kernel's.
 */
import { nextRegion, wasmKernels } from './runtime';

/** The kernel's op codes, by the JavaScript kernels' expression for the op. */
export const WASM_OPS: ReadonlyMap<string, number> = new Map([
  ['x + y', 0],
  ['x - y', 1],
  ['x * y', 2],
  ['x / y', 3],
]);

/**
 * One operand: its array, where its first row starts, and its row step (the row length, or 0 for
 * one row repeated); `scalar` marks one number used for every element.
 */
export interface Rows {
  data: Float32Array;
  offset: number;
  rowStep: number;
  scalar?: boolean;
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
  if (a.scalar && b.scalar) return false;
  const size = (t: Rows) => (t.scalar ? 1 : t.rowStep === 0 ? cols : n);
  const [aSize, bSize] = [size(a), size(b)];
  const bAt = nextRegion(aSize);
  const outAt = bAt + nextRegion(bSize);
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
    a.scalar ? 1 : b.scalar ? 2 : 0,
  );
  out.data.set(heap.subarray(at + outAt, at + outAt + n), out.offset);
  return true;
}
