import fc from 'fast-check';
import { matmulBroadcast, matmulDot, matmulEinsum } from '@kata/02-broadcast-matmul/matmul';
import { countOps, matmul as engineMatmul, type Tensor } from '../../src';
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

/** How many times each of these engine ops ran inside fn (0 when it did not run). */
function opsUsed(fn: () => unknown, ops: readonly string[]): Record<string, number> {
  const { counts } = countOps(fn);
  return Object.fromEntries(ops.map((op) => [op, counts[op] ?? 0]));
}

const versions: [string, (a: Tensor, b: Tensor) => Tensor][] = [
  ['matmulDot', matmulDot],
  ['matmulBroadcast', matmulBroadcast],
  ['matmulEinsum', matmulEinsum],
];

describe.each(versions)('02 · %s', (name, multiply) => {
  kataTest(`${name} gives the lesson’s worked example [[15,27],[6,7],[26,63]]`, () => {
    assertClose(multiply(lessonA, lessonB), lessonProduct, EXACT);
  });

  kataProperty(
    `${name} agrees exactly with the engine’s matmul on small-integer matrices`,
    [matrixPairArb({ maxSize: 5 })],
    (matrices) => {
      const [a, b] = matrices;
      assertClose(multiply(a, b), engineMatmul(a, b), EXACT);
    },
    { examples: [[[lessonA, lessonB]]] },
  );

  kataTest(`${name} handles 1xN, Nx1, non-square and 0-sized shapes`, () => {
    for (const [m, k, n] of EDGE_MATMUL_SIZES) {
      const a = countingMatrix(m, k);
      const b = countingMatrix(k, n);
      assertClose(multiply(a, b), engineMatmul(a, b), EXACT, `${m}x${k} @ ${k}x${n}`);
    }
  });

  kataProperty(
    `${name} agrees with the engine on transposed, narrowed, stepped and expanded inputs`,
    [matrixPairArb({ minSize: 1, maxSize: 5, layout: 'views' })],
    (matrices) => {
      const [a, b] = matrices;
      assertClose(multiply(a, b), engineMatmul(a, b), EXACT);
    },
  );

  kataProperty(
    `${name} leaves its inputs unchanged`,
    [matrixPairArb({ maxSize: 4, layout: 'any' })],
    (matrices) => {
      const [a, b] = matrices;
      const before = [snapshot(a), snapshot(b)];
      multiply(a, b);
      expect([snapshot(a), snapshot(b)]).toEqual(before);
    },
  );

  kataProperty(
    `${name} rejects inner sizes that differ: “mat1 and mat2 shapes cannot be multiplied (2x3 and 4x5)”`,
    [size, differentInnerSizesArb, size],
    (m, [k, otherK], n) => {
      expect(thrownMessage(() => multiply(countingMatrix(m, k), countingMatrix(otherK, n)))).toBe(
        `mat1 and mat2 shapes cannot be multiplied (${m}x${k} and ${otherK}x${n})`,
      );
    },
    { examples: [[2, [3, 4], 5]] },
  );
});

describe('02 · the technique, counted with countOps', () => {
  const noMatmul = { matmul: 0, mm: 0, einsum: 0 };

  kataProperty(
    'matmulDot runs one elementwise mul per entry of the result (m·n), and no matmul or einsum',
    [matrixPairArb({ minSize: 1, maxSize: 4 })],
    (matrices) => {
      const [a, b] = matrices;
      const [m, n] = [a.shape[0], b.shape[1]];
      const used = opsUsed(() => matmulDot(a, b), ['mul', 'matmul', 'mm', 'einsum']);
      expect(used).toEqual({ mul: m * n, ...noMatmul });
    },
  );

  kataProperty(
    'matmulBroadcast runs one broadcast mul per row of a (m), and no matmul or einsum',
    [matrixPairArb({ minSize: 1, maxSize: 4 })],
    (matrices) => {
      const [a, b] = matrices;
      const used = opsUsed(() => matmulBroadcast(a, b), ['mul', 'matmul', 'mm', 'einsum']);
      expect(used).toEqual({ mul: a.shape[0], ...noMatmul });
    },
  );

  kataProperty(
    'matmulEinsum runs exactly one einsum, and no mul or matmul',
    [matrixPairArb({ minSize: 1, maxSize: 4 })],
    (matrices) => {
      const [a, b] = matrices;
      const used = opsUsed(() => matmulEinsum(a, b), ['einsum', 'mul', 'matmul', 'mm']);
      expect(used).toEqual({ einsum: 1, mul: 0, matmul: 0, mm: 0 });
    },
  );
});
