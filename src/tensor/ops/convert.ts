/**
 * Copies: contiguous, clone, dtype conversion, and reading a tensor out as nested JS arrays.
 */
import type { DType } from '../dtype';
import { copyInto, offsetsOf } from '../kernels';
import { emptyTensor, type NestedArray, type Tensor } from '../tensor';
import { recordOp } from './record';

function copyOf(t: Tensor, dtype: DType): Tensor {
  const out = emptyTensor(t.shape, dtype);
  if (dtype === 'bool' && t.dtype !== 'bool') {
    out.copy_(t);
  } else {
    copyInto(t.shape, out.strided(), t.strided());
  }
  return out;
}

/** Itself when already contiguous (as PyTorch), otherwise a row-major copy. */
export function contiguous(t: Tensor): Tensor {
  if (t.isContiguous()) return t;
  return recordOp('CloneBackward0', copyOf(t, t.dtype), [t], (g) => [g]);
}

export function clone(t: Tensor): Tensor {
  return recordOp('CloneBackward0', copyOf(t, t.dtype), [t], (g) => [g]);
}

/** The same values in another dtype (a copy), or the tensor itself if the dtype already matches. */
export function to(t: Tensor, dtype: DType): Tensor {
  if (dtype === t.dtype) return t;
  return recordOp('ToCopyBackward0', copyOf(t, dtype), [t], (g) => [g.to(t.dtype)]);
}

export function toNested(t: Tensor): NestedArray {
  const data = t.storage().data;
  const offsets = offsetsOf(t.shape, t.strides, t.offset);
  const read =
    t.dtype === 'bool' ? (i: number) => data[offsets[i]] !== 0 : (i: number) => data[offsets[i]];
  let next = 0;
  const build = (d: number): NestedArray => {
    if (d === t.dim()) return read(next++);
    const out: NestedArray[] = [];
    for (let i = 0; i < t.shape[d]; i++) out.push(build(d + 1));
    return out;
  };
  return build(0);
}
