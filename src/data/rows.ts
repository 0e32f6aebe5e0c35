/**
 * Picking rows of a dataset by number: the engine's `index` takes ranges, not lists of rows, so a
 * shuffled batch is gathered here by copying whole rows out of a contiguous buffer.
 */
import { allocate } from '../tensor/dtype';
import { type Tensor, tensorFromData } from '../tensor/tensor';

/**
 * Rows shorter than this are copied element by element: a labels tensor's rows are one number
 * each, and a `subarray` plus `set` per number made a batch of 64 labels 2.5 times slower.
 */
const SHORT_ROW = 16;

/** A new contiguous tensor whose i-th row (along dim 0) is `t`'s row `rows[i]`. */
export function takeRows(t: Tensor, rows: ArrayLike<number>): Tensor {
  if (t.dim() === 0) throw new Error('takeRows expects a tensor with at least one dimension');
  const n = t.shape[0];
  const source = t.contiguous();
  const data = source.storage().data;
  const rowSize = n === 0 ? 0 : source.numel() / n;
  const out = allocate(t.dtype, rows.length * rowSize);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (!(r >= 0 && r < n)) {
      throw new Error(`index ${r} is out of bounds for dimension 0 with size ${n}`);
    }
    const start = source.offset + r * rowSize;
    if (rowSize < SHORT_ROW) {
      for (let j = 0; j < rowSize; j++) out[i * rowSize + j] = data[start + j];
    } else {
      out.set(data.subarray(start, start + rowSize), i * rowSize);
    }
  }
  return tensorFromData(out, [rows.length, ...t.shape.slice(1)], t.dtype);
}
