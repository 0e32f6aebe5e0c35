import { AssertionError } from 'node:assert';
import fc from 'fast-check';
import { mse, mseGrad } from '@kata/04-mse-grad/mse';
import { countOps, full, noGrad, Tensor, tensor } from '../../src';
import {
  byHand,
  boundedFloatArb,
  expectThrows,
  kataProperty,
  kataTest,
  LAYOUT_KINDS,
  layoutSpecArb,
  readable,
  snapshot,
  withLayout,
  type NestedNumbers,
} from '../../src/testing';

/** A float32 tensor from plain numbers (always float32, whatever the values). */
const f32 = (values: NestedNumbers) => tensor(values, { dtype: 'float32' });

/**
 * A batch of n predictions `out` (shape [n, 1], as a linear layer with one output gives them, in
 * any memory layout) and their targets `targ` (shape [n]), with values from `valueArb`.
 */
const MAX_N = 8;
function predictionsArb(valueArb: fc.Arbitrary<number>) {
  return fc
    .tuple(
      fc.integer({ min: 1, max: MAX_N }),
      fc.array(valueArb, { minLength: MAX_N, maxLength: MAX_N }),
      fc.array(valueArb, { minLength: MAX_N, maxLength: MAX_N }),
      layoutSpecArb(LAYOUT_KINDS, 2),
    )
    .map(([n, outValues, targValues, layout]): [Tensor, Tensor] => [
      readable(withLayout(outValues, [n, 1], layout, 'float32')),
      readable(withLayout(targValues, [n], layout, 'float32')),
    ]);
}

/** Small integers keep the differences and squares exact in float32; only the division rounds. */
const intPredictionsArb = predictionsArb(fc.integer({ min: -9, max: 9 }));
/** Non-integer float32 values in -10..10: every step rounds (tolerances below). */
const floatPredictionsArb = predictionsArb(boundedFloatArb({ min: -10, max: 10 }));

/**
 * The reference: the same loss built by the engine with autograd, and the gradient autograd finds.
 * Autograd computes out.grad as (1/n) · 2 · diff, the hand-written answer as 2 · diff / n: with
 * integer differences each is within a few roundings of the exact value, see `float32Eps`.
 */
function autogradReference(out: Tensor, targ: Tensor): { loss: Tensor; grad: Tensor } {
  const leaf = out.detach().requiresGrad_();
  const loss = leaf.squeeze(-1).sub(targ).pow(2).mean();
  loss.backward();
  return { loss: loss.detach(), grad: leaf.grad! };
}

/**
 * float32 rounds every operation to a relative error of at most u = 2^-24. The differences and
 * squares of small integers are exact; the sum of n ≤ 8 squares below 2^24 is exact; what remains
 * is the division by n (one rounding) and, on autograd's side, the product 2 · diff · (1/n) (up to
 * three roundings). Two answers each within 3u of the exact value differ by at most 6u relative:
 * 8u times the largest magnitude is a safe bound, and no wrong formula is that close.
 */
const U = 2 ** -24;
function float32Eps(expected: Tensor): number {
  return 8 * U * expected.abs().max().item();
}

/**
 * The exact loss and gradient of float32 values, computed in float64 (its own rounding, 2^-53
 * relative, is negligible here) and rounded once to float32 for the comparison (at most u).
 */
function float64Reference(out: Tensor, targ: Tensor): { loss: Tensor; grad: Tensor } {
  const diff = out.double().squeeze(-1).sub(targ.double());
  const n = targ.shape[0];
  return {
    loss: diff.pow(2).mean().float(),
    grad: diff
      .unsqueeze(-1)
      .mul(2 / n)
      .float(),
  };
}

function gradOf(t: Tensor): Tensor {
  if (t.g === undefined) throw new Error('mseGrad(inp, targ) did not set inp.g');
  return t.g;
}

// The lesson's worked example (docs/04-mse-grad.md): diffs [-1, 0, 2].
const lessonOut = () => f32([[1], [2], [4]]);
const lessonTarg = () => f32([2, 2, 2]);

/** The size clash of [3] against [2] (either operand order: (out − targ)² = (targ − out)²). */
const BATCH_CLASH =
  /^The size of tensor a \((3|2)\) must match the size of tensor b \((2|3)\) at non-singleton dimension 0$/;

/** What a batch clash compares once the output's last dimension is squeezed away. */
const CLASHING_BATCH = { 'output.squeeze(-1)': [3], target: [2] };

describe('mse', () => {
  kataTest('mse of the lesson example is (1 + 0 + 4) / 3', () => {
    expect(mse(lessonOut(), lessonTarg())).toBeCloseTensor(f32(5 / 3), 1e-6);
  });

  kataTest('mse squeezes [n, 1] against [n] instead of broadcasting to [n, n]', () => {
    // Squeezed: differences [0, 0], loss 0. Broadcast: the grid [[0, -1], [1, 0]], loss 0.5.
    expect(mse(f32([[1], [2]]), f32([1, 2]))).toBeCloseTensor(f32(0), 0);
  });

  kataTest('mse of a batch of one is a 0-dim float32 tensor', () => {
    const loss = mse(f32([[3]]), f32([1]));
    expect(loss).toBeInstanceOf(Tensor);
    expect(loss).toBeCloseTensor(f32(4), 0);
  });

  kataProperty(
    'mse equals the mean of squared differences, a 0-dim float32 tensor',
    [intPredictionsArb],
    ([out, targ]) => {
      const loss = mse(out, targ);
      expect(loss).toBeInstanceOf(Tensor);
      expect(loss.shape).toEqual([]);
      const expected = autogradReference(out, targ).loss;
      expect(loss).toBeCloseTensor(expected, float32Eps(expected));
    },
  );

  /**
   * Non-integer values: each difference rounds once (u), its square rounds again and doubles the
   * first error (3u), the sum of n ≤ 8 non-negative terms adds at most (n − 1)u relative to the
   * sum itself, and the mean's division one more (or two: a multiply by a rounded 1/n). So mse is
   * within (3 + 7 + 2)u = 12u of the exact loss relative to the loss; the float64 reference rounded
   * to float32 adds u. 16u times the loss is a safe bound.
   */
  kataProperty(
    'mse of non-integer values matches the exact loss within float32 rounding',
    [floatPredictionsArb],
    ([out, targ]) => {
      const expected = float64Reference(out, targ).loss;
      expect(mse(out, targ)).toBeCloseTensor(expected, 16 * U * expected.item());
    },
  );

  kataProperty(
    'mse leaves out and targ unchanged',
    [intPredictionsArb],
    ([out, targ]) => {
      const before = [snapshot(out), snapshot(targ)];
      mse(out, targ);
      expect([snapshot(out), snapshot(targ)]).toEqual(before);
      expect(out.g).toBeUndefined();
      expect(targ.g).toBeUndefined();
    },
    { numRuns: 50 },
  );

  kataTest(
    'mse of 3 outputs against 2 targets throws the size clash of the batch dimension',
    () => {
      // Squeezed, [3] against [2] cannot broadcast. Without the squeeze, [3, 1] against [2] would
      // broadcast to [3, 2] and return a number.
      expectThrows(() => mse(f32([[1], [2], [3]]), f32([1, 2])), BATCH_CLASH, {
        shapes: CLASHING_BATCH,
      });
    },
  );

  kataTest('mse works on whole tensors: its op count does not grow with n', () => {
    const opsFor = (n: number) => {
      const out = f32(Array.from({ length: n }, (_, i) => [i]));
      const targ = f32(Array.from({ length: n }, (_, i) => n - i));
      const { counts } = countOps(() => mse(out, targ));
      return Object.values(counts).reduce((total, count) => total + count, 0);
    };
    expect(opsFor(50)).toBe(opsFor(2));
  });
});

describe('mseGrad', () => {
  kataTest('mseGrad of the lesson example is 2 · [-1, 0, 2] / 3', () => {
    const inp = lessonOut();
    mseGrad(inp, lessonTarg());
    expect(gradOf(inp)).toBeCloseTensor(f32([[-2 / 3], [0], [4 / 3]]), 1e-6);
  });

  kataTest('mseGrad of a batch of one has shape [1, 1]', () => {
    const inp = f32([[3]]);
    mseGrad(inp, f32([1]));
    expect(gradOf(inp)).toBeCloseTensor(f32([[4]]), 0);
  });

  kataProperty(
    'mseGrad sets inp.g to the gradient autograd finds, float32 and shaped like inp',
    [intPredictionsArb],
    ([inp, targ]) => {
      mseGrad(inp, targ);
      const expected = autogradReference(inp, targ).grad;
      expect(gradOf(inp)).toBeCloseTensor(expected, float32Eps(expected));
    },
  );

  /**
   * Non-integer values: 2 · (inpᵢ − targᵢ) / n rounds the difference (u), and the division by n,
   * or the product with a rounded 2/n (2u): each entry within 3u of the exact value relative to
   * itself; the float64 reference rounded to float32 adds u. 8u times the largest entry is safe.
   */
  kataProperty(
    'mseGrad of non-integer values matches the exact gradient within float32 rounding',
    [floatPredictionsArb],
    ([inp, targ]) => {
      mseGrad(inp, targ);
      const expected = float64Reference(inp, targ).grad;
      expect(gradOf(inp)).toBeCloseTensor(expected, float32Eps(expected));
    },
  );

  kataProperty(
    'mseGrad leaves inp and targ unchanged and sets no targ.g',
    [intPredictionsArb],
    ([inp, targ]) => {
      const before = [snapshot(inp), snapshot(targ)];
      mseGrad(inp, targ);
      expect([snapshot(inp), snapshot(targ)]).toEqual(before);
      expect(targ.g).toBeUndefined();
    },
  );

  kataProperty(
    'mseGrad replaces a stale inp.g instead of adding to it, and a second call gives the same inp.g',
    [intPredictionsArb],
    ([inp, targ]) => {
      const stale = full(inp.shape, 1000);
      inp.g = stale;
      mseGrad(inp, targ);
      const expected = autogradReference(inp, targ).grad;
      const eps = float32Eps(expected);
      expect(gradOf(inp)).toBeCloseTensor(expected, eps);
      mseGrad(inp, targ);
      expect(gradOf(inp)).toBeCloseTensor(expected, eps);
    },
    { numRuns: 50 },
  );

  kataProperty(
    'mseGrad works by hand: with autograd switched off, it calls no requiresGrad_, backward or grad',
    [intPredictionsArb],
    ([inp, targ]) => {
      byHand('mseGrad', () => mseGrad(inp, targ));
      const expected = autogradReference(inp, targ).grad;
      expect(gradOf(inp)).toBeCloseTensor(expected, float32Eps(expected));
      expect(inp.grad).toBeNull();
      expect(inp.requiresGrad).toBe(false);
    },
    { numRuns: 50 },
  );

  kataTest(
    'mseGrad of 3 outputs against 2 targets throws the size clash of the batch dimension',
    () => {
      expectThrows(() => mseGrad(f32([[1], [2], [3]]), f32([1, 2])), BATCH_CLASH, {
        shapes: CLASHING_BATCH,
      });
    },
  );

  kataTest('mseGrad works on whole tensors: its op count does not grow with n', () => {
    const opsFor = (n: number) => {
      const inp = f32(Array.from({ length: n }, (_, i) => [i]));
      const targ = f32(Array.from({ length: n }, (_, i) => n - i));
      const { counts } = countOps(() => mseGrad(inp, targ));
      return Object.values(counts).reduce((total, count) => total + count, 0);
    };
    expect(opsFor(50)).toBe(opsFor(2));
  });
});
