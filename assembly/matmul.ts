/**
 * C = A @ B for float32, in WebAssembly SIMD: the engine's fast path for float32 products.
 *
 * The same recipe as the JavaScript kernel (src/tensor/matmul-kernel.ts), with four float32
 * lanes per instruction:
 *
 * 1. Pack. A block of B (kc rows x nc columns) becomes panels of NR = 8 columns stored row by
 *    row, a block of A (mc rows x kc columns) panels of MR = 4 rows stored column by column.
 *    Any strides work (transposed, stride 0 from `expand`), so the hot loop reads two dense
 *    arrays with unit steps. Missing rows and columns of the last panel are zeros.
 * 2. Block. One B micro-panel (kc x 8 floats, at most 16 KiB) stays in L1 while it meets every
 *    A micro-panel of the A block (mc x kc floats, in L2).
 * 3. Register tile. The micro-kernel keeps a 4 x 8 tile of C in eight f32x4 accumulators: each
 *    step of k loads two vectors of B and four broadcast numbers of A and does 32 multiply-adds.
 *    A 6 x 8 tile measured slower (the accumulators no longer fit the 16 vector registers).
 *
 * Sums accumulate in float32, as BLAS does: across a k block in the accumulators, across k
 * blocks in C. Built twice: with relaxed SIMD a multiply-add is one fused instruction where the
 * CPU has one; without, it is a multiply and an add.
 *
 * Addresses are byte addresses in this module's memory; strides are in elements. The caller
 * (src/tensor/wasm/) lays out operands, result and packing scratch above `heapBase()`.
 */

const MR: i32 = 4;
const NR: i32 = 8;
/** A partial tile is computed here first, then its live part is added into C. */
const EDGE: usize = memory.data(MR * NR * 4, 16);

/** The first byte the caller may use: everything above the module's own static data. */
export function heapBase(): usize {
  return (__heap_base + 63) & ~63;
}

// @ts-ignore: decorator
@inline function madd(a: v128, b: v128, c: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f32x4.relaxed_madd(a, b, c);
  return f32x4.add(f32x4.mul(a, b), c);
}

/**
 * Packs `rows` rows (from row0) and `depth` columns (from col0) of A as panels of MR rows:
 * panel r holds A[row0 + r*MR + i][col0 + p] at float index r*MR*depth + p*MR + i.
 */
function packA(
  a: usize, rowStride: i32, colStride: i32,
  row0: i32, rows: i32, col0: i32, depth: i32, dst: usize,
): void {
  const rs = <usize>rowStride << 2;
  const cs = <usize>colStride << 2;
  let d = dst;
  for (let r0 = 0; r0 < rows; r0 += MR) {
    let src = a + (<usize>(row0 + r0) * <usize>rowStride << 2) + (<usize>col0 * <usize>colStride << 2);
    const live = min(MR, rows - r0);
    if (live == MR && rowStride == 1) {
      // A transposed: the four rows of a column are neighbours in memory.
      for (let p = 0; p < depth; p++, src += cs, d += 16) v128.store(d, v128.load(src));
    } else if (live == MR) {
      for (let p = 0; p < depth; p++, src += cs, d += 16) {
        store<f32>(d, load<f32>(src));
        store<f32>(d, load<f32>(src + rs), 4);
        store<f32>(d, load<f32>(src + 2 * rs), 8);
        store<f32>(d, load<f32>(src + 3 * rs), 12);
      }
    } else {
      for (let p = 0; p < depth; p++, src += cs) {
        for (let i = 0; i < MR; i++, d += 4) {
          store<f32>(d, i < live ? load<f32>(src + <usize>i * rs) : 0);
        }
      }
    }
  }
}

/**
 * The mirror of packA for B: `cols` columns (from col0) and `depth` rows (from row0) as panels of
 * NR columns, each panel stored row by row (float index c*NR*depth + p*NR + j).
 */
function packB(
  b: usize, rowStride: i32, colStride: i32,
  row0: i32, depth: i32, col0: i32, cols: i32, dst: usize,
): void {
  const rs = <usize>rowStride << 2;
  const cs = <usize>colStride << 2;
  let d = dst;
  for (let c0 = 0; c0 < cols; c0 += NR) {
    let src = b + (<usize>row0 * <usize>rowStride << 2) + (<usize>(col0 + c0) * <usize>colStride << 2);
    const live = min(NR, cols - c0);
    if (live == NR && colStride == 1) {
      // The common case: eight neighbouring numbers of a row, two vector loads.
      for (let p = 0; p < depth; p++, src += rs, d += 32) {
        v128.store(d, v128.load(src));
        v128.store(d, v128.load(src, 16), 16);
      }
    } else {
      for (let p = 0; p < depth; p++, src += rs) {
        for (let j = 0; j < NR; j++, d += 4) {
          store<f32>(d, j < live ? load<f32>(src + <usize>j * cs) : 0);
        }
      }
    }
  }
}

/**
 * The 4 x 8 tile at c (rows ldc bytes apart) becomes (accumulate ? c : 0) + A panel @ B panel,
 * the panels `depth` steps long.
 */
// @ts-ignore: decorator
@inline function microKernel(depth: i32, pa: usize, pb: usize, c: usize, ldc: usize, accumulate: bool): void {
  let c00 = f32x4.splat(0), c01 = f32x4.splat(0);
  let c10 = f32x4.splat(0), c11 = f32x4.splat(0);
  let c20 = f32x4.splat(0), c21 = f32x4.splat(0);
  let c30 = f32x4.splat(0), c31 = f32x4.splat(0);
  for (let p = 0; p < depth; p++, pa += 16, pb += 32) {
    const b0 = v128.load(pb);
    const b1 = v128.load(pb, 16);
    let a = v128.load32_splat(pa);
    c00 = madd(a, b0, c00);
    c01 = madd(a, b1, c01);
    a = v128.load32_splat(pa, 4);
    c10 = madd(a, b0, c10);
    c11 = madd(a, b1, c11);
    a = v128.load32_splat(pa, 8);
    c20 = madd(a, b0, c20);
    c21 = madd(a, b1, c21);
    a = v128.load32_splat(pa, 12);
    c30 = madd(a, b0, c30);
    c31 = madd(a, b1, c31);
  }
  if (accumulate) {
    c00 = f32x4.add(c00, v128.load(c));
    c01 = f32x4.add(c01, v128.load(c, 16));
    c10 = f32x4.add(c10, v128.load(c + ldc));
    c11 = f32x4.add(c11, v128.load(c + ldc, 16));
    c20 = f32x4.add(c20, v128.load(c + 2 * ldc));
    c21 = f32x4.add(c21, v128.load(c + 2 * ldc, 16));
    c30 = f32x4.add(c30, v128.load(c + 3 * ldc));
    c31 = f32x4.add(c31, v128.load(c + 3 * ldc, 16));
  }
  v128.store(c, c00);
  v128.store(c, c01, 16);
  v128.store(c + ldc, c10);
  v128.store(c + ldc, c11, 16);
  v128.store(c + 2 * ldc, c20);
  v128.store(c + 2 * ldc, c21, 16);
  v128.store(c + 3 * ldc, c30);
  v128.store(c + 3 * ldc, c31, 16);
}

/**
 * C (m x n, row-major, overwritten) = A (m x k) @ B (k x n), A and B read through their strides.
 * kc, mc, nc: the cache blocks (kc a multiple of nothing in particular, mc of MR, nc of NR).
 * packedA needs mc*kc floats, packedB kc*roundUp(min(nc, n), NR).
 */
export function matmul(
  m: i32, k: i32, n: i32,
  a: usize, aRow: i32, aCol: i32,
  b: usize, bRow: i32, bCol: i32,
  c: usize,
  kc: i32, mc: i32, nc: i32,
  packedA: usize, packedB: usize,
): void {
  const ldc = <usize>n << 2;
  if (k == 0) {
    memory.fill(c, 0, <usize>m * ldc);
    return;
  }
  for (let col0 = 0; col0 < n; col0 += nc) {
    const cols = min(nc, n - col0);
    for (let depth0 = 0; depth0 < k; depth0 += kc) {
      const depth = min(kc, k - depth0);
      const accumulate = depth0 > 0;
      packB(b, bRow, bCol, depth0, depth, col0, cols, packedB);
      for (let row0 = 0; row0 < m; row0 += mc) {
        const rows = min(mc, m - row0);
        packA(a, aRow, aCol, row0, rows, depth0, depth, packedA);
        for (let jr = 0; jr < cols; jr += NR) {
          const pb = packedB + (<usize>jr * <usize>depth << 2);
          const liveCols = min(NR, cols - jr);
          for (let ir = 0; ir < rows; ir += MR) {
            const pa = packedA + (<usize>ir * <usize>depth << 2);
            const liveRows = min(MR, rows - ir);
            const tile = c + <usize>(row0 + ir) * ldc + (<usize>(col0 + jr) << 2);
            if (liveRows == MR && liveCols == NR) {
              microKernel(depth, pa, pb, tile, ldc, accumulate);
            } else {
              microKernel(depth, pa, pb, EDGE, NR << 2, false);
              for (let i = 0; i < liveRows; i++) {
                for (let j = 0; j < liveCols; j++) {
                  const to = tile + <usize>i * ldc + (<usize>j << 2);
                  const sum = load<f32>(EDGE + (<usize>(i * NR + j) << 2));
                  store<f32>(to, accumulate ? load<f32>(to) + sum : sum);
                }
              }
            }
          }
        }
      }
    }
  }
}
