/**
 * cat and stack: one new tensor holding the inputs side by side along a dim.
 */
import { resultType } from '../dtype';
import { copyInto } from '../kernels';
import { formatShape, normalizeDim, sameShape } from '../layout';
import { emptyTensor, type Tensor } from '../tensor';
import { recordOp } from './record';

export function cat(tensors: readonly Tensor[], dim = 0): Tensor {
  if (tensors.length === 0) throw new Error('torch.cat(): expected a non-empty list of Tensors');
  // PyTorch still skips 1-D empty tensors (shape [0]) whatever the other shapes are.
  const parts = tensors.filter((t) => !(t.dim() === 1 && t.shape[0] === 0));
  const dtype = resultType(tensors.map((t) => ({ dtype: t.dtype, dim: () => 1 })));
  if (parts.length === 0) return emptyTensor([0], dtype);
  const ref = parts[0];
  if (ref.dim() === 0) {
    throw new Error('zero-dimensional tensor (at position 0) cannot be concatenated');
  }
  const d = normalizeDim(dim, ref.dim());
  const shape = [...ref.shape];
  shape[d] = 0;
  parts.forEach((t, i) => {
    if (t.dim() !== ref.dim()) {
      throw new Error(
        `Tensors must have same number of dimensions: got ${ref.dim()} and ${t.dim()}`,
      );
    }
    for (let j = 0; j < t.dim(); j++) {
      if (j !== d && t.shape[j] !== ref.shape[j]) {
        throw new Error(
          `Sizes of tensors must match except in dimension ${d}. Expected size ${ref.shape[j]} but got size ${t.shape[j]} for tensor number ${tensors.indexOf(t) === -1 ? i : tensors.indexOf(t)} in the list.`,
        );
      }
    }
    shape[d] += t.shape[d];
  });
  const out = emptyTensor(shape, dtype);
  let start = 0;
  const starts: number[] = [];
  for (const t of parts) {
    starts.push(start);
    const slot = out.detach().narrow(d, start, t.shape[d]);
    if (dtype === t.dtype) copyInto(t.shape, slot.strided(), t.strided());
    else slot.copy_(t);
    start += t.shape[d];
  }
  return recordOp('CatBackward0', out, parts, (g) =>
    parts.map((t, i) => (t.requiresGrad ? g.narrow(d, starts[i], t.shape[d]).contiguous() : null)),
  );
}

export function stack(tensors: readonly Tensor[], dim = 0): Tensor {
  if (tensors.length === 0) throw new Error('stack expects a non-empty TensorList');
  const ref = tensors[0];
  tensors.forEach((t, i) => {
    if (!sameShape(t.shape, ref.shape)) {
      throw new Error(
        `stack expects each tensor to be equal size, but got ${formatShape(ref.shape)} at entry 0 and ${formatShape(t.shape)} at entry ${i}`,
      );
    }
  });
  const d = normalizeDim(dim, ref.dim() + 1);
  return cat(
    tensors.map((t) => t.unsqueeze(d)),
    d,
  );
}
