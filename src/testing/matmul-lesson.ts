/**
 * What the matmul katas (01 and 02) test with: the lesson's worked example, matrices whose every
 * entry differs, and inner sizes that cannot be multiplied.
 */
import fc from 'fast-check';
import { tensor, type Tensor } from '../tensor';
import { fromValues } from './build';
import { readable } from './describe';

/** The lesson's worked example: lessonA @ lessonB = lessonProduct. */
export const lessonA: Tensor = readable(
  tensor([
    [1, 2, 1],
    [0, 1, 0],
    [2, 3, 4],
  ]),
);
export const lessonB: Tensor = readable(
  tensor([
    [2, 5],
    [6, 7],
    [1, 8],
  ]),
);
export const lessonProduct = [
  [15, 27],
  [6, 7],
  [26, 63],
];

const innerSize = fc.integer({ min: 1, max: 4 });

/** Two different inner sizes in 1..4, drawn without filtering so nothing is discarded. */
export const differentInnerSizesArb: fc.Arbitrary<[number, number]> = fc
  .tuple(innerSize, fc.integer({ min: 1, max: 3 }))
  .map(([k, step]): [number, number] => [k, ((k - 1 + step) % 4) + 1]);

/** A rows x cols matrix holding 1, 2, 3, ... row by row: a different number in every place. */
export function countingMatrix(rows: number, cols: number): Tensor {
  const values = Array.from({ length: rows * cols }, (_, i) => i + 1);
  return readable(fromValues(values, [rows, cols]));
}

/**
 * m x k @ k x n sizes where loop-bound mistakes show: a row or a column alone, non-square
 * products either way round, and every size 0 (an empty product; with k = 0, a matrix of zeros).
 */
export const EDGE_MATMUL_SIZES: readonly (readonly [number, number, number])[] = [
  [1, 4, 1],
  [4, 1, 4],
  [1, 1, 1],
  [3, 2, 4],
  [2, 4, 3],
  [0, 3, 2],
  [2, 0, 3],
  [2, 3, 0],
];
