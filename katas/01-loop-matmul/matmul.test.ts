import fc from 'fast-check';
import { matmul } from '@kata/01-loop-matmul/matmul';
import { countOps, matmul as engineMatmul, tensor, type Tensor } from '../../src';
import {
  assertClose,
  countingMatrix,
  differentInnerSizesArb,
  EDGE_MATMUL_SIZES,
  expectThrows,
  kataProperty,
  kataTest,
  lessonA,
  lessonB,
  lessonProduct,
  matrixPairArb,
  readable,
  snapshot,
} from '../../src/testing';

// Small integers keep every product and sum exact in float32, so answers must be equal (eps 0).
const EXACT = 0;

// Non-integer float32 values in [-10, 10] and k <= 5: entry (i, j) sums k products. Each product
// of two float32 numbers is exact in a JS double; each partial sum rounds once to float32 (unit
// roundoff u = 2^-24), in the loop's order or the engine kernel's. Two orders differ by at most
// about 2·k·u·Σ|a[i,k]·b[k,j]| <= 2·5·2^-24·(5·100) ≈ 3e-4. A result stored as int32 (every entry
// truncated) is off by up to 1.
const FLOAT_EPS = 1e-3;

const size = fc.integer({ min: 1, max: 4 });
const sizeOrZero = fc.integer({ min: 0, max: 4 });

/**
 * The engine calls a one-number-at-a-time answer may make: read a number (`get`), write one
 * (`set`), and create the result (`zeros`, `empty`, `full`, `tensor`, filled by `zero_`/`fill_`).
 * Anything else (a row slice, `mul`, `add_`, `clone`, `item` on a slice, `matmul`…) hands part of
 * the loop to the engine.
 */
const SCALAR_OPS = ['get', 'set', 'zeros', 'empty', 'full', 'tensor', 'zero_', 'fill_'];

/** Fresh float32 copies of the lesson's matrices: the shared lessonA/lessonB are never handed out. */
function lessonPair(): [Tensor, Tensor] {
  return [
    readable(tensor(lessonA.toArray() as number[][], { dtype: 'float32' })),
    readable(tensor(lessonB.toArray() as number[][], { dtype: 'float32' })),
  ];
}

describe('01 · matmul with three loops', () => {
  kataTest('matmul gives the lesson’s worked example [[15,27],[6,7],[26,63]] as float32', () => {
    const [a, b] = lessonPair();
    assertClose(matmul(a, b), tensor(lessonProduct, { dtype: 'float32' }), EXACT);
  });

  kataProperty(
    'matmul agrees exactly with the engine’s matmul on small-integer matrices',
    [matrixPairArb({ maxSize: 5 })],
    ([a, b]) => {
      assertClose(matmul(a, b), engineMatmul(a, b), EXACT);
    },
    { examples: [[lessonPair()]] },
  );

  kataProperty(
    'matmul of float32 matrices with non-integer values is float32 and agrees with the engine within 1e-3',
    [matrixPairArb({ maxSize: 5, values: 'float', layout: 'any' })],
    ([a, b]) => {
      assertClose(matmul(a, b), engineMatmul(a, b), FLOAT_EPS);
    },
    {
      examples: [
        [
          [
            tensor([[0.5, 0.25]], { dtype: 'float32' }),
            tensor([[0.5], [1.5]], { dtype: 'float32' }),
          ],
        ],
      ],
    },
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
    ([a, b]) => {
      assertClose(matmul(a, b), engineMatmul(a, b), EXACT);
    },
  );

  kataProperty(
    'matmul leaves its inputs unchanged',
    [matrixPairArb({ maxSize: 4, layout: 'any' })],
    ([a, b]) => {
      const before = [snapshot(a), snapshot(b)];
      matmul(a, b);
      expect([snapshot(a), snapshot(b)]).toEqual(before);
    },
  );

  kataProperty(
    'matmul returns a new tensor each call: a second call leaves the first result unchanged',
    [matrixPairArb({ minSize: 1, maxSize: 4 }), matrixPairArb({ minSize: 1, maxSize: 4 })],
    ([a, b], [c, d]) => {
      const first = matmul(a, b);
      const before = snapshot(first);
      const second = matmul(c, d);
      expect(second).not.toBe(first);
      expect(snapshot(first)).toEqual(before);
    },
  );

  kataTest(
    'matmul rejects 2x3 @ 4x5: “mat1 and mat2 shapes cannot be multiplied (2x3 and 4x5)”',
    () => {
      expectThrows(
        () => matmul(countingMatrix(2, 3), countingMatrix(4, 5)),
        'mat1 and mat2 shapes cannot be multiplied (2x3 and 4x5)',
      );
    },
  );

  kataProperty(
    'matmul rejects every pair whose inner sizes differ, naming both shapes, even with 0 rows or columns',
    [sizeOrZero, differentInnerSizesArb, sizeOrZero],
    (m, [k, otherK], n) => {
      expectThrows(
        () => matmul(countingMatrix(m, k), countingMatrix(otherK, n)),
        `mat1 and mat2 shapes cannot be multiplied (${m}x${k} and ${otherK}x${n})`,
      );
    },
    {
      examples: [
        [2, [3, 4], 5],
        [0, [3, 4], 5],
        [2, [4, 3], 0],
        [3, [1, 2], 2],
      ],
    },
  );

  kataProperty(
    'matmul works one number at a time: only get, set and creating the result, never matmul, mul, slices or in-place ops',
    [matrixPairArb({ minSize: 1, maxSize: 3 })],
    ([a, b]) => {
      const { counts } = countOps(() => matmul(a, b));
      const other = Object.fromEntries(
        Object.entries(counts).filter(([op]) => !SCALAR_OPS.includes(op)),
      );
      expect(other).toEqual({});
    },
  );
});
