import fc from 'fast-check';
import { matmul } from '@kata/01-loop-matmul/matmul';
import { countOps, matmul as engineMatmul } from '../../src';
import {
  assertClose,
  countingMatrix,
  differentInnerSizesArb,
  EDGE_MATMUL_SIZES,
  kataProperty,
  kataTest,
  lessonA,
  lessonB,
  lessonProduct,
  matrixPairArb,
  snapshot,
  thrownMessage,
} from '../../src/testing';

// Small integers keep every product and sum exact in float32, so answers must be equal (eps 0).
const EXACT = 0;

const size = fc.integer({ min: 1, max: 4 });

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
    for (const [m, k, n] of EDGE_MATMUL_SIZES) {
      const a = countingMatrix(m, k);
      const b = countingMatrix(k, n);
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
      expect(thrownMessage(() => matmul(countingMatrix(2, 3), countingMatrix(4, 5)))).toBe(
        'mat1 and mat2 shapes cannot be multiplied (2x3 and 4x5)',
      );
    },
  );

  kataProperty(
    'matmul rejects every pair whose inner sizes differ, naming both shapes',
    [size, differentInnerSizesArb, size],
    (m, [k, otherK], n) => {
      expect(thrownMessage(() => matmul(countingMatrix(m, k), countingMatrix(otherK, n)))).toBe(
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
