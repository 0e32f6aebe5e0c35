/**
 * A reproducible train / validation split: the rows are shuffled with a seeded generator, the first
 * `trainSize` become the training set and the rest the validation set. The same seed always gives
 * the same split, on every machine.
 */
import type { Tensor } from '../tensor/tensor';
import { permutation, seededRandom } from './permutation';
import { takeRows } from './rows';

export interface SplitOptions {
  /** Rows in the training set (default: 80% of the rows, rounded down). */
  trainSize?: number;
  /** Fixes the shuffle (default 0). */
  seed?: number;
}

export interface Split {
  xTrain: Tensor;
  yTrain: Tensor;
  xValid: Tensor;
  yValid: Tensor;
}

export function trainValidSplit(x: Tensor, y: Tensor, options: SplitOptions = {}): Split {
  const n = x.shape[0];
  if (y.shape[0] !== n) {
    throw new Error(`Size mismatch between tensors: x has ${n} rows, y has ${y.shape[0]}`);
  }
  const trainSize = options.trainSize ?? Math.floor(n * 0.8);
  if (!(Number.isInteger(trainSize) && trainSize >= 0 && trainSize <= n)) {
    throw new Error(`trainSize must be an integer between 0 and ${n}, got ${trainSize}`);
  }
  const order = permutation(n, seededRandom(options.seed ?? 0));
  const train = order.subarray(0, trainSize);
  const valid = order.subarray(trainSize);
  return {
    xTrain: takeRows(x, train),
    yTrain: takeRows(y, train),
    xValid: takeRows(x, valid),
    yValid: takeRows(y, valid),
  };
}
