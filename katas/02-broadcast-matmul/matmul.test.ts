import fc from 'fast-check';
import { matmulBroadcast, matmulDot, matmulEinsum } from '@kata/02-broadcast-matmul/matmul';
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

// Non-integer float32 values in [-10, 10] and k <= 5: entry (i, j) sums k float32 products. Each
// product and each partial sum rounds once to float32 (unit roundoff u = 2^-24), in whatever order
// the ops here or the engine's matmul kernel add them. Two orders differ by at most about
// 2·k·u·Σ|a[i,k]·b[k,j]| <= 2·5·2^-24·(5·100) ≈ 3e-4. A result stored as int32 (every entry
// truncated) is off by up to 1.
const FLOAT_EPS = 1e-3;

const size = fc.integer({ min: 1, max: 4 });
const sizeOrZero = fc.integer({ min: 0, max: 4 });

/** Fresh float32 copies of the lesson's matrices: the shared lessonA/lessonB are never handed out. */
function lessonPair(): [Tensor, Tensor] {
  return [
    readable(tensor(lessonA.toArray() as number[][], { dtype: 'float32' })),
    readable(tensor(lessonB.toArray() as number[][], { dtype: 'float32' })),
  ];
}

const versions: [string, (a: Tensor, b: Tensor) => Tensor][] = [
  ['matmulDot', matmulDot],
  ['matmulBroadcast', matmulBroadcast],
  ['matmulEinsum', matmulEinsum],
];

describe.each(versions)('02 · %s', (name, multiply) => {
  kataTest(`${name} gives the lesson’s worked example [[15,27],[6,7],[26,63]] as float32`, () => {
    const [a, b] = lessonPair();
    assertClose(multiply(a, b), tensor(lessonProduct, { dtype: 'float32' }), EXACT);
  });

  kataProperty(
    `${name} agrees exactly with the engine’s matmul on small-integer matrices`,
    [matrixPairArb({ maxSize: 5 })],
    ([a, b]) => {
      assertClose(multiply(a, b), engineMatmul(a, b), EXACT);
    },
    { examples: [[lessonPair()]] },
  );

  kataProperty(
    `${name} of float32 matrices with non-integer values is float32 and agrees with the engine within 1e-3`,
    [matrixPairArb({ maxSize: 5, values: 'float', layout: 'any' })],
    ([a, b]) => {
      assertClose(multiply(a, b), engineMatmul(a, b), FLOAT_EPS);
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
    ([a, b]) => {
      assertClose(multiply(a, b), engineMatmul(a, b), EXACT);
    },
  );

  kataProperty(
    `${name} leaves its inputs unchanged`,
    [matrixPairArb({ maxSize: 4, layout: 'any' })],
    ([a, b]) => {
      const before = [snapshot(a), snapshot(b)];
      multiply(a, b);
      expect([snapshot(a), snapshot(b)]).toEqual(before);
    },
  );

  kataProperty(
    `${name} returns a new tensor each call: a second call leaves the first result unchanged`,
    [matrixPairArb({ minSize: 1, maxSize: 4 }), matrixPairArb({ minSize: 1, maxSize: 4 })],
    ([a, b], [c, d]) => {
      const first = multiply(a, b);
      const before = snapshot(first);
      const second = multiply(c, d);
      expect(second).not.toBe(first);
      expect(snapshot(first)).toEqual(before);
    },
  );

  kataProperty(
    `${name} rejects inner sizes that differ, even with 0 rows or columns: “mat1 and mat2 shapes cannot be multiplied (2x3 and 4x5)”`,
    [sizeOrZero, differentInnerSizesArb, sizeOrZero],
    (m, [k, otherK], n) => {
      expectThrows(
        () => multiply(countingMatrix(m, k), countingMatrix(otherK, n)),
        `mat1 and mat2 shapes cannot be multiplied (${m}x${k} and ${otherK}x${n})`,
      );
    },
    {
      examples: [
        [2, [3, 4], 5],
        [0, [3, 4], 5],
        [2, [4, 3], 0],
        [3, [1, 2], 2],
        [3, [2, 1], 2],
      ],
    },
  );
});

/** Views and copies of views: picking rows, columns and axes out costs no arithmetic. */
const VIEW_OPS = [
  'index',
  'select',
  'narrow',
  't',
  'transpose',
  'permute',
  'view',
  'reshape',
  'flatten',
  'unsqueeze',
  'squeeze',
  'expand',
  'contiguous',
  'clone',
];
/** Making the result to fill in. */
const RESULT_OPS = ['zeros', 'empty', 'full', 'tensor'];

/** Every op fn ran that is not in `allowed`, with its count: `{}` when there is none. */
function opsOutside(counts: Record<string, number>, allowed: readonly string[]) {
  return Object.fromEntries(Object.entries(counts).filter(([op]) => !allowed.includes(op)));
}

describe('02 · the technique, counted with countOps', () => {
  const dotOps = [...VIEW_OPS, ...RESULT_OPS, 'mul', 'sum', 'item', 'set', 'copy_'];

  kataProperty(
    'matmulDot runs one elementwise mul and one sum per entry of the result (m·n each)',
    [matrixPairArb({ minSize: 1, maxSize: 4 })],
    ([a, b]) => {
      const [m, n] = [a.shape[0], b.shape[1]];
      const { counts } = countOps(() => matmulDot(a, b));
      expect({ mul: counts.mul ?? 0, sum: counts.sum ?? 0 }).toEqual({ mul: m * n, sum: m * n });
    },
  );

  kataProperty(
    'matmulDot uses only views, mul, sum, item and set (or copy_): no get loop over k, no add, no matmul or einsum',
    [matrixPairArb({ minSize: 1, maxSize: 4 })],
    ([a, b]) => {
      const { counts } = countOps(() => matmulDot(a, b));
      expect(opsOutside(counts, dotOps)).toEqual({});
    },
  );

  const broadcastOps = [...VIEW_OPS, ...RESULT_OPS, 'mul', 'sum', 'copy_', 'stack', 'cat'];

  kataProperty(
    'matmulBroadcast runs exactly one broadcast mul per row of a (m in all)',
    [matrixPairArb({ minSize: 1, maxSize: 4 })],
    ([a, b]) => {
      const { counts } = countOps(() => matmulBroadcast(a, b));
      expect({ mul: counts.mul ?? 0 }).toEqual({ mul: a.shape[0] });
    },
  );

  kataProperty(
    'matmulBroadcast uses only views, mul, sum and copy_ into the result: no get, set or item per entry, no add, no matmul or einsum',
    [matrixPairArb({ minSize: 1, maxSize: 4 })],
    ([a, b]) => {
      const { counts } = countOps(() => matmulBroadcast(a, b));
      expect(opsOutside(counts, broadcastOps)).toEqual({});
    },
  );

  const einsumOps = ['einsum', 't', 'transpose', 'permute', 'contiguous'];

  kataProperty(
    'matmulEinsum runs exactly one einsum and nothing else but a transpose: no mul, sum, matmul or result to fill in',
    [matrixPairArb({ minSize: 1, maxSize: 4 })],
    ([a, b]) => {
      const { counts } = countOps(() => matmulEinsum(a, b));
      expect({ einsum: counts.einsum ?? 0, others: opsOutside(counts, einsumOps) }).toEqual({
        einsum: 1,
        others: {},
      });
    },
  );
});
