import fc from 'fast-check';
import {
  LinearLayer,
  Model,
  MyRelu,
  normalize,
  normalizeSplits,
} from '@kata/08-to-pytorch/to-pytorch';
import {
  countOps,
  FunctionCtx,
  gradcheck,
  manualSeed,
  mseLoss,
  randn,
  Sequential,
  tensor,
  type Tensor,
} from '../../src';
import {
  lessonGradientScale,
  lessonNetworkArb,
  LESSON_GRADIENT_RELATIVE,
  type LessonNetwork,
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

const f32 = (values: NestedNumbers) => tensor(values, { dtype: 'float32' });

/** float32's unit roundoff: every float32 operation is off by at most this, relatively. */
const U = 2 ** -24;

/*
 * Small integers in -3..3, sizes up to 5: every value of the forward pass is an integer below
 * 2^24, so it is exact in float32 whatever the order of a sum, and relu's input is often exactly 0.
 */
const MAX_SIZE = 5;
const MAX_VALUES = MAX_SIZE * MAX_SIZE;
const valuesArb = fc.array(fc.integer({ min: -3, max: 3 }), {
  minLength: MAX_VALUES,
  maxLength: MAX_VALUES,
});
const sizeArb = fc.integer({ min: 1, max: MAX_SIZE });
const layoutArb = layoutSpecArb(LAYOUT_KINDS, 2);

function build(values: number[], shape: number[], layout: LayoutSpec): Tensor {
  return readable(withLayout(values, shape, layout, 'float32'));
}

/** Writes values into a parameter (through a detached alias: same storage, no autograd). */
function setParameter(p: Tensor, values: Tensor): void {
  p.detach().copy_(values);
}

/** The counted ops that mean "autograd did it", by name, for a clear failure. */
function autogradOpsIn(counts: Record<string, number>): string[] {
  return ['backward', 'grad', 'requiresGrad_'].filter((op) => (counts[op] ?? 0) > 0);
}

// ---- normalize -----------------------------------------------------------------------------

/** A float32 tensor of n values drawn around `mean` with spread `std` (not 0 and 1 on purpose). */
const datasetArb = (minRows: number) =>
  fc
    .tuple(
      fc.integer({ min: minRows, max: 40 }),
      fc.integer({ min: 1, max: 4 }),
      fc.double({ min: -5, max: 5, noNaN: true }),
      fc.double({ min: 0.3, max: 6, noNaN: true }),
      fc.nat(),
    )
    .map(([rows, cols, mean, std, seed]) => {
      manualSeed(seed);
      return readable(randn(rows, cols).mul(std).add(mean));
    });

describe('normalize', () => {
  kataTest(
    'normalize of the lesson’s [[1, 2], [3, 4]] with mean 2.5 and std 2 is [[-0.75, -0.25], [0.25, 0.75]]',
    () => {
      expect(
        normalize(
          f32([
            [1, 2],
            [3, 4],
          ]),
          2.5,
          2,
        ),
      ).toBeCloseTensor(
        f32([
          [-0.75, -0.25],
          [0.25, 0.75],
        ]),
        0,
      );
    },
  );

  kataProperty(
    'normalize(x, mean, std) is (x − mean) / std, a new float32 tensor, and x is left alone',
    [
      datasetArb(1),
      fc.double({ min: -4, max: 4, noNaN: true }),
      fc.double({ min: 0.25, max: 5, noNaN: true }).filter((s) => Math.abs(s - 1) > 0.05),
    ],
    (x, mean, std) => {
      const before = snapshot(x);
      const result = normalize(x, mean, std);
      const expected = x.sub(mean).div(std);
      // (x − m) / s in two float32 roundings; x · (1/s) − m/s and the like are within a few more
      // roundings of the exact value: 8u of the largest |x − m| / s is a safe bound, and dividing
      // by the variance s² instead of s is off by a factor s, far outside it.
      expect(result).toBeCloseTensor(expected, 8 * U * (expected.abs().max().item() + 1));
      expect(snapshot(x)).toEqual(before);
    },
  );
});

describe('normalizeSplits', () => {
  kataProperty(
    'normalizeSplits gives the training set mean 0 and std 1, and returns the training mean and std',
    [datasetArb(2), datasetArb(1)],
    (xTrain, xValid) => {
      const { train, mean, std } = normalizeSplits(xTrain, xValid);
      // mean and std of float32 data are accumulated in double by the engine; 1e-4 of the spread
      // covers the float32 rounding of each normalised value
      expect(mean).toBeCloseTo(xTrain.mean().item(), 4);
      expect(std).toBeCloseTo(xTrain.std().item(), 4);
      expect(Math.abs(train.mean().item())).toBeLessThan(1e-4);
      expect(Math.abs(train.std().item() - 1)).toBeLessThan(1e-4);
      expect(train.dtype).toBe('float32');
    },
  );

  kataProperty(
    'normalizeSplits scales the validation set with the training statistics, not its own',
    [datasetArb(2), datasetArb(1)],
    (xTrain, xValid) => {
      const trainBefore = snapshot(xTrain);
      const validBefore = snapshot(xValid);
      const { valid } = normalizeSplits(xTrain, xValid);
      const expected = xValid.sub(xTrain.mean().item()).div(xTrain.std().item());
      // the validation set was drawn with another mean and spread: its own statistics would
      // move every value by much more than this float32 tolerance
      expect(valid).toBeCloseTensor(expected, 1e-5 * (expected.abs().max().item() + 1));
      expect([snapshot(xTrain), snapshot(xValid)]).toEqual([trainBefore, validBefore]);
    },
  );
});

// ---- MyRelu --------------------------------------------------------------------------------

const reluCaseArb = fc
  .tuple(sizeArb, sizeArb, valuesArb, valuesArb, layoutArb, layoutArb)
  .map(([n, k, vx, vg, lx, lg]) => ({
    i: build(vx, [n, k], lx),
    gradOutput: build(vg, [n, k], lg),
  }));

describe('MyRelu', () => {
  kataProperty(
    'MyRelu.forward(ctx, i) is relu(i) and saves what backward needs in ctx',
    [reluCaseArb],
    ({ i }) => {
      const ctx = new FunctionCtx([true]);
      const before = snapshot(i);
      expect(MyRelu.forward(ctx, i)).toBeCloseTensor(i.relu(), 0);
      expect(ctx.savedTensors.length).toBeGreaterThan(0);
      expect(snapshot(i)).toEqual(before);
    },
  );

  kataProperty(
    'MyRelu.backward(ctx, gradOutput) passes gradOutput where the input was positive, 0 elsewhere (also at 0)',
    [reluCaseArb],
    ({ i, gradOutput }) => {
      const ctx = new FunctionCtx([true]);
      MyRelu.forward(ctx, i);
      const before = snapshot(gradOutput);
      const { counts, result } = countOps(() => MyRelu.backward(ctx, gradOutput));
      expect(autogradOpsIn(counts)).toEqual([]);
      // a 0/1 mask times an integer rounds nothing: equality, and float32 like the gradient
      expect(result).toBeCloseTensor(gradOutput.mul(i.gt(0).float()), 0);
      expect(snapshot(gradOutput)).toEqual(before);
    },
    { examples: [[{ i: f32([[-2, 0, 3]]), gradOutput: f32([[5, 5, 5]]) }]] },
  );

  kataProperty(
    'loss.backward() through MyRelu.apply gives the gradient autograd finds for relu',
    [reluCaseArb],
    ({ i, gradOutput }) => {
      const x = i.detach().requiresGrad_();
      const out = MyRelu.apply(x);
      expect(out.gradFn?.name).toBe('MyReluBackward');
      out.mul(gradOutput).sum().backward();
      const reference = i.detach().requiresGrad_();
      reference.relu().mul(gradOutput).sum().backward();
      expect(x.grad).toBeCloseTensor(reference.grad!, 0);
    },
  );

  kataTest('MyRelu passes gradcheck in float64 (inputs away from the kink at 0)', () => {
    const x = tensor(
      [
        [-1.5, 0.25, 2],
        [0.75, -0.5, -3],
      ],
      { dtype: 'float64' },
    ).requiresGrad_();
    expect(gradcheck((t) => MyRelu.apply(t).mul(t), [x])).toBe(true);
  });

  kataTest(
    'two MyRelu calls in flight keep their own inputs: each backward uses its own ctx',
    () => {
      const a = f32([[1, -1, 2]]).requiresGrad_();
      const b = f32([[-3, 4, -5]]).requiresGrad_();
      const ya = MyRelu.apply(a);
      const yb = MyRelu.apply(b);
      yb.sum().add(ya.mul(2).sum()).backward();
      expect(a.grad).toBeCloseTensor(f32([[2, 0, 2]]), 0);
      expect(b.grad).toBeCloseTensor(f32([[0, 1, 0]]), 0);
    },
  );
});

// ---- LinearLayer ---------------------------------------------------------------------------

describe('LinearLayer', () => {
  kataTest(
    'LinearLayer(nIn, nOut) registers weight [nOut, nIn] and then bias [nOut] as its parameters',
    () => {
      manualSeed(1);
      const layer = new LinearLayer(4, 3);
      expect(layer.namedParameters().map(([name, p]) => [name, p.shape])).toEqual([
        ['weight', [3, 4]],
        ['bias', [3]],
      ]);
      for (const p of [layer.weight, layer.bias]) {
        expect(p.requiresGrad).toBe(true);
        expect(p.isLeaf).toBe(true);
        expect(p.dtype).toBe('float32');
      }
      expect(layer.bias).toBeCloseTensor(f32([0, 0, 0]), 0);
    },
  );

  kataProperty(
    'LinearLayer’s weight is randn · √(2/nIn): mean 0, std √(2/nIn), from the engine’s seeded generator',
    [fc.integer({ min: 20, max: 120 }), fc.integer({ min: 20, max: 120 }), fc.nat()],
    (nIn, nOut, seed) => {
      manualSeed(seed);
      const weight = new LinearLayer(nIn, nOut).weight.detach();
      // n = nIn · nOut normal draws: the sample mean has standard error σ/√n, the sample std
      // σ/√(2n); 5 standard errors fail a right answer with probability under 1e-6
      const sigma = Math.sqrt(2 / nIn);
      const n = nIn * nOut;
      expect(Math.abs(weight.mean().item())).toBeLessThan((5 * sigma) / Math.sqrt(n));
      expect(Math.abs(weight.std().item() - sigma)).toBeLessThan((5 * sigma) / Math.sqrt(2 * n));
      manualSeed(seed);
      expect(new LinearLayer(nIn, nOut).weight.detach()).toBeCloseTensor(weight, 0);
    },
    { numRuns: 20 },
  );

  kataProperty(
    'LinearLayer.forward(x) is x @ weightᵀ + bias, recorded by autograd',
    [
      fc
        .tuple(sizeArb, sizeArb, sizeArb, valuesArb, valuesArb, valuesArb, layoutArb)
        .map(([n, nIn, nOut, vx, vw, vb, lx]) => ({
          x: build(vx, [n, nIn], lx),
          weight: build(vw, [nOut, nIn], lx),
          bias: build(vb, [nOut], lx),
        })),
    ],
    ({ x, weight, bias }) => {
      const layer = new LinearLayer(weight.shape[1], weight.shape[0]);
      setParameter(layer.weight, weight);
      setParameter(layer.bias, bias);
      const out = layer.call(x);
      // integer products, sums of at most 5 terms: exact in float32
      expect(out).toBeCloseTensor(x.matmul(weight.t()).add(bias), 0);
      expect(out.requiresGrad).toBe(true);
    },
  );

  kataTest('two LinearLayers have their own weights', () => {
    manualSeed(3);
    const first = new LinearLayer(2, 2);
    const second = new LinearLayer(2, 2);
    expect(first.weight.storage()).not.toBe(second.weight.storage());
    expect(first.weight.toArray()).not.toEqual(second.weight.toArray());
    const x = f32([[1, 2]]);
    expect(first.call(x)).toBeCloseTensor(x.matmul(first.weight.t().detach()), 1e-6);
  });
});

// ---- Model ---------------------------------------------------------------------------------

/** kata 05's layout: w1 [nIn, nh], b1 [nh], w2 [nh, 1], b2 [1] */
type Network = LessonNetwork;

const networkArb = lessonNetworkArb();

/** A Model holding the network's weights, in PyTorch's layout (each weight transposed). */
function modelWith(net: Network): Model {
  const model = new Model(net.w1.shape[0], net.w1.shape[1], 1);
  const [first, , second] = model.layers.layers as [LinearLayer, unknown, LinearLayer];
  setParameter(first.weight, net.w1.t());
  setParameter(first.bias, net.b1);
  setParameter(second.weight, net.w2.t());
  setParameter(second.bias, net.b2);
  return model;
}

/** kata 05's backward pass by hand, the lesson's formulas, in kata 05's layout. */
function handWritten(net: Network) {
  const l1 = net.inp.matmul(net.w1).add(net.b1);
  const l2 = l1.clampMin(0);
  const out = l2.matmul(net.w2).add(net.b2);
  const diff = out.squeeze(-1).sub(net.targ);
  const loss = diff.pow(2).mean();
  const outG = diff.unsqueeze(-1).mul(2).div(net.targ.shape[0]);
  const l2G = outG.matmul(net.w2.t());
  const l1G = l2G.mul(l1.gt(0).float());
  return {
    loss,
    grads: {
      w1: net.inp.t().matmul(l1G),
      b1: l1G.sum(0),
      w2: l2.t().matmul(outG),
      b2: outG.sum(0),
    },
  };
}

describe('Model', () => {
  kataTest(
    'Model(nIn, nh, nOut) holds layers, a Sequential of LinearLayer, a ReLU built on MyRelu, LinearLayer',
    () => {
      manualSeed(2);
      const model = new Model(4, 3, 1);
      expect(model.layers).toBeInstanceOf(Sequential);
      const [first, relu, second] = model.layers.layers;
      expect(model.layers.layers).toHaveLength(3);
      expect(first).toBeInstanceOf(LinearLayer);
      expect(second).toBeInstanceOf(LinearLayer);
      expect((first as LinearLayer).weight.shape).toEqual([3, 4]);
      expect((second as LinearLayer).weight.shape).toEqual([1, 3]);
      const hidden = f32([[-1, 0, 2]]).requiresGrad_();
      const activated = relu.call(hidden);
      expect(activated).toBeCloseTensor(f32([[0, 0, 2]]), 0);
      expect(activated.gradFn?.name).toBe('MyReluBackward');
      expect(model.namedParameters().map(([name]) => name)).toEqual([
        'layers.0.weight',
        'layers.0.bias',
        'layers.2.weight',
        'layers.2.bias',
      ]);
    },
  );

  kataProperty(
    'Model.forward(x, targ) is the mse of layers(x).squeeze(-1) against targ, a 0-dim tensor',
    [networkArb],
    (net) => {
      const model = modelWith(net);
      const loss = model.call(net.inp, net.targ);
      expect(loss.shape).toEqual([]);
      // integers throughout until the mean's single division: one rounding
      const expected = handWritten(net).loss;
      expect(loss).toBeCloseTensor(expected, 2 * U * expected.item());
      expect(model.loss(f32([1, 2]), f32([1, 4]))).toBeCloseTensor(
        mseLoss(f32([1, 2]), f32([1, 4])),
        0,
      );
    },
  );

  kataProperty(
    "after loss.backward(), every parameter's .grad equals kata 05's hand-written gradient (transposed to PyTorch's layout)",
    [networkArb],
    (net) => {
      const before = [snapshot(net.inp), snapshot(net.targ)];
      const model = modelWith(net);
      const loss = model.call(net.inp, net.targ);
      loss.backward();
      const { grads } = handWritten(net);
      const scale = lessonGradientScale(net);
      const [first, , second] = model.layers.layers as [LinearLayer, unknown, LinearLayer];
      const pairs: [string, Tensor | null, Tensor, Tensor][] = [
        ['layers[0].weight', first.weight.grad, grads.w1.t(), scale.w1.t()],
        ['layers[0].bias', first.bias.grad, grads.b1, scale.b1],
        ['layers[2].weight', second.weight.grad, grads.w2.t(), scale.w2.t()],
        ['layers[2].bias', second.bias.grad, grads.b2, scale.b2],
      ];
      for (const [name, actual, expected, bound] of pairs) {
        if (actual === null) throw new Error(`${name}.grad is null after loss.backward()`);
        try {
          expect(actual).toBeCloseTensor(
            expected,
            LESSON_GRADIENT_RELATIVE * bound.max().item() + 1e-30,
          );
        } catch (error) {
          throw new Error(
            `${name}.grad differs from the hand-written gradient\n${(error as Error).message}`,
          );
        }
      }
      expect([snapshot(net.inp), snapshot(net.targ)]).toEqual(before);
    },
    { numRuns: 60 },
  );

  kataTest('two Models keep their own parameters and gradients', () => {
    manualSeed(4);
    const first = new Model(2, 3, 1);
    const second = new Model(2, 3, 1);
    const x = f32([
      [1, 2],
      [-1, 1],
    ]);
    const targ = f32([1, 0]);
    const lossFirst = first.call(x, targ);
    const lossSecond = second.call(x.mul(2), targ);
    lossSecond.backward();
    for (const p of first.parameters()) expect(p.grad).toBeNull();
    lossFirst.backward();
    for (const p of second.parameters()) expect(p.grad).not.toBeNull();
    const shared = first.parameters().filter((p) => second.parameters().includes(p));
    expect(shared).toEqual([]);
  });
});
