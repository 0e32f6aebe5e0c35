import fc from 'fast-check';
import { matmulKernel, type FloatArray, type StridedMatrix } from './matmul-kernel';
import {
  OPERAND_LAYOUTS,
  OUT_SENTINEL,
  buildOperand,
  seededRandom,
  type OperandSpec,
  type OperandValues,
} from './matmul-operands';

interface Case {
  m: number;
  k: number;
  n: number;
  a: OperandSpec;
  b: OperandSpec;
  values: OperandValues;
  seed: number;
  float64Out: boolean;
  outOffset: number;
}

// Read once: inside jest's sandbox a global `Math.x` lookup per multiply-add would dominate.
const { abs, floor } = Math;

const at = (x: StridedMatrix, r: number, c: number): number =>
  x.data[x.offset + r * x.rowStride + c * x.colStride];

/** The naive triple loop, in doubles, plus the sum of |a_ip * b_pj| that bounds its rounding. */
function reference(m: number, k: number, n: number, a: StridedMatrix, b: StridedMatrix) {
  const value = new Float64Array(m * n);
  const magnitude = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let sum = 0;
      let size = 0;
      for (let p = 0; p < k; p++) {
        const prod = at(a, i, p) * at(b, p, j);
        sum += prod;
        size += abs(prod);
      }
      value[i * n + j] = sum;
      magnitude[i * n + j] = size;
    }
  }
  return { value, magnitude };
}

function runCase(c: Case): void {
  const next = seededRandom(c.seed);
  const a = buildOperand(c.a, c.m, c.k, next, c.values);
  const b = buildOperand(c.b, c.k, c.n, next, c.values);
  const size = c.outOffset + c.m * c.n + 2;
  const out: FloatArray = c.float64Out ? new Float64Array(size) : new Float32Array(size);
  out.fill(OUT_SENTINEL); // also proves the kernel overwrites rather than adds
  matmulKernel(c.m, c.k, c.n, a, b, out, c.outOffset);

  const { value, magnitude } = reference(c.m, c.k, c.n, a, b);
  for (let i = 0; i < c.outOffset; i++) expect(out[i]).toBe(OUT_SENTINEL);
  for (let i = c.outOffset + c.m * c.n; i < size; i++) expect(out[i]).toBe(OUT_SENTINEL);
  for (let idx = 0; idx < c.m * c.n; idx++) {
    const got = out[c.outOffset + idx];
    const want = value[idx];
    // Tolerance. Any order of summing k products in doubles is within k * 2^-53 * sum|a_ip b_pj|
    // of the exact sum (the standard gamma_k bound), so the kernel and the reference, which sum in
    // different orders, differ by at most twice that. A float32 output is then rounded once:
    // another half ulp, 2^-24 relative. Integer values are exact in both, so the bound is 0 there.
    const orderError = 2 * (c.k + 1) * 2 ** -53 * magnitude[idx];
    const tolerance = c.float64Out ? orderError : orderError + 2 ** -24 * abs(want);
    if (!(abs(got - want) <= tolerance)) {
      const i = floor(idx / c.n);
      const j = idx % c.n;
      throw new Error(
        `out[${i}][${j}] = ${got}, naive loop gives ${want} (tolerance ${tolerance})`,
      );
    }
  }
}

const operand = fc.record({
  layout: fc.constantFrom(...OPERAND_LAYOUTS),
  offset: fc.integer({ min: 0, max: 5 }),
  float64: fc.boolean(),
});

/** Sizes 0..70, weighted towards the 4x4 tile edges and the 64-row block edge. */
const size = fc.oneof(
  fc.integer({ min: 0, max: 70 }),
  fc.constantFrom(0, 1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 63, 64, 65),
);

function cases(dims: {
  m: fc.Arbitrary<number>;
  k: fc.Arbitrary<number>;
  n: fc.Arbitrary<number>;
}) {
  return fc.record({
    ...dims,
    a: operand,
    b: operand,
    values: fc.constantFrom<OperandValues>('integers', 'reals'),
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    float64Out: fc.boolean(),
    outOffset: fc.integer({ min: 0, max: 3 }),
  });
}

const contiguous64: OperandSpec = { layout: 'contiguous', offset: 0, float64: true };
const contiguousReals = { a: contiguous64, b: contiguous64, values: 'reals', seed: 7 } as const;

describe('matmulKernel', () => {
  test("the lesson's worked example", () => {
    const a = { data: [1, 2, 1, 0, 1, 0, 2, 3, 4], offset: 0, rowStride: 3, colStride: 1 };
    const b = { data: [2, 5, 6, 7, 1, 8], offset: 0, rowStride: 2, colStride: 1 };
    const out = new Float32Array(6);
    matmulKernel(3, 3, 2, a, b, out, 0);
    expect(Array.from(out)).toEqual([15, 27, 6, 7, 26, 63]);
  });

  test('agrees with the naive triple loop on random sizes 0..70 and any layout', () => {
    fc.assert(fc.property(cases({ m: size, k: size, n: size }), runCase));
  });

  test('agrees with the naive triple loop when k spans several depth blocks', () => {
    // k > 256 makes the kernel add partial sums from more than one packed depth block.
    const small = fc.integer({ min: 1, max: 12 });
    const depth = fc.integer({ min: 250, max: 530 });
    fc.assert(fc.property(cases({ m: small, k: depth, n: small }), runCase), { numRuns: 30 });
  });

  test('k = 0 gives zeros, and m = 0 or n = 0 writes nothing', () => {
    const zeroK = fc.record({ m: size, n: size }).map(({ m, n }) => ({ m, k: 0, n }));
    fc.assert(
      fc.property(zeroK, fc.boolean(), ({ m, k, n }, float64Out) => {
        runCase({ m, k, n, ...contiguousReals, float64Out, outOffset: 1 });
      }),
    );
  });

  test.each([
    ['more rows than one pass holds', 1030, 3, 6],
    ['more columns than one column block', 6, 3, 1030],
  ])('agrees with the naive triple loop with %s', (_name, m, k, n) => {
    for (const float64Out of [false, true]) {
      runCase({ m, k, n, ...contiguousReals, float64Out, outOffset: 2 });
    }
  });

  test('a float32 result is the double sum rounded once', () => {
    // 1 + 2^-30 - 1 is 2^-30 in doubles but 0 if the running sum were kept in float32.
    // Every row of a is that one row (stride 0), every column of b is all ones.
    const a = { data: new Float64Array([1, 2 ** -30, -1]), offset: 0, rowStride: 0, colStride: 1 };
    const b = { data: new Float64Array([1, 1, 1]), offset: 0, rowStride: 1, colStride: 0 };
    for (const [m, n] of [
      [1, 1], // the direct loop
      [5, 9], // the packed, register-tiled path
    ]) {
      const out = new Float32Array(m * n);
      matmulKernel(m, 3, n, a, b, out, 0);
      expect(Array.from(out)).toEqual(new Array(m * n).fill(2 ** -30));
    }
  });
});
