import fc from 'fast-check';
import { mse, mseGrad } from '@kata/04-mse-grad/mse';
import { countOps, tensor, type Tensor } from '../../src';
import {
  kataProperty,
  kataTest,
  LAYOUT_KINDS,
  layoutSpecArb,
  readable,
  withLayout,
  type NestedNumbers,
} from '../../src/testing';

/** A float32 tensor from plain numbers (integers alone would make an int32 tensor, as in PyTorch). */
const f32 = (values: NestedNumbers) => tensor(values, { dtype: 'float32' });

/**
 * A batch of n predictions `out` (shape [n, 1], as a linear layer with one output gives them, in
 * any memory layout) and their targets `targ` (shape [n]). Small integers keep the differences
 * and squares exact in float32; only the final division by n rounds.
 */
const MAX_N = 8;
const predictionsArb = fc
  .tuple(
    fc.integer({ min: 1, max: MAX_N }),
    fc.array(fc.integer({ min: -9, max: 9 }), { minLength: MAX_N, maxLength: MAX_N }),
    fc.array(fc.integer({ min: -9, max: 9 }), { minLength: MAX_N, maxLength: MAX_N }),
    layoutSpecArb(LAYOUT_KINDS, 2),
  )
  .map(([n, outValues, targValues, layout]): [Tensor, Tensor] => [
    readable(withLayout(outValues, [n, 1], layout, 'float32')),
    readable(withLayout(targValues, [n], layout, 'float32')),
  ]);

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

function gradOf(t: Tensor): Tensor {
  if (t.g === undefined) throw new Error('mseGrad(inp, targ) did not set inp.g');
  return t.g;
}

// The lesson's worked example (docs/04-mse-grad.md): diffs [-1, 0, 2].
const lessonOut = () => f32([[1], [2], [4]]);
const lessonTarg = () => f32([2, 2, 2]);

describe('mse', () => {
  kataTest('mse of the lesson example is (1 + 0 + 4) / 3', () => {
    expect(mse(lessonOut(), lessonTarg())).toBeCloseTensor(f32(5 / 3), 1e-6);
  });

  kataTest('mse squeezes [n, 1] against [n] instead of broadcasting to [n, n]', () => {
    // Squeezed: differences [0, 0], loss 0. Broadcast: the grid [[0, -1], [1, 0]], loss 0.5.
    const loss = mse(f32([[1], [2]]), f32([1, 2]));
    expect(loss.shape).toEqual([]);
    expect(loss.item()).toBe(0);
  });

  kataProperty(
    'mse equals the mean of squared differences, a scalar',
    [predictionsArb],
    ([out, targ]) => {
      const loss = mse(out, targ);
      expect(loss.shape).toEqual([]);
      const expected = autogradReference(out, targ).loss;
      expect(loss).toBeCloseTensor(expected, float32Eps(expected));
    },
  );
});

describe('mseGrad', () => {
  kataTest('mseGrad of the lesson example is 2 · [-1, 0, 2] / 3', () => {
    const inp = lessonOut();
    mseGrad(inp, lessonTarg());
    expect(gradOf(inp)).toBeCloseTensor(f32([[-2 / 3], [0], [4 / 3]]), 1e-6);
  });

  kataProperty(
    'mseGrad sets inp.g to the gradient autograd finds',
    [predictionsArb],
    ([inp, targ]) => {
      mseGrad(inp, targ);
      const expected = autogradReference(inp, targ).grad;
      expect(gradOf(inp)).toBeCloseTensor(expected, float32Eps(expected));
    },
  );

  kataProperty(
    'mseGrad leaves its inputs unchanged and only sets inp.g',
    [predictionsArb],
    ([inp, targ]) => {
      const inpBefore = inp.clone();
      const targBefore = targ.clone();
      mseGrad(inp, targ);
      expect(inp).toBeCloseTensor(inpBefore, 0);
      expect(targ).toBeCloseTensor(targBefore, 0);
      expect(targ.g).toBeUndefined();
      expect(inp.grad).toBeNull();
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
