/**
 * The float32 matmul through the WebAssembly SIMD kernel (assembly/matmul.ts): copies the part
 * of each operand's storage the product reads into the module's memory, multiplies there with
 * cache blocks chosen for the shape, and copies the m x n result out.
 */
import type { StridedMatrix } from '../matmul-kernel';
import { nextRegion, wasmKernels } from './runtime';

/** Register tile of the kernel: MR rows of A by NR columns of B. */
const MR = 4;
const NR = 8;
/**
 * Cache blocks, in floats. k is split into equal blocks of at most KC_MAX, so one B micro-panel
 * (kc x 8 floats, <= 16 KiB) stays in L1 and a tall-skinny product (50000x784 @ 784x50) runs
 * two blocks of 392 rather than three of 256 and a sliver of 16. An A block (MC x kc floats,
 * <= 256 KiB) sits in L2, a B block (kc x NC floats, <= 2 MiB) in L3. Measured at n = 512 here:
 * kc 512 / mc 64 46 GFLOP/s, kc 256 / mc 128 44, kc 128 / mc 64 41.
 */
const KC_MAX = 512;
const MC = 128;
const NC = 1024;

const { ceil, min } = Math;
const roundUp = (x: number, multiple: number): number => ceil(x / multiple) * multiple;

/** First and one-past-last storage index the m x k view reads; strides are never negative here. */
function span(rows: number, cols: number, t: StridedMatrix): [number, number] {
  const last = t.offset + (rows - 1) * t.rowStride + (cols - 1) * t.colStride;
  return [t.offset, last + 1];
}

/**
 * Writes the m x n product of a (m x k) and b (k x n), float32 data, into out[outOffset ...]
 * row-major. Returns false (and writes nothing) when the WebAssembly kernel cannot run: the
 * caller then uses the JavaScript kernel.
 */
export function wasmMatmul(
  m: number,
  k: number,
  n: number,
  a: StridedMatrix,
  b: StridedMatrix,
  out: Float32Array,
  outOffset: number,
): boolean {
  const kernels = wasmKernels();
  if (kernels === null) return false;
  if (a.rowStride < 0 || a.colStride < 0 || b.rowStride < 0 || b.colStride < 0) return false;
  if (m === 0 || n === 0) return true;
  const kc = k === 0 ? 0 : ceil(k / ceil(k / KC_MAX));
  const [aFrom, aTo] = k === 0 ? [0, 0] : span(m, k, a);
  const [bFrom, bTo] = k === 0 ? [0, 0] : span(k, n, b);
  // Float indices, relative to the kernels' base: A's span, B's span, C, packed A, packed B.
  const aAt = 0;
  const bAt = nextRegion(aAt + aTo - aFrom);
  const cAt = nextRegion(bAt + bTo - bFrom);
  const packAAt = nextRegion(cAt + m * n);
  const packBAt = nextRegion(packAAt + min(MC, roundUp(m, MR)) * kc);
  const end = packBAt + kc * roundUp(min(NC, n), NR);
  if (!kernels.reserve(end * 4)) return false;
  const heap = kernels.heap();
  const base = kernels.base;
  const at = base >> 2;
  if (k > 0) {
    heap.set((a.data as Float32Array).subarray(aFrom, aTo), at + aAt);
    heap.set((b.data as Float32Array).subarray(bFrom, bTo), at + bAt);
  }
  kernels.exports.matmul(
    m,
    k,
    n,
    base + aAt * 4,
    a.rowStride,
    a.colStride,
    base + bAt * 4,
    b.rowStride,
    b.colStride,
    base + cAt * 4,
    kc,
    MC,
    NC,
    base + packAAt * 4,
    base + packBAt * 4,
  );
  out.set(heap.subarray(at + cAt, at + cAt + m * n), outOffset);
  return true;
}
