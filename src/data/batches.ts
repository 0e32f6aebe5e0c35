/**
 * Mini-batches, like iterating over a PyTorch DataLoader: `for (const [xb, yb] of batches(x, y, 64))`.
 * The last batch is smaller when the batch size does not divide the number of rows (or left out,
 * with `dropLast`).
 */
import type { Tensor } from '../tensor/tensor';
import { permutation, seededRandom } from './permutation';
import { takeRows } from './rows';
import { rand } from '../tensor/creation';

export interface BatchOptions {
  /** Visit the rows in a new random order (default false: rows in order, as views, no copy). */
  shuffle?: boolean;
  /** Fixes the shuffled order. Without it the engine's generator decides (see `manualSeed`). */
  seed?: number;
  /** Skip the last batch when it would be smaller than batchSize (DataLoader's drop_last). */
  dropLast?: boolean;
}

export function* batches(
  x: Tensor,
  y: Tensor,
  batchSize: number,
  options: BatchOptions = {},
): Generator<[Tensor, Tensor]> {
  const n = x.shape[0];
  if (y.shape[0] !== n) {
    throw new Error(`Size mismatch between tensors: x has ${n} rows, y has ${y.shape[0]}`);
  }
  if (!(Number.isInteger(batchSize) && batchSize > 0)) {
    throw new Error(
      `batch_size should be a positive integer value, but got batch_size=${batchSize}`,
    );
  }
  // Rows past `end` never make a batch: with dropLast, the incomplete tail is left out.
  const end = options.dropLast ? n - (n % batchSize) : n;
  if (!options.shuffle) {
    for (let start = 0; start < end; start += batchSize) {
      const length = Math.min(batchSize, n - start);
      yield [x.narrow(0, start, length), y.narrow(0, start, length)];
    }
    return;
  }
  const random = seededRandom(options.seed ?? drawSeed());
  const order = permutation(n, random);
  for (let start = 0; start < end; start += batchSize) {
    const rows = order.subarray(start, Math.min(start + batchSize, n));
    yield [takeRows(x, rows), takeRows(y, rows)];
  }
}

/** A seed from the engine's generator, so `manualSeed(n)` also fixes unseeded shuffles. */
function drawSeed(): number {
  return Math.floor(rand([1]).item() * 0x100000000);
}
