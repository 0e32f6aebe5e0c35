/**
 * Matrix products with torch.matmul's rules: 1-D operands are promoted to a row (left) or a column
 * (right) and the added dim removed afterwards; dims before the last two are batch dims and
 * broadcast. float32 products go through the WebAssembly SIMD kernel (../wasm), float64 ones
 * (and float32 where WebAssembly cannot run) through the cache-blocked `matmulKernel`, one call
 * per batch.
 */
import { isFloating, type DType, type TypedArray } from '../dtype';
import { offsetsOf } from '../kernels';
import { broadcastPair, numelOf, viewStrides, type Shape } from '../layout';
import { matmulKernel, type FloatArray, type StridedMatrix } from '../matmul-kernel';
import { emptyTensor, type Tensor } from '../tensor';
import { wasmMatmul } from '../wasm/matmul';
import { gradFor } from './grad-shape';
import { recordOp } from './record';

// Read once: inside jest's sandbox a global lookup in the integer loop costs more than the product.
const { imul } = Math;

const C_NAME: Record<DType, string> = {
  float32: 'float',
  float64: 'double',
  int32: 'int',
  bool: 'bool',
};

function checkDtypes(a: Tensor, b: Tensor): void {
  if (a.dtype !== b.dtype) {
    throw new Error(
      `expected m1 and m2 to have the same dtype, but got: ${C_NAME[a.dtype]} != ${C_NAME[b.dtype]}`,
    );
  }
  if (a.dtype === 'bool') throw new Error('"addmm_impl_cpu_" not implemented for \'Bool\'');
}

function cannotMultiply(m: number, k: number, k2: number, n: number): never {
  throw new Error(`mat1 and mat2 shapes cannot be multiplied (${m}x${k} and ${k2}x${n})`);
}

/** Strides that read the batch dims of `t` as if broadcast to `batch`. */
function batchStrides(t: Tensor, batch: Shape): number[] {
  const own = t.dim() - 2;
  const lead = batch.length - own;
  return batch.map((size, d) =>
    d < lead || (t.shape[d - lead] === 1 && size !== 1) ? 0 : t.strides[d - lead],
  );
}

/** out[..., m, n] = a[..., m, k] @ b[..., k, n], batch dims broadcast to `batch`. */
function product(a: Tensor, b: Tensor, batch: Shape): Tensor {
  const m = a.shape[a.dim() - 2];
  const k = a.shape[a.dim() - 1];
  const n = b.shape[b.dim() - 1];
  const out = emptyTensor([...batch, m, n], a.dtype);
  if (out.numel() === 0) return out;
  const folded = foldBatch(a, b, batch);
  if (folded !== null) {
    // One (batch*m x k) @ (k x n) product instead of one per batch, as torch.matmul folds.
    const [rows, a2, b2] = folded;
    multiply(rows, k, n, a2, b2, out.storage().data, 0, a.dtype);
    return out;
  }
  const aStarts = offsetsOf(batch, batchStrides(a, batch), a.offset);
  const bStarts = offsetsOf(batch, batchStrides(b, batch), b.offset);
  const A: StridedMatrix = {
    data: a.storage().data,
    offset: 0,
    rowStride: a.strides[a.dim() - 2],
    colStride: a.strides[a.dim() - 1],
  };
  const B: StridedMatrix = {
    data: b.storage().data,
    offset: 0,
    rowStride: b.strides[b.dim() - 2],
    colStride: b.strides[b.dim() - 1],
  };
  const data = out.storage().data;
  for (let i = 0; i < aStarts.length; i++) {
    A.offset = aStarts[i];
    B.offset = bStarts[i];
    multiply(m, k, n, { ...A }, { ...B }, data, i * m * n, a.dtype);
  }
  return out;
}

/**
 * Below this many multiply-adds a float32 product stays in JavaScript: copying into WebAssembly
 * memory and packing cost more than the SIMD kernel saves (a 4x4x4 product takes about 0.2 us in
 * the direct JavaScript loop).
 */
const WASM_MIN_WORK = 512;

function multiply(
  m: number,
  k: number,
  n: number,
  a: StridedMatrix,
  b: StridedMatrix,
  out: TypedArray,
  outOffset: number,
  dtype: DType,
): void {
  if (dtype === 'float32' && m * n * k >= WASM_MIN_WORK) {
    // The WebAssembly SIMD kernel; it declines (false) where WebAssembly cannot run.
    if (wasmMatmul(m, k, n, a, b, out as Float32Array, outOffset)) return;
  }
  if (isFloating(dtype)) matmulKernel(m, k, n, a, b, out as FloatArray, outOffset);
  else integerProduct(m, k, n, a, b, out, outOffset);
}

/**
 * When b is the same matrix for every batch and a's batch and row dims merge into one strided
 * dim, the batched product is a single (batch*m x k) @ (k x n) product.
 */
function foldBatch(
  a: Tensor,
  b: Tensor,
  batch: Shape,
): [number, StridedMatrix, StridedMatrix] | null {
  if (batch.length === 0 || batchStrides(b, batch).some((s) => s !== 0)) return null;
  const rows = a.numel() / Math.max(a.shape[a.dim() - 1], 1);
  const aBatch = batchStrides(a, batch);
  if (aBatch.some((s) => s === 0) && numelOf(batch) > 1) return null;
  const merged = viewStrides(a.shape, a.strides, [rows, a.shape[a.dim() - 1]]);
  if (merged === null || a.dim() - 2 !== batch.length) return null;
  return [
    rows,
    { data: a.storage().data, offset: a.offset, rowStride: merged[0], colStride: merged[1] },
    {
      data: b.storage().data,
      offset: b.offset,
      rowStride: b.strides[b.dim() - 2],
      colStride: b.strides[b.dim() - 1],
    },
  ];
}

// int32 products: a plain loop, wrapping like int32 arithmetic.
function integerProduct(
  m: number,
  k: number,
  n: number,
  a: StridedMatrix,
  b: StridedMatrix,
  out: TypedArray,
  outOffset: number,
): void {
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let p = 0; p < k; p++) {
        s =
          (s +
            imul(
              a.data[a.offset + i * a.rowStride + p * a.colStride],
              b.data[b.offset + p * b.rowStride + j * b.colStride],
            )) |
          0;
      }
      out[outOffset + i * n + j] = s;
    }
  }
}

export function mm(a: Tensor, b: Tensor): Tensor {
  if (a.dim() !== 2) throw new Error('self must be a matrix');
  if (b.dim() !== 2) throw new Error('mat2 must be a matrix');
  checkDtypes(a, b);
  if (a.shape[1] !== b.shape[0]) cannotMultiply(a.shape[0], a.shape[1], b.shape[0], b.shape[1]);
  const out = product(a, b, []);
  // An operand stored column by column (a transpose, like Linear's `w.t()`) gets its gradient in
  // the same layout, as PyTorch's mm_mat1_backward and mm_mat2_backward do: the same products
  // in the same order, but then the transpose's own backward hands the leaf a dense gradient it
  // can keep, instead of a transposed view that must be copied into `.grad`.
  return recordOp('MmBackward0', out, [a, b], (g) => [
    a.requiresGrad ? (isColumnMajor(a) ? b.mm(g.t()).t() : g.mm(b.t())) : null,
    b.requiresGrad ? (isColumnMajor(b) ? g.t().mm(a).t() : a.t().mm(g)) : null,
  ]);
}

/** PyTorch's test for a matrix stored column by column: strides [1, rows]. */
function isColumnMajor(t: Tensor): boolean {
  return t.strides[0] === 1 && t.strides[1] === t.shape[0];
}

export function bmm(a: Tensor, b: Tensor): Tensor {
  if (a.dim() !== 3) throw new Error('batch1 must be a 3D tensor');
  if (b.dim() !== 3) throw new Error('batch2 must be a 3D tensor');
  checkDtypes(a, b);
  const [batch, , k] = a.shape;
  if (b.shape[0] !== batch || b.shape[1] !== k) {
    throw new Error(
      `Expected size for first two dimensions of batch2 tensor to be: [${batch}, ${k}] but got: [${b.shape[0]}, ${b.shape[1]}].`,
    );
  }
  return batched(a, b, [batch]);
}

function batched(a: Tensor, b: Tensor, batch: Shape): Tensor {
  const out = product(a, b, batch);
  return recordOp('BmmBackward0', out, [a, b], (g) => [
    a.requiresGrad ? gradFor(g.matmul(b.transpose(-1, -2)), a) : null,
    b.requiresGrad ? gradFor(a.transpose(-1, -2).matmul(g), b) : null,
  ]);
}

function dot(a: Tensor, b: Tensor): Tensor {
  if (a.shape[0] !== b.shape[0]) {
    throw new Error(
      `inconsistent tensor size, expected tensor [${a.shape[0]}] and src [${b.shape[0]}] to have the same number of elements, but got ${a.shape[0]} and ${b.shape[0]} elements respectively`,
    );
  }
  const row = a.detach().unsqueeze(0);
  const col = b.detach().unsqueeze(1);
  const out = product(row, col, []).reshape([]);
  return recordOp('DotBackward0', out, [a, b], (g) => [
    a.requiresGrad ? b.mul(g) : null,
    b.requiresGrad ? a.mul(g) : null,
  ]);
}

export function matmul(a: Tensor, b: Tensor): Tensor {
  if (a.dim() === 0 || b.dim() === 0) {
    throw new Error(
      `both arguments to matmul need to be at least 1D, but they are ${a.dim()}D and ${b.dim()}D`,
    );
  }
  checkDtypes(a, b);
  if (a.dim() === 1 && b.dim() === 1) return dot(a, b);
  if (a.dim() === 2 && b.dim() === 2) return mm(a, b);
  if (a.dim() === 1 && b.dim() === 2) {
    if (a.shape[0] !== b.shape[0]) cannotMultiply(1, a.shape[0], b.shape[0], b.shape[1]);
    return mm(a.unsqueeze(0), b).squeeze(0);
  }
  if (a.dim() === 2 && b.dim() === 1) {
    if (a.shape[1] !== b.shape[0]) {
      throw new Error(
        `size mismatch, got input (${a.shape[0]}), mat (${a.shape[0]}x${a.shape[1]}), vec (${b.shape[0]})`,
      );
    }
    return mm(a, b.unsqueeze(1)).squeeze(1);
  }
  // Batched: promote 1-D operands, broadcast the batch dims, multiply, drop the promoted dims.
  const a2 = a.dim() === 1 ? a.unsqueeze(0) : a;
  const b2 = b.dim() === 1 ? b.unsqueeze(1) : b;
  const k = a2.shape[a2.dim() - 1];
  const [k2, n] = b2.shape.slice(-2);
  const batch = broadcastPair(a2.shape.slice(0, -2), b2.shape.slice(0, -2));
  if (k !== k2) {
    if (b.dim() <= 2) cannotMultiply(a2.numel() / k, k, k2, n);
    const batchA = a2.dim() > 2 ? a2.shape.slice(0, -2).reduce((x, y) => x * y, 1) : 1;
    throw new Error(
      `Expected size for first two dimensions of batch2 tensor to be: [${batchA}, ${k}] but got: [${batchA}, ${k2}].`,
    );
  }
  let out = batched(a2, b2, batch);
  if (a.dim() === 1) out = out.squeeze(-2);
  if (b.dim() === 1) out = out.squeeze(-1);
  return out;
}
