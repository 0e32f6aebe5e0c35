import { Tensor, fromStorage } from '../../src';

/**
 * The strides of a freshly allocated (row-major, "C-contiguous") tensor: the last dimension
 * steps by 1, and each earlier one steps over a whole block of the dimensions after it.
 * [2, 3, 4] -> [12, 4, 1]. A size-0 dimension counts as 1 here, as in PyTorch, so no stride is 0.
 */
export function contiguousStrides(shape: readonly number[]): number[] {
  const strides = new Array<number>(shape.length);
  let step = 1;
  for (let d = shape.length - 1; d >= 0; d--) {
    strides[d] = step;
    step *= Math.max(shape[d], 1);
  }
  return strides;
}

/**
 * The shape two tensors broadcast to. Line the shapes up on the right; a missing dimension
 * counts as 1; each pair of sizes must be equal or contain a 1, and the result takes the other.
 * [3] and [3, 1] -> [3, 3]; [2] and [2, 3] fail.
 */
export function broadcastShapes(a: readonly number[], b: readonly number[]): number[] {
  const n = Math.max(a.length, b.length);
  const out = new Array<number>(n);
  for (let i = n - 1; i >= 0; i--) {
    const dimA = i - (n - a.length);
    const dimB = i - (n - b.length);
    const sizeA = dimA >= 0 ? a[dimA] : 1;
    const sizeB = dimB >= 0 ? b[dimB] : 1;
    if (sizeA === sizeB || sizeB === 1) {
      out[i] = sizeA;
    } else if (sizeA === 1) {
      out[i] = sizeB;
    } else {
      throw new Error(
        `The size of tensor a (${sizeA}) must match the size of tensor b (${sizeB}) at non-singleton dimension ${i}`,
      );
    }
  }
  return out;
}

/**
 * A view of `t` with a new dimension of size 1 at `dim` (negative counts from the end, so -1
 * appends). Same storage, same offset: only the shape and strides change.
 */
export function unsqueeze(t: Tensor, dim: number): Tensor {
  const n = t.dim();
  if (dim < -(n + 1) || dim > n) {
    throw new Error(
      `Dimension out of range (expected to be in range of [${-(n + 1)}, ${n}], but got ${dim})`,
    );
  }
  const d = dim < 0 ? dim + n + 1 : dim;
  const shape = [...t.shape];
  const stride = [...t.stride()];
  // A size-1 dimension is never stepped along; PyTorch gives it the stride that keeps the
  // view contiguous when `t` is: the block size of the dimension it is inserted before.
  const newStride = d < n ? shape[d] * stride[d] : 1;
  shape.splice(d, 0, 1);
  stride.splice(d, 0, newStride);
  return fromStorage(t.storage(), shape, stride, t.offset);
}

/**
 * A view of `t` stretched to `other`'s shape without copying a number: every dimension that
 * grows (a size 1, or a missing leading one) gets stride 0, so each step along it reads the
 * same memory again. [10, 20, 30] as 3x3 has stride [0, 1] and still a storage of 3 numbers.
 */
export function expandAs(t: Tensor, other: Tensor): Tensor {
  const target = other.shape;
  const extra = target.length - t.dim();
  if (extra < 0) {
    throw new Error(
      `expand: the number of sizes provided (${target.length}) must be greater or equal to the number of dimensions in the tensor (${t.dim()})`,
    );
  }
  const stride = new Array<number>(target.length);
  // Right to left, as PyTorch checks: the error names the last dimension that does not fit.
  for (let i = target.length - 1; i >= 0; i--) {
    const d = i - extra;
    const size = d >= 0 ? t.shape[d] : 1;
    if (d >= 0 && size === target[i]) {
      stride[i] = t.stride()[d];
    } else if (size === 1) {
      stride[i] = 0;
    } else {
      throw new Error(
        `The expanded size of the tensor (${target[i]}) must match the existing size (${size}) at non-singleton dimension ${i}.  Target sizes: [${target.join(', ')}].  Tensor sizes: [${t.shape.join(', ')}]`,
      );
    }
  }
  return fromStorage(t.storage(), [...target], stride, t.offset);
}
