import fc from 'fast-check';
import { matmul } from '@kata/01-loop-matmul/matmul';
import { countOps, matmul as engineMatmul, tensor, type Tensor } from '../../src';
import {
  assertClose,
  fromValues,
  kataProperty,
  kataTest,
  matrixPairArb,
  readable,
} from '../../src/testing';

// Small integers keep every product and sum exact in float32, so answers must be equal (eps 0).
const EXACT = 0;

const lessonA = readable(
  tensor([
    [1, 2, 1],
    [0, 1, 0],
    [2, 3, 4],
  ]),
);
const lessonB = readable(
  tensor([
    [2, 5],
    [6, 7],
    [1, 8],
  ]),
);
const lessonProduct = [
  [15, 27],
  [6, 7],
  [26, 63],
];

const size = fc.integer({ min: 1, max: 4 });
/** Two different inner sizes in 1..4, drawn without filtering so nothing is discarded. */
const differentSizes = fc
  .tuple(size, fc.integer({ min: 1, max: 3 }))
  .map(([k, step]): [number, number] => [k, ((k - 1 + step) % 4) + 1]);

/** An m x k matrix holding 1, 2, 3, ... row by row: a different number in every place. */
function counting(rows: number, cols: number): Tensor {
  const values = Array.from({ length: rows * cols }, (_, i) => i + 1);
  return readable(fromValues(values, [rows, cols]));
}

/** The message fn throws, or undefined when it returns. An unstarted stub's error passes through. */
function thrownMessage(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (message.startsWith('not implemented yet')) throw error;
    return message;
  }
  return undefined;
}

/** Everything a caller can observe about a tensor: shape, strides, offset and values. */
function snapshot(t: Tensor) {
  return { shape: [...t.shape], stride: [...t.stride()], offset: t.offset, values: t.toArray() };
}

describe('01 · matmul with three loops', () => {
  kataTest('matmul gives the lesson’s worked example [[15,27],[6,7],[26,63]]', () => {
    assertClose(matmul(lessonA, lessonB), lessonProduct, EXACT);
  });

  kataProperty(
    'matmul agrees exactly with the engine’s matmul on small-integer matrices',
    [matrixPairArb({ maxSize: 5 })],
    (matrices) => {
      const [a, b] = matrices;
      assertClose(matmul(a, b), engineMatmul(a, b), EXACT);
    },
    { examples: [[[lessonA, lessonB]]] },
  );

  kataTest('matmul handles 1xN, Nx1, non-square and 0-sized shapes', () => {
    const sizes: [number, number, number][] = [
      [1, 4, 1],
      [4, 1, 4],
      [1, 1, 1],
      [3, 2, 4],
      [2, 4, 3],
      [0, 3, 2],
      [2, 0, 3],
      [2, 3, 0],
    ];
    for (const [m, k, n] of sizes) {
      const a = counting(m, k);
      const b = counting(k, n);
      assertClose(matmul(a, b), engineMatmul(a, b), EXACT, `${m}x${k} @ ${k}x${n}`);
    }
  });

  kataProperty(
    'matmul agrees with the engine on transposed, narrowed, stepped and expanded inputs',
    [matrixPairArb({ minSize: 1, maxSize: 5, layout: 'views' })],
    (matrices) => {
      const [a, b] = matrices;
      assertClose(matmul(a, b), engineMatmul(a, b), EXACT);
    },
  );

  kataProperty(
    'matmul leaves its inputs unchanged',
    [matrixPairArb({ maxSize: 4, layout: 'any' })],
    (matrices) => {
      const [a, b] = matrices;
      const before = [snapshot(a), snapshot(b)];
      matmul(a, b);
      expect([snapshot(a), snapshot(b)]).toEqual(before);
    },
  );

  kataTest(
    'matmul rejects 2x3 @ 4x5: “mat1 and mat2 shapes cannot be multiplied (2x3 and 4x5)”',
    () => {
      expect(thrownMessage(() => matmul(counting(2, 3), counting(4, 5)))).toBe(
        'mat1 and mat2 shapes cannot be multiplied (2x3 and 4x5)',
      );
    },
  );

  kataProperty(
    'matmul rejects every pair whose inner sizes differ, naming both shapes',
    [size, differentSizes, size],
    (m, [k, otherK], n) => {
      expect(thrownMessage(() => matmul(counting(m, k), counting(otherK, n)))).toBe(
        `mat1 and mat2 shapes cannot be multiplied (${m}x${k} and ${otherK}x${n})`,
      );
    },
  );

  kataProperty(
    'matmul works one number at a time: no matmul, mm, einsum, mul or sum',
    [matrixPairArb({ minSize: 1, maxSize: 3 })],
    (matrices) => {
      const [a, b] = matrices;
      const { counts } = countOps(() => matmul(a, b));
      const used = ['matmul', 'mm', 'einsum', 'mul', 'sum'].filter((op) => (counts[op] ?? 0) > 0);
      expect(used).toEqual([]);
    },
  );
});
