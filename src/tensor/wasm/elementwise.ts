/**
 * The four arithmetic ops on dense float32 rows through the WebAssembly SIMD kernel
 * (assembly/elementwise.ts). The operands live in JavaScript arrays, which WebAssembly cannot
 * read, so they pass through the module's memory in tiles small enough to stay in the L2 cache
 * (runtime.ts `tileOf`): each tile of the inputs is copied in, computed, and copied out while
 * still cached, so the op reads and writes main memory about as often as a native loop would.
 * The numbers are the JavaScript kernel's.
 */
import { nextRegion, tileFloats, tileOf, wasmKernels } from './runtime';

/** The kernel's op codes, by the JavaScript kernels' expression for the op. */
export const WASM_OPS: ReadonlyMap<string, number> = new Map([
  ['x + y', 0],
  ['x - y', 1],
  ['x * y', 2],
  ['x / y', 3],
  // relu's backward: 0 where the output is 0, else the gradient (see assembly/elementwise.ts).
  ['y <= 0 ? 0 : x', 5],
]);

/** One-operand maps the kernel computes as `x op number`, by their JavaScript expression. */
export const WASM_MAPS: ReadonlyMap<string, { op: number; number: number }> = new Map([
  // relu: the kernel's x < 0 ? 0 : x, the same number for every x (NaN, -0 included).
  ['x < 0 ? 0 : x', { op: 4, number: 0 }],
]);

/**
 * One operand: its array, where its first row starts, and its row step (the row length, or 0 for
 * one row repeated). With `onePerRow` it is one number per row instead, at offset + i * rowStep:
 * a column (`[m, 1]`, rowStep its stride) or, with rowStep 0, one number for every element.
 */
export interface Rows {
  data: Float32Array;
  offset: number;
  rowStep: number;
  onePerRow?: boolean;
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
  if (kernels === null || (a.onePerRow && b.onePerRow)) return false;
  const bAt = nextRegion(tileFloats());
  const outAt = 2 * bAt;
  if (!kernels.reserve((outAt + tileFloats()) * 4)) return false;
  const heap = kernels.heap();
  const base = kernels.base;
  const at = base >> 2;
  // Each operand with its kind and where its tile sits in the heap (in floats).
  const placed = [
    { t: a, kind: kindOf(a), to: at },
    { t: b, kind: kindOf(b), to: at + bAt },
  ];
  // Only dense rows and single numbers: the whole block is one long row.
  const byRows = placed.some(({ kind }) => kind === 'row' || kind === 'column');
  const [allRows, allCols] = byRows ? [rows, cols] : [1, rows * cols];
  const { width, height } = tileOf(allRows, allCols);
  for (const { t, to, kind } of placed) if (kind === 'number') heap[to] = t.data[t.offset];
  for (let c0 = 0; c0 < allCols; c0 += width) {
    const w = Math.min(width, allCols - c0);
    for (const { t, to, kind } of placed) {
      if (kind === 'row') heap.set(t.data.subarray(t.offset + c0, t.offset + c0 + w), to);
    }
    for (let r0 = 0; r0 < allRows; r0 += height) {
      const h = Math.min(height, allRows - r0);
      for (const { t, to, kind } of placed) {
        if (kind === 'rows') {
          // More than one row per tile only when the tile spans whole rows (w === allCols), so
          // the tile is one contiguous run of the source.
          const from = t.offset + r0 * allCols + c0;
          heap.set(t.data.subarray(from, from + (h - 1) * allCols + w), to);
        } else if (kind === 'column') {
          for (let r = 0; r < h; r++) heap[to + r] = t.data[t.offset + (r0 + r) * t.rowStep];
        }
      }
      // Row steps as the operands sit in the tile.
      const step = (kind: Kind) => (kind === 'rows' ? w : kind === 'column' ? 1 : 0);
      kernels.exports.zipRows(
        op,
        h,
        w,
        base,
        step(placed[0].kind),
        base + bAt * 4,
        step(placed[1].kind),
        base + outAt * 4,
        a.onePerRow ? 1 : b.onePerRow ? 2 : 0,
      );
      const into = out.offset + r0 * allCols + c0;
      out.data.set(heap.subarray(at + outAt, at + outAt + h * w), into);
    }
  }
  return true;
}

type Kind = 'number' | 'column' | 'row' | 'rows';

function kindOf(t: Rows): Kind {
  if (t.onePerRow) return t.rowStep === 0 ? 'number' : 'column';
  return t.rowStep === 0 ? 'row' : 'rows';
}
