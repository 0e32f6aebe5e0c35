import fc from 'fast-check';
import { manualSeed, matmul, randn } from '../..';
import { matmulKernel, type StridedMatrix } from '../matmul-kernel';
import { wasmMatmul } from './matmul';
import { useWasmKernels, wasmKernels } from './runtime';
import {
  OPERAND_LAYOUTS,
  OUT_SENTINEL,
  buildOperand,
  seededRandom,
  type OperandSpec,
} from '../matmul-operands';

/**
 * The WebAssembly kernel against the JavaScript one (the reference it replaces for float32), on
 * the layouts views produce: `transposed` is a `.t()`, `padded` a slice of a wider matrix, the
 * `expanded*` kinds are `expand` views with stride 0, `stepped` every other column.
 */
interface Case {
  m: number;
  k: number;
  n: number;
  a: OperandSpec;
  b: OperandSpec;
  integers: boolean;
  seed: number;
  outOffset: number;
}

// Read once: inside jest's sandbox a global `Math.x` lookup per element would dominate.
const { abs, floor } = Math;

function runCase(c: Case): void {
  const next = seededRandom(c.seed);
  const a = buildOperand(c.a, c.m, c.k, next, c.integers ? 'integers' : 'reals');
  const b = buildOperand(c.b, c.k, c.n, next, c.integers ? 'integers' : 'reals');
  const size = c.outOffset + c.m * c.n + 2;
  const fast = new Float32Array(size).fill(OUT_SENTINEL); // also proves the kernel overwrites
  const reference = new Float32Array(size).fill(OUT_SENTINEL);
  expect(wasmMatmul(c.m, c.k, c.n, a, b, fast, c.outOffset)).toBe(true);
  matmulKernel(c.m, c.k, c.n, a, b, reference, c.outOffset);
  // sum_p |a_ip b_pj| for every element, which bounds the rounding of any summation order.
  const absolute = (x: StridedMatrix): StridedMatrix => ({
    ...x,
    data: Float64Array.from(x.data as Float32Array, abs),
  });
  const magnitude = new Float64Array(c.m * c.n);
  matmulKernel(c.m, c.k, c.n, absolute(a), absolute(b), magnitude, 0);

  for (let i = 0; i < c.outOffset; i++) expect(fast[i]).toBe(OUT_SENTINEL);
  for (let i = c.outOffset + c.m * c.n; i < size; i++) expect(fast[i]).toBe(OUT_SENTINEL);
  for (let idx = 0; idx < c.m * c.n; idx++) {
    const got = fast[c.outOffset + idx];
    const want = reference[c.outOffset + idx];
    // Small integers are exact in float32 (every partial sum is far below 2^24): equal.
    // Otherwise: summing k float32 products in float32, in any order and with or without fused
    // multiply-adds, is within (k + 1) * 2^-24 * sum|a_ip b_pj| of the exact sum (the standard
    // gamma bound, u = 2^-24); the JavaScript kernel sums in doubles and rounds once, within
    // 2^-24 * |exact| <= 2^-24 * sum|a_ip b_pj| of it. So they differ by at most (k + 2) of those.
    const tolerance = c.integers ? 0 : (c.k + 2) * 2 ** -24 * magnitude[idx];
    if (!(abs(got - want) <= tolerance)) {
      const i = floor(idx / c.n);
      const j = idx % c.n;
      throw new Error(
        `out[${i}][${j}] = ${got}, JavaScript kernel ${want} (tolerance ${tolerance})`,
      );
    }
  }
}

const operand = fc.record({
  layout: fc.constantFrom(...OPERAND_LAYOUTS),
  offset: fc.integer({ min: 0, max: 5 }),
});

/** Sizes 0..70, weighted towards the 4x8 register tile's edges. */
const size = fc.oneof(
  fc.integer({ min: 0, max: 70 }),
  fc.constantFrom(0, 1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 32, 33),
);

function cases(dims: {
  m: fc.Arbitrary<number>;
  k: fc.Arbitrary<number>;
  n: fc.Arbitrary<number>;
}): fc.Arbitrary<Case> {
  return fc.record({
    ...dims,
    a: operand,
    b: operand,
    integers: fc.boolean(),
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    outOffset: fc.integer({ min: 0, max: 3 }),
  });
}

const contiguous: OperandSpec = { layout: 'contiguous', offset: 0 };

describe('the WebAssembly SIMD matmul kernel', () => {
  test('loads in Node, so the engine tests run it', () => {
    // Node 20 validates plain SIMD; relaxed SIMD only behind --experimental-wasm-relaxed-simd.
    expect(['simd', 'relaxed-simd']).toContain(wasmKernels()?.flavour);
  });

  test('agrees with the JavaScript kernel on random sizes 0..70 and any layout', () => {
    fc.assert(fc.property(cases({ m: size, k: size, n: size }), runCase));
  });

  test('agrees with the JavaScript kernel across depth, row and column blocks', () => {
    // k > 512 is cut into equal depth blocks whose sums are added in C; m > 128 needs several
    // row blocks of A; n > 1024 several column blocks of B.
    const small = fc.integer({ min: 1, max: 12 });
    fc.assert(
      fc.property(cases({ m: small, k: fc.integer({ min: 500, max: 1100 }), n: small }), runCase),
      { numRuns: 20 },
    );
    fc.assert(
      fc.property(cases({ m: fc.integer({ min: 120, max: 270 }), k: small, n: small }), runCase),
      { numRuns: 20 },
    );
    for (const integers of [false, true]) {
      runCase({
        m: 5,
        k: 3,
        n: 1030,
        a: contiguous,
        b: contiguous,
        integers,
        seed: 1,
        outOffset: 1,
      });
    }
  });

  test('k = 0 gives zeros, and m = 0 or n = 0 writes nothing', () => {
    const zeroK = fc.record({ m: size, n: size }).map(({ m, n }) => ({ m, k: 0, n }));
    fc.assert(
      fc.property(zeroK, fc.boolean(), ({ m, k, n }, integers) => {
        runCase({ m, k, n, a: contiguous, b: contiguous, integers, seed: 3, outOffset: 1 });
      }),
    );
  });

  test('stays right after its memory grows (views of the old buffer are detached)', () => {
    const small = { k: 11, n: 10, a: contiguous, b: contiguous, integers: false, outOffset: 0 };
    runCase({ ...small, m: 9, seed: 1 });
    const memory = wasmKernels()!.exports.memory;
    const before = memory.buffer.byteLength;
    // An A operand alone larger than the whole memory so far.
    runCase({ ...small, m: Math.ceil(before / 4 / small.k) + 5, integers: true, seed: 2 });
    expect(memory.buffer.byteLength).toBeGreaterThan(before);
    runCase({ ...small, m: 9, seed: 3 });
  });

  test('tensor matmul gives the same values with and without WebAssembly', () => {
    manualSeed(4);
    const a = randn(3, 40, 30);
    const b = randn(30, 20);
    const products = () => [matmul(a, b), matmul(a.transpose(1, 2).transpose(1, 2), b.t().t())];
    const fast = products();
    const previous = useWasmKernels(false);
    let slow;
    try {
      slow = products();
    } finally {
      useWasmKernels(previous);
    }
    for (let i = 0; i < fast.length; i++) {
      // 30 products of |values| mostly below 3: a few float32 ulps of results near 10.
      expect(fast[i]).toBeCloseTensor(slow[i], 1e-4);
    }
  });
});
