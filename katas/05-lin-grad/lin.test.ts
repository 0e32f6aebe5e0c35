import fc from 'fast-check';
import { forwardAndBackward, lin, linGrad, relu, reluGrad } from '@kata/05-lin-grad/lin';
import { countOps, full, noGrad, Tensor, tensor } from '../../src';
import {
  lessonGradientScale,
  lessonNetworkArb,
  LESSON_GRADIENT_RELATIVE,
  markAsCheckFailure,
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
  type LayoutSpec,
  type NestedNumbers,
} from '../../src/testing';

/** A float32 tensor from plain numbers (always float32, whatever the values). */
const f32 = (values: NestedNumbers) => tensor(values, { dtype: 'float32' });

/**
 * Small integers in -3..3: every forward value of the networks below is an integer under 2^24, so
 * the forward pass is exact in float32 whatever order a sum is taken in, and relu's input is
 * often exactly 0 (where the gradient must be 0).
 */
const valueArb = fc.integer({ min: -3, max: 3 });
const MAX_SIZE = 5;
const MAX_VALUES = MAX_SIZE * MAX_SIZE;
const valuesArb = fc.array(valueArb, { minLength: MAX_VALUES, maxLength: MAX_VALUES });
/** Non-integer float32 values in -4..4: products and sums round (tolerances below). */
const floatValuesArb = fc.array(boundedFloatArb({ min: -4, max: 4 }), {
  minLength: MAX_VALUES,
  maxLength: MAX_VALUES,
});
const sizeArb = fc.integer({ min: 1, max: MAX_SIZE });
const layoutArb = layoutSpecArb(LAYOUT_KINDS, 2);

/** A tensor of `shape` built from the first values, in a drawn (often non-contiguous) layout. */
function build(values: number[], shape: number[], layout: LayoutSpec): Tensor {
  return readable(withLayout(values, shape, layout, 'float32'));
}

const leaf = (t: Tensor) => t.detach().requiresGrad_();

function gradOf(t: Tensor, name: string): Tensor {
  if (t.g === undefined) throw new Error(`${name}.g was not set`);
  return t.g;
}

/** A stale gradient left from an earlier step: the gradient functions must replace it. */
const stale = (t: Tensor) => {
  t.g = full(t.shape, 1000);
};

/** One linear layer: inp [n, i], w [i, o], b [o] and a gradient for its output, outGrad [n, o]. */
function linearArb(values: fc.Arbitrary<number[]>) {
  return fc
    .tuple(sizeArb, sizeArb, sizeArb, values, values, values, values, layoutArb, layoutArb)
    .map(([n, i, o, vx, vw, vb, vg, lx, lw]) => ({
      inp: build(vx, [n, i], lx),
      w: build(vw, [i, o], lw),
      b: build(vb, [o], lx),
      outGrad: build(vg, [n, o], lw),
    }));
}
const linearCaseArb = linearArb(valuesArb);
const floatLinearCaseArb = linearArb(floatValuesArb);

/** relu's input and a gradient for its output: two [n, k] tensors. */
function reluArb(values: fc.Arbitrary<number[]>) {
  return fc
    .tuple(sizeArb, sizeArb, values, values, layoutArb, layoutArb)
    .map(([n, k, vx, vg, lx, lg]) => ({
      inp: build(vx, [n, k], lx),
      outGrad: build(vg, [n, k], lg),
    }));
}
const reluCaseArb = reluArb(valuesArb);
const floatReluCaseArb = reluArb(floatValuesArb);

describe('lin and relu', () => {
  kataProperty('lin(x, w, b) is x @ w + b', [linearCaseArb], ({ inp, w, b }) => {
    expect(lin(inp, w, b)).toBeCloseTensor(inp.matmul(w).add(b), 0);
  });

  kataProperty('relu zeroes the negatives and keeps the rest', [linearCaseArb], ({ inp }) => {
    expect(relu(inp)).toBeCloseTensor(inp.relu(), 0);
  });

  kataProperty(
    'lin and relu leave their inputs unchanged',
    [linearCaseArb],
    ({ inp, w, b }) => {
      const before = [inp, w, b].map(snapshot);
      lin(inp, w, b);
      relu(inp);
      expect([inp, w, b].map(snapshot)).toEqual(before);
    },
    { numRuns: 30 },
  );

  kataTest('lin of a [2, 3] input and a [2, 2] weight throws the matmul shape error', () => {
    expectThrows(
      () =>
        lin(
          f32([
            [1, 2, 3],
            [4, 5, 6],
          ]),
          f32([
            [1, 2],
            [3, 4],
          ]),
          f32([1, 2]),
        ),
      'mat1 and mat2 shapes cannot be multiplied (2x3 and 2x2)',
    );
  });
});

describe('reluGrad', () => {
  kataTest('reluGrad passes the gradient only where the input is positive (0 at exactly 0)', () => {
    const inp = f32([[-2, 0, 3]]);
    const out = inp.relu(); // the engine's relu: this test is about reluGrad alone
    out.g = f32([[5, 5, 5]]);
    reluGrad(inp, out);
    expect(gradOf(inp, 'inp')).toBeCloseTensor(f32([[0, 0, 5]]), 0);
  });

  // Integers in, integers out: the mask and the product are exact, so the check is equality.
  kataProperty("reluGrad equals autograd's gradient of relu", [reluCaseArb], ({ inp, outGrad }) => {
    const out = inp.relu(); // the engine's relu: this test is about reluGrad alone
    out.g = outGrad;
    reluGrad(inp, out);
    const x = leaf(inp);
    x.relu().backward(outGrad);
    expect(gradOf(inp, 'inp')).toBeCloseTensor(x.grad!, 0);
  });

  // A 0/1 mask times a float32 value rounds nothing: exact for any values, so again equality.
  kataProperty(
    'reluGrad of non-integer values is exact and float32',
    [floatReluCaseArb],
    ({ inp, outGrad }) => {
      const out = inp.relu();
      out.g = outGrad;
      reluGrad(inp, out);
      const expected = inp.gt(0).float().mul(outGrad);
      expect(gradOf(inp, 'inp')).toBeCloseTensor(expected, 0);
    },
    { numRuns: 50 },
  );

  kataProperty(
    'reluGrad leaves inp, out and out.g unchanged',
    [reluCaseArb],
    ({ inp, outGrad }) => {
      const out = inp.relu();
      out.g = outGrad;
      const before = [inp, out, outGrad].map(snapshot);
      reluGrad(inp, out);
      expect([inp, out, outGrad].map(snapshot)).toEqual(before);
      expect(out.g).toBe(outGrad);
    },
    { numRuns: 30 },
  );

  kataProperty(
    'reluGrad replaces a stale inp.g instead of adding to it, and a second call gives the same inp.g',
    [reluCaseArb],
    ({ inp, outGrad }) => {
      const out = inp.relu();
      out.g = outGrad;
      stale(inp);
      reluGrad(inp, out);
      const expected = inp.gt(0).float().mul(outGrad);
      expect(gradOf(inp, 'inp')).toBeCloseTensor(expected, 0);
      reluGrad(inp, out);
      expect(gradOf(inp, 'inp')).toBeCloseTensor(expected, 0);
    },
    { numRuns: 30 },
  );

  kataProperty(
    'reluGrad works by hand: with autograd switched off, it calls no requiresGrad_, backward or grad',
    [reluCaseArb],
    ({ inp, outGrad }) => {
      const out = inp.relu();
      out.g = outGrad;
      byHand('reluGrad', () => reluGrad(inp, out));
      expect(gradOf(inp, 'inp')).toBeCloseTensor(inp.gt(0).float().mul(outGrad), 0);
      expect(inp.grad).toBeNull();
    },
    { numRuns: 30 },
  );
});

describe('linGrad', () => {
  kataTest('linGrad of a one-example batch', () => {
    // out = [[1, 2]] @ [[1, 0, 2], [0, 1, 3]] + b; with out.g = [[1, -1, 2]]:
    // inp.g = out.g @ wᵀ = [[5, 5]], w.g = inpᵀ @ out.g = [[1, -1, 2], [2, -2, 4]], b.g = [1, -1, 2].
    const inp = f32([[1, 2]]);
    const w = f32([
      [1, 0, 2],
      [0, 1, 3],
    ]);
    const b = f32([0, 0, 0]);
    const out = inp.matmul(w).add(b); // the engine's: this test is about linGrad alone
    out.g = f32([[1, -1, 2]]);
    linGrad(inp, out, w, b);
    expect(gradOf(inp, 'inp')).toBeCloseTensor(f32([[5, 5]]), 0);
    expect(gradOf(w, 'w')).toBeCloseTensor(
      f32([
        [1, -1, 2],
        [2, -2, 4],
      ]),
      0,
    );
    expect(gradOf(b, 'b')).toBeCloseTensor(f32([1, -1, 2]), 0);
  });

  // Integer products and sums of at most 5 terms stay exact in float32: equality.
  kataProperty(
    "linGrad sets inp.g, w.g and b.g to autograd's gradients",
    [linearCaseArb],
    ({ inp, w, b, outGrad }) => {
      const out = inp.matmul(w).add(b); // the engine's: this test is about linGrad alone
      out.g = outGrad;
      linGrad(inp, out, w, b);
      const [x, wl, bl] = [leaf(inp), leaf(w), leaf(b)];
      x.matmul(wl).add(bl).backward(outGrad);
      expect(gradOf(inp, 'inp')).toBeCloseTensor(x.grad!, 0);
      expect(gradOf(w, 'w')).toBeCloseTensor(wl.grad!, 0);
      expect(gradOf(b, 'b')).toBeCloseTensor(bl.grad!, 0);
    },
  );

  /**
   * Non-integer values. Every entry of inp.g, w.g and b.g is a sum of at most K = 5 products (or
   * terms); in float32 such a sum is within γ_K ≈ K·u of the exact value relative to the sum of the
   * absolute values of its terms (u = 2^-24, any summation order), and the float64 reference
   * rounded to float32 adds u relative to the value itself. (K + 1)·u = 6u of that absolute scale;
   * the test allows 8u of its largest entry.
   */
  kataProperty(
    'linGrad of non-integer values matches the exact gradients within float32 rounding',
    [floatLinearCaseArb],
    ({ inp, w, b, outGrad }) => {
      const out = inp.matmul(w).add(b);
      out.g = outGrad;
      linGrad(inp, out, w, b);
      const [x, w64, g] = [inp.double(), w.double(), outGrad.double()];
      const [xAbs, wAbs, gAbs] = [x.abs(), w64.abs(), g.abs()];
      const cases = [
        ['inp', inp, g.matmul(w64.t()), gAbs.matmul(wAbs.t())],
        ['w', w, x.t().matmul(g), xAbs.t().matmul(gAbs)],
        ['b', b, g.sum(0), gAbs.sum(0)],
      ] as const;
      for (const [name, t, exact, scale] of cases) {
        const eps = 8 * U * scale.max().item();
        expect(gradOf(t, name)).toBeCloseTensor(exact.float(), eps);
      }
    },
    { numRuns: 50 },
  );

  kataProperty(
    'linGrad leaves inp, w, b, out and out.g unchanged',
    [linearCaseArb],
    ({ inp, w, b, outGrad }) => {
      const out = inp.matmul(w).add(b);
      out.g = outGrad;
      const before = [inp, w, b, out, outGrad].map(snapshot);
      linGrad(inp, out, w, b);
      expect([inp, w, b, out, outGrad].map(snapshot)).toEqual(before);
      expect(out.g).toBe(outGrad);
    },
    { numRuns: 30 },
  );

  kataProperty(
    'linGrad replaces stale inp.g, w.g and b.g instead of adding to them, and a second call gives the same',
    [linearCaseArb],
    ({ inp, w, b, outGrad }) => {
      const out = inp.matmul(w).add(b);
      out.g = outGrad;
      [inp, w, b].forEach(stale);
      linGrad(inp, out, w, b);
      const expected = {
        inp: outGrad.matmul(w.t()),
        w: inp.t().matmul(outGrad),
        b: outGrad.sum(0),
      };
      for (const call of [1, 2]) {
        if (call === 2) linGrad(inp, out, w, b);
        expect(gradOf(inp, 'inp')).toBeCloseTensor(expected.inp, 0);
        expect(gradOf(w, 'w')).toBeCloseTensor(expected.w, 0);
        expect(gradOf(b, 'b')).toBeCloseTensor(expected.b, 0);
      }
    },
    { numRuns: 30 },
  );

  kataProperty(
    'linGrad works by hand: with autograd switched off, it calls no requiresGrad_, backward or grad',
    [linearCaseArb],
    ({ inp, w, b, outGrad }) => {
      const out = inp.matmul(w).add(b);
      out.g = outGrad;
      byHand('linGrad', () => linGrad(inp, out, w, b));
      expect(gradOf(w, 'w')).toBeCloseTensor(inp.t().matmul(outGrad), 0);
      [inp, w, b].forEach((t) => expect(t.grad).toBeNull());
    },
    { numRuns: 30 },
  );

  kataTest('linGrad works on whole tensors: its op count does not grow with the batch', () => {
    const opsFor = (n: number) => {
      const inp = f32(Array.from({ length: n }, (_, r) => [r, 1 - r]));
      const w = f32([
        [1, 2, 3],
        [4, 5, 6],
      ]);
      const b = f32([1, 1, 1]);
      const out = inp.matmul(w).add(b); // the engine's: this test is about linGrad alone
      out.g = f32(Array.from({ length: n }, (_, r) => [r, -r, 1]));
      const { counts } = countOps(() => linGrad(inp, out, w, b));
      return Object.values(counts).reduce((total, count) => total + count, 0);
    };
    expect(opsFor(40)).toBe(opsFor(1));
  });
});

/**
 * The lesson's network on a batch of n examples: inp [n, i], w1 [i, h], b1 [h], w2 [h, 1],
 * b2 [1], targ [n]. Batch size 1 included; weights often arrive transposed or strided.
 */
const networkCaseArb = lessonNetworkArb().map(({ inp, targ, ...params }) => ({
  inp,
  targ,
  params,
}));

type Network = {
  inp: Tensor;
  targ: Tensor;
  params: { w1: Tensor; b1: Tensor; w2: Tensor; b2: Tensor };
};

/** The same network and loss built with engine ops, differentiated by autograd. */
function autogradReference({ inp, targ, params }: Network) {
  const [x, w1, b1, w2, b2] = [inp, params.w1, params.b1, params.w2, params.b2].map(leaf);
  const out = x.matmul(w1).add(b1).relu().matmul(w2).add(b2);
  const loss = out.squeeze(-1).sub(targ).pow(2).mean();
  loss.backward();
  return {
    loss: loss.detach(),
    grads: { inp: x.grad!, w1: w1.grad!, b1: b1.grad!, w2: w2.grad!, b2: b2.grad! },
  };
}

/** float32's unit roundoff. */
const U = 2 ** -24;

/** The gradients' rounding scale (see LESSON_GRADIENT_RELATIVE for the derivation). */
function absoluteScale({ inp, targ, params }: Network) {
  return lessonGradientScale({ inp, targ, ...params });
}

function tolerance(scale: Tensor): number {
  return LESSON_GRADIENT_RELATIVE * scale.max().item() + 1e-30;
}

/** Fails unless the loss is autograd's 0-dim float32 loss and every .g is autograd's gradient. */
function expectAutogradResults(network: Network, loss: unknown): void {
  expect(loss).toBeInstanceOf(Tensor);
  const reference = autogradReference(network);
  const scale = absoluteScale(network);
  expect(loss).toBeCloseTensor(reference.loss, 4 * U * reference.loss.item());
  const { inp, params } = network;
  const actual = { inp: gradOf(inp, 'inp'), ...mapGrads(params) };
  for (const name of ['inp', 'w1', 'b1', 'w2', 'b2'] as const) {
    const eps = tolerance(scale[name]);
    try {
      expect(actual[name]).toBeCloseTensor(reference.grads[name], eps);
    } catch (error) {
      throw markAsCheckFailure(
        new Error(`${name}.g differs from autograd's gradient\n${(error as Error).message}`),
      );
    }
  }
}

describe('forwardAndBackward', () => {
  kataTest('forwardAndBackward on the relu-at-zero example', () => {
    // l1 = [1, -1] @ [[1], [1]] = 0 exactly: relu's gradient there is 0, so w1, b1 and inp get 0.
    // out = relu(0) * 2 + 0 = 0, loss = (0 - 1)² = 1, out.g = 2 (0 - 1) / 1 = -2.
    const inp = f32([[1, -1]]);
    const params = { w1: f32([[1], [1]]), b1: f32([0]), w2: f32([[2]]), b2: f32([0]) };
    const loss = forwardAndBackward(inp, f32([1]), params);
    expect(loss).toBeInstanceOf(Tensor);
    expect(loss).toBeCloseTensor(f32(1), 0);
    expect(gradOf(params.b2, 'b2')).toBeCloseTensor(f32([-2]), 0);
    expect(gradOf(params.w2, 'w2')).toBeCloseTensor(f32([[0]]), 0);
    expect(gradOf(params.b1, 'b1')).toBeCloseTensor(f32([0]), 0);
    expect(gradOf(params.w1, 'w1')).toBeCloseTensor(f32([[0], [0]]), 0);
    expect(gradOf(inp, 'inp')).toBeCloseTensor(f32([[0, 0]]), 0);
  });

  kataProperty(
    "forwardAndBackward's loss (a 0-dim float32 tensor) and every .g equal autograd's",
    [networkCaseArb],
    (network) => {
      const loss = forwardAndBackward(network.inp, network.targ, network.params);
      expectAutogradResults(network, loss);
    },
    { numRuns: 60 },
  );

  kataProperty(
    'forwardAndBackward works by hand: with autograd switched off, it calls no requiresGrad_, backward or grad',
    [networkCaseArb],
    (network) => {
      const loss = byHand('forwardAndBackward', () =>
        forwardAndBackward(network.inp, network.targ, network.params),
      );
      expectAutogradResults(network, loss);
    },
    { numRuns: 30 },
  );

  kataProperty(
    'forwardAndBackward leaves its inputs, their .grad and targ.g alone',
    [networkCaseArb],
    ({ inp, targ, params }) => {
      const tensors = [inp, targ, params.w1, params.b1, params.w2, params.b2];
      const before = tensors.map(snapshot);
      forwardAndBackward(inp, targ, params);
      expect(tensors.map(snapshot)).toEqual(before);
      tensors.forEach((t) => expect(t.grad).toBeNull());
      expect(targ.g).toBeUndefined();
    },
    { numRuns: 30 },
  );

  kataProperty(
    'forwardAndBackward replaces stale gradients instead of adding to them, and a second call gives the same',
    [networkCaseArb],
    (network) => {
      const { inp, params } = network;
      [inp, params.w1, params.b1, params.w2, params.b2].forEach(stale);
      expectAutogradResults(network, forwardAndBackward(network.inp, network.targ, params));
      expectAutogradResults(network, forwardAndBackward(network.inp, network.targ, params));
    },
    { numRuns: 30 },
  );
});

function mapGrads(params: Network['params']) {
  return {
    w1: gradOf(params.w1, 'w1'),
    b1: gradOf(params.b1, 'b1'),
    w2: gradOf(params.w2, 'w2'),
    b2: gradOf(params.b2, 'b2'),
  };
}
