/**
 * Normalisation as the lesson does it: subtract the training set's mean and divide by its standard
 * deviation, and use those same two numbers for the validation set (never its own statistics,
 * which would leak information about it and shift its inputs differently from training).
 *
 * Both functions have a fast path for the common case (a contiguous float tensor and plain numbers):
 * one loop over the raw array instead of whole-dataset engine ops, because they run over all 6
 * million pixels of the training set at once.
 */
import { isGradEnabled } from '../autograd/graph';
import type { Tensor } from '../tensor/tensor';
import { tensorFromData } from '../tensor/tensor';
import { allocate } from '../tensor/dtype';

/** (x - mean) / std, elementwise; mean and std may be numbers or tensors that broadcast. */
export function normalize(x: Tensor, mean: number | Tensor, std: number | Tensor): Tensor {
  const values = typeof mean === 'number' && typeof std === 'number' ? rawValues(x) : undefined;
  if (values === undefined || (isGradEnabled() && x.requiresGrad)) return x.sub(mean).div(std);
  const m = mean as number;
  const s = std as number;
  const out = allocate(x.dtype, values.length);
  for (let i = 0; i < values.length; i++) out[i] = (values[i] - m) / s;
  return tensorFromData(out, x.shape, x.dtype);
}

/**
 * The mean and (unbiased, like torch.std) standard deviation of every element of x: the lesson's
 * `x_train.mean(), x_train.std()`. Accumulated in double precision, two passes.
 */
export function meanAndStd(x: Tensor): { mean: number; std: number } {
  const values = rawValues(x);
  if (values === undefined) return { mean: x.mean().item(), std: x.std().item() };
  const n = values.length;
  let total = 0;
  for (let i = 0; i < n; i++) total += values[i];
  const mean = total / n;
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (values[i] - mean) ** 2;
  return { mean, std: Math.sqrt(squares / (n - 1)) };
}

/** The elements of a contiguous float tensor as one stretch of its storage, else undefined. */
function rawValues(x: Tensor): Float32Array | Float64Array | undefined {
  if ((x.dtype !== 'float32' && x.dtype !== 'float64') || !x.isContiguous()) return undefined;
  const data = x.storage().data as Float32Array | Float64Array;
  return data.subarray(x.offset, x.offset + x.numel());
}
