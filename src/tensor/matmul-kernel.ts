/**
 * The matmul kernel: C = A @ B for one pair of strided 2-D operands, in plain TypeScript.
 * float32 products run the WebAssembly SIMD kernel (./wasm, assembly/matmul.ts) where it loads;
 * this one serves float64, runtimes without WebAssembly, and is the reference the fast kernel is
 * property-tested against.
 *
 * The shape of it is the classic Goto/BLIS recipe, scaled to what a JavaScript JIT does well:
 *
 * 1. Pack. A block of B (KC rows x NC columns) and a block of A (MC rows x KC columns) are copied
 *    into contiguous Float64Array scratch, in the exact order the inner loop reads them: A as
 *    panels of MR rows stored column by column, B as panels of NR columns stored row by row. Any
 *    strides work here (transposed, stride 0 from `expand`, offsets), so the hot loop only ever
 *    walks two dense arrays with unit steps, and float32 inputs are widened to double once.
 * 2. Block. The loops over those blocks keep one B micro-panel (KC x NR doubles, 8 KiB) in L1
 *    while it meets every A micro-panel of the A block (MC x KC doubles, 128 KiB, in L2).
 * 3. Register tile. The micro-kernel computes a 4 x 4 tile of C in 16 local variables, so each
 *    step of the k loop does 16 multiply-adds for 8 loads, where a naive loop does two loads (and
 *    often a store) per multiply-add.
 *
 * Sums are accumulated in JavaScript doubles across the whole k dimension (in a Float64Array
 * accumulator between k blocks) and written to `out` once at the end, so a float32 result is
 * the double sum rounded to float32 once per element: at least as accurate as accumulating in
 * float32.
 *
 * Edges: panels are zero-padded to whole tiles and the accumulator is padded to match, so the
 * micro-kernel never branches; only the final copy looks at the true m x n. Products with few
 * multiply-adds skip all of this and run a direct dot-product loop: packing would cost more than
 * it saves, and so do vector-shaped products (one row or one column).
 */
export type FloatArray = Float32Array | Float64Array;

export interface StridedMatrix {
  data: ArrayLike<number>;
  offset: number;
  rowStride: number;
  colStride: number;
}

/** Register tile: rows (of A) and columns (of B) of C computed by one micro-kernel call. */
const MR = 4;
const NR = 4;
/**
 * Cache blocks. KC x NR doubles of B (8 KiB) sit in L1 (32 KiB per core here), MC x KC doubles
 * of A (128 KiB) in L2 (512 KiB per core). Measured on the 2-core reference machine, KC from 64
 * to 512 and MC from 32 to 256 land within 10% of each other (noise level): the micro-kernel,
 * not memory, is the limit in JavaScript, so these are the textbook-sized choices.
 */
const KC = 256;
const MC = 64;
const NC = 1024;
/** Rows handled per pass: bounds the accumulator at MAX_ROWS x NC doubles (8 MiB). */
const MAX_ROWS = 1024;
/**
 * The direct loop wins below about 64 multiply-adds (measured: 4x4x4 ties, 8x8x8 is 1.5-2x faster
 * blocked), and whenever a side is 1: a 1-row or 1-column product padded to a 4x4 tile does 4x
 * the work (1x784x50: 86 us direct, 220 us blocked).
 */
const SMALL_PRODUCT = 64;

// Scratch reused across calls; grown on demand, never shrunk.
let packedA = new Float64Array(MC * KC);
let packedB = new Float64Array(KC * NR);
let accumulator = new Float64Array(MR * NR);

// Read once: inside jest's sandbox each global lookup costs about half a microsecond.
const { ceil, min } = Math;

const roundUp = (x: number, multiple: number): number => ceil(x / multiple) * multiple;

/** Writes the m x n product of a (m x k) and b (k x n) into out[outOffset ...] row-major (overwrites). */
export function matmulKernel(
  m: number,
  k: number,
  n: number,
  a: StridedMatrix,
  b: StridedMatrix,
  out: FloatArray,
  outOffset: number,
): void {
  if (m === 0 || n === 0) return;
  if (k === 0) {
    out.fill(0, outOffset, outOffset + m * n);
    return;
  }
  if (m * n * k <= SMALL_PRODUCT || m === 1 || n === 1) {
    directProduct(m, k, n, a, b, out, outOffset);
    return;
  }
  for (let row0 = 0; row0 < m; row0 += MAX_ROWS) {
    blockedProduct(row0, min(MAX_ROWS, m - row0), k, n, a, b, out, outOffset);
  }
}

/** One dot product per output element, summed in a double: cheapest when there is little work. */
function directProduct(
  m: number,
  k: number,
  n: number,
  a: StridedMatrix,
  b: StridedMatrix,
  out: FloatArray,
  outOffset: number,
): void {
  const { data: aData, rowStride: aRow, colStride: aCol } = a;
  const { data: bData, rowStride: bRow, colStride: bCol } = b;
  for (let i = 0; i < m; i++) {
    const aStart = a.offset + i * aRow;
    for (let j = 0; j < n; j++) {
      let sum = 0;
      let ai = aStart;
      let bi = b.offset + j * bCol;
      for (let p = 0; p < k; p++, ai += aCol, bi += bRow) sum += aData[ai] * bData[bi];
      out[outOffset + i * n + j] = sum;
    }
  }
}

/** Rows row0 .. row0+rows of the product, through packed blocks and the register-tiled kernel. */
function blockedProduct(
  row0: number,
  rows: number,
  k: number,
  n: number,
  a: StridedMatrix,
  b: StridedMatrix,
  out: FloatArray,
  outOffset: number,
): void {
  const kcMax = min(KC, k);
  // Accumulator row length: the widest column block, padded to whole register tiles.
  const ldc = roundUp(min(NC, n), NR);
  if (packedA.length < MC * kcMax) packedA = new Float64Array(MC * kcMax);
  if (packedB.length < kcMax * ldc) packedB = new Float64Array(kcMax * ldc);
  if (accumulator.length < roundUp(rows, MR) * ldc) {
    accumulator = new Float64Array(roundUp(rows, MR) * ldc);
  }
  const aPack = packedA;
  const bPack = packedB;
  const acc = accumulator;

  for (let col0 = 0; col0 < n; col0 += NC) {
    const cols = min(NC, n - col0);
    for (let depth0 = 0; depth0 < k; depth0 += KC) {
      const depth = min(KC, k - depth0);
      const firstBlock = depth0 === 0;
      packB(b, depth0, depth, col0, cols, bPack);
      for (let blockRow = 0; blockRow < rows; blockRow += MC) {
        const blockRows = min(MC, rows - blockRow);
        packA(a, row0 + blockRow, blockRows, depth0, depth, aPack);
        for (let jr = 0; jr < cols; jr += NR) {
          for (let ir = 0; ir < blockRows; ir += MR) {
            const tile = (blockRow + ir) * ldc + jr;
            microKernel(depth, aPack, ir * depth, bPack, jr * depth, acc, tile, ldc, firstBlock);
          }
        }
      }
    }
    // The one rounding step: doubles to the output's dtype, true m x n only.
    for (let i = 0; i < rows; i++) {
      const from = i * ldc;
      const to = outOffset + (row0 + i) * n + col0;
      for (let j = 0; j < cols; j++) out[to + j] = acc[from + j];
    }
  }
}

/**
 * Copies rows row0.. (rows of them) and columns col0.. (depth of them) of a into dst as panels of
 * MR rows: panel r holds a[row0+r*MR .. +MR][col0 + p] at r*MR*depth + p*MR + i. Missing rows are 0.
 */
function packA(
  a: StridedMatrix,
  row0: number,
  rows: number,
  col0: number,
  depth: number,
  dst: Float64Array,
): void {
  const start = a.offset + row0 * a.rowStride + col0 * a.colStride;
  packPanels(a.data, start, a.rowStride, a.colStride, rows, depth, dst);
}

/** The mirror of packA for b: panels of NR columns, each stored row by row. Missing columns are 0. */
function packB(
  b: StridedMatrix,
  row0: number,
  depth: number,
  col0: number,
  cols: number,
  dst: Float64Array,
): void {
  const start = b.offset + row0 * b.rowStride + col0 * b.colStride;
  packPanels(b.data, start, b.colStride, b.rowStride, cols, depth, dst);
}

/**
 * The one packing loop: `lanes` lines of `depth` numbers each, starting at `start`, neighbouring
 * lines `laneStride` apart and neighbouring numbers along a line `depthStride` apart. They are
 * written as panels of PANEL lines interleaved number by number, missing lines as 0. For A the
 * lines are rows, for B columns; the tile is square (MR = NR = PANEL), so one layout serves both.
 */
const PANEL = MR;

function packPanels(
  data: ArrayLike<number>,
  start: number,
  laneStride: number,
  depthStride: number,
  lanes: number,
  depth: number,
  dst: Float64Array,
): void {
  let d = 0;
  for (let lane0 = 0; lane0 < lanes; lane0 += PANEL) {
    let src = start + lane0 * laneStride;
    const live = min(PANEL, lanes - lane0);
    if (live === PANEL) {
      // Whole panels (all but the last): unrolled, about 2x faster than the general loop below.
      for (let p = 0; p < depth; p++, src += depthStride, d += PANEL) {
        dst[d] = data[src];
        dst[d + 1] = data[src + laneStride];
        dst[d + 2] = data[src + 2 * laneStride];
        dst[d + 3] = data[src + 3 * laneStride];
      }
    } else {
      for (let p = 0; p < depth; p++, src += depthStride) {
        for (let i = 0; i < PANEL; i++) dst[d++] = i < live ? data[src + i * laneStride] : 0;
      }
    }
  }
}

/**
 * C[tile .. 4x4 with row length ldc] (+)= A panel (depth x 4) times B panel (depth x 4).
 * Sixteen accumulators in locals: the JIT keeps most of them in registers.
 */
function microKernel(
  depth: number,
  A: Float64Array,
  ai: number,
  B: Float64Array,
  bi: number,
  C: Float64Array,
  ci: number,
  ldc: number,
  overwrite: boolean,
): void {
  // prettier-ignore
  let c00 = 0, c01 = 0, c02 = 0, c03 = 0,
      c10 = 0, c11 = 0, c12 = 0, c13 = 0,
      c20 = 0, c21 = 0, c22 = 0, c23 = 0,
      c30 = 0, c31 = 0, c32 = 0, c33 = 0;
  // prettier-ignore
  for (let p = 0; p < depth; p++, ai += MR, bi += NR) {
    const b0 = B[bi], b1 = B[bi + 1], b2 = B[bi + 2], b3 = B[bi + 3];
    const a0 = A[ai], a1 = A[ai + 1], a2 = A[ai + 2], a3 = A[ai + 3];
    c00 += a0 * b0; c01 += a0 * b1; c02 += a0 * b2; c03 += a0 * b3;
    c10 += a1 * b0; c11 += a1 * b1; c12 += a1 * b2; c13 += a1 * b3;
    c20 += a2 * b0; c21 += a2 * b1; c22 += a2 * b2; c23 += a2 * b3;
    c30 += a3 * b0; c31 += a3 * b1; c32 += a3 * b2; c33 += a3 * b3;
  }
  const r0 = ci;
  const r1 = ci + ldc;
  const r2 = ci + 2 * ldc;
  const r3 = ci + 3 * ldc;
  // prettier-ignore
  if (!overwrite) {
    c00 += C[r0]; c01 += C[r0 + 1]; c02 += C[r0 + 2]; c03 += C[r0 + 3];
    c10 += C[r1]; c11 += C[r1 + 1]; c12 += C[r1 + 2]; c13 += C[r1 + 3];
    c20 += C[r2]; c21 += C[r2 + 1]; c22 += C[r2 + 2]; c23 += C[r2 + 3];
    c30 += C[r3]; c31 += C[r3 + 1]; c32 += C[r3 + 2]; c33 += C[r3 + 3];
  }
  C[r0] = c00;
  C[r0 + 1] = c01;
  C[r0 + 2] = c02;
  C[r0 + 3] = c03;
  C[r1] = c10;
  C[r1 + 1] = c11;
  C[r1 + 2] = c12;
  C[r1 + 3] = c13;
  C[r2] = c20;
  C[r2 + 1] = c21;
  C[r2 + 2] = c22;
  C[r2 + 3] = c23;
  C[r3] = c30;
  C[r3 + 1] = c31;
  C[r3 + 2] = c32;
  C[r3 + 3] = c33;
}
