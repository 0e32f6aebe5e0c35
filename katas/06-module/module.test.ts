import fc from 'fast-check';
import { Lin, Model, Module, Mse, Relu } from '@kata/06-module/module';
import { countOps, full, noGrad, tensor, Tensor } from '../../src';
import {
  lessonGradientScale,
  lessonNetworkArb,
  LESSON_GRADIENT_RELATIVE,
  LESSON_MAX_SIZE,
  type LessonNetwork,
  byHand,
  boundedFloatArb,
  kataProperty,
  kataTest,
  LAYOUT_KINDS,
  layoutSpecArb,
  readable,
  snapshot,
  thrownMessage,
  withLayout,
  type LayoutSpec,
  type NestedNumbers,
} from '../../src/testing';

/** A float32 tensor from plain numbers (what `tensor()` gives too; the dtype is spelled out to be read). */
const f32 = (values: NestedNumbers) => tensor(values, { dtype: 'float32' });

function gradOf(t: Tensor | undefined, name: string): Tensor {
  if (t === undefined) throw new Error(`${name} is undefined: did call() store it?`);
  if (t.g === undefined) throw new Error(`${name}.g was not set`);
  return t.g;
}

const leaf = (t: Tensor) => t.detach().requiresGrad_();

/** A stale gradient, as a previous training step would leave it. */
const stale = (t: Tensor) => full([...t.shape], 100);

/** A module of the tests' own: doubles its input. Its bwd says so: inp.g = 2 · out.g. */
class Double extends Module {
  override forward(inp: Tensor): Tensor {
    return inp.mul(2);
  }

  override bwd(out: Tensor, inp: Tensor): void {
    inp.g = gradOf(out, 'out').mul(2);
  }
}

/** Records what backward hands to bwd. */
class Recorder extends Module {
  received: unknown[] = [];

  override forward(a: Tensor, b: Tensor): Tensor {
    return a.add(b);
  }

  override bwd(...received: Tensor[]): void {
    this.received = received;
  }
}

describe('Module', () => {
  kataTest(
    'call stores the arguments in this.args and the output in this.out, and returns it',
    () => {
      const double = new Double();
      const x = f32([1, 2]);
      const out = double.call(x);
      expect(out).toBeCloseTensor(f32([2, 4]), 0);
      expect(double.out).toBe(out);
      expect(double.args).toHaveLength(1);
      expect(double.args[0]).toBe(x);
    },
  );

  kataTest('a second call replaces what the first stored', () => {
    const double = new Double();
    double.call(f32([1]));
    const x = f32([5]);
    const out = double.call(x);
    expect(double.args).toHaveLength(1);
    expect(double.args[0]).toBe(x);
    expect(double.out).toBe(out);
  });

  kataTest('backward hands bwd the output, then every argument of the call', () => {
    const recorder = new Recorder();
    const a = f32([1]);
    const b = f32([2]);
    const out = recorder.call(a, b);
    recorder.backward();
    expect(recorder.received).toHaveLength(3);
    expect(recorder.received[0]).toBe(out);
    expect(recorder.received[1]).toBe(a);
    expect(recorder.received[2]).toBe(b);
  });

  kataTest('backward before any call throws, instead of handing bwd an undefined output', () => {
    const recorder = new Recorder();
    // an Error with an empty message tells the learner nothing
    expect(thrownMessage(() => recorder.backward())).toEqual(expect.stringMatching(/\S/));
    expect(recorder.received).toEqual([]);
  });

  kataTest('each instance keeps its own call: chained modules set .g on their own inputs', () => {
    // x → first → y → second → z. Backward from z.g = 1: y.g = 2 and x.g = 4. If the modules shared
    // their stored arguments, the first one's backward would overwrite y.g instead of setting x.g.
    const first = new Double();
    const second = new Double();
    const x = f32([1, -1]);
    const y = first.call(x);
    const z = second.call(y);
    z.g = f32([1, 1]);
    second.backward();
    first.backward();
    expect(gradOf(y, 'y')).toBeCloseTensor(f32([2, 2]), 0);
    expect(gradOf(x, 'x')).toBeCloseTensor(f32([4, 4]), 0);
  });

  kataTest('Relu, Lin and Mse are subclasses of your Module and inherit its call', () => {
    const x = f32([[1], [-1]]);
    const modules: [Module, Tensor[]][] = [
      [new Relu(), [x]],
      [new Lin(f32([[2]]), f32([0])), [x]],
      [new Mse(), [x, f32([0, 0])]],
    ];
    for (const [module, args] of modules) {
      expect(module).toBeInstanceOf(Module);
      const out = module.call(...args);
      expect(module.out).toBe(out);
      expect(module.args).toEqual(args);
    }
  });
});

describe('Relu, Lin and Mse', () => {
  kataTest(
    'Relu: forward clamps at 0, bwd passes the gradient only where the input was positive',
    () => {
      const relu = new Relu();
      const inp = f32([[-2, 0, 3]]);
      const out = relu.call(inp);
      expect(out).toBeCloseTensor(f32([[0, 0, 3]]), 0);
      out.g = f32([[5, 5, 5]]);
      relu.backward();
      expect(gradOf(inp, 'inp')).toBeCloseTensor(f32([[0, 0, 5]]), 0);
    },
  );

  kataTest('Lin: forward is inp @ w + b, bwd sets inp.g, w.g and b.g', () => {
    const w = f32([
      [1, 0, 2],
      [0, 1, 3],
    ]);
    const b = f32([1, 1, 1]);
    const linear = new Lin(w, b);
    const inp = f32([
      [1, 2],
      [0, 1],
    ]);
    const out = linear.call(inp);
    expect(out).toBeCloseTensor(
      f32([
        [2, 3, 9],
        [1, 2, 4],
      ]),
      0,
    );
    out.g = f32([
      [1, -1, 2],
      [0, 1, 1],
    ]);
    linear.backward();
    expect(gradOf(inp, 'inp')).toBeCloseTensor(
      f32([
        [5, 5],
        [2, 4],
      ]),
      0,
    );
    expect(gradOf(w, 'w')).toBeCloseTensor(
      f32([
        [1, -1, 2],
        [2, -1, 5],
      ]),
      0,
    );
    expect(gradOf(b, 'b')).toBeCloseTensor(f32([1, 0, 3]), 0);
  });

  kataTest('Mse: the loss of [n, 1] against [n] (no [n, n] broadcast) and its gradient', () => {
    const mse = new Mse();
    const inp = f32([[1], [2], [4]]);
    const loss = mse.call(inp, f32([2, 2, 2]));
    expect(loss.shape).toEqual([]);
    expect(loss).toBeCloseTensor(f32(5 / 3), 1e-6);
    mse.backward();
    expect(gradOf(inp, 'inp')).toBeCloseTensor(f32([[-2 / 3], [0], [4 / 3]]), 1e-6);
  });
});

/*
 * Random networks: the same networks, values and tolerance as kata 05's tests.
 * Small integers in -3..3 keep the forward pass exact and put relu's input at exactly 0 often.
 */
const MAX_SIZE = LESSON_MAX_SIZE;
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

/** float32's unit roundoff. */
const U = 2 ** -24;

/** A Lin call on float32 values in [-2, 2]: inp [n, i], w [i, h], b [h] and out.g [n, h]. */
function linFloatCaseArb() {
  const floats = fc.array(boundedFloatArb({ min: -2, max: 2 }), {
    minLength: MAX_VALUES,
    maxLength: MAX_VALUES,
  });
  return fc
    .tuple(
      fc.tuple(sizeArb, sizeArb, sizeArb),
      fc.tuple(floats, floats, floats, floats),
      fc.tuple(layoutArb, layoutArb, layoutArb),
    )
    .map(([[n, i, h], [vx, vw, vb, vg], [lx, lw, lg]]) => ({
      inp: build(vx, [n, i], lx),
      w: build(vw, [i, h], lw),
      b: build(vb, [h], lw),
      outG: build(vg, [n, h], lg),
    }));
}

/**
 * One module with the arguments of one call, the out.g the next layer would hand it, and the
 * gradients its bwd must set, computed here with engine ops (exact on small integers).
 */
interface ModuleCase {
  label: string;
  module: Module;
  args: Tensor[];
  /** Tensors the module holds (Lin's w and b): left untouched apart from their .g. */
  held: Tensor[];
  /** The gradient flowing in from the next layer; the loss (Mse) starts backward without one. */
  outG?: Tensor;
  grads: [name: string, t: Tensor, expected: Tensor][];
  eps: number;
}

function reluCase(inp: Tensor, outG: Tensor): ModuleCase {
  const expected = inp.gt(0).float().mul(outG);
  return {
    label: 'Relu',
    module: new Relu(),
    args: [inp],
    held: [],
    outG,
    grads: [['inp', inp, expected]],
    eps: 0,
  };
}

function linCase(inp: Tensor, w: Tensor, b: Tensor, outG: Tensor): ModuleCase {
  return {
    label: 'Lin',
    module: new Lin(w, b),
    args: [inp],
    held: [w, b],
    outG,
    grads: [
      ['inp', inp, outG.matmul(w.t())],
      ['w', w, inp.t().matmul(outG)],
      ['b', b, outG.sum(0)],
    ],
    eps: 0,
  };
}

function mseCase(inp: Tensor, targ: Tensor): ModuleCase {
  const expected = inp
    .squeeze(-1)
    .sub(targ)
    .mul(2 / targ.shape[0])
    .unsqueeze(-1);
  // 2·d/n is rounded once or twice depending on how it is written: |d| ≤ 4 here, so 1e-6 is plenty
  return {
    label: 'Mse',
    module: new Mse(),
    args: [inp, targ],
    held: [],
    grads: [['inp', inp, expected]],
    eps: 1e-6,
  };
}

/** The worked examples above, one case per module. */
const firstCases = (): ModuleCase[] => [
  reluCase(f32([[-2, 0, 3]]), f32([[5, 5, 5]])),
  linCase(
    f32([
      [1, 2],
      [0, 1],
    ]),
    f32([
      [1, 0, 2],
      [0, 1, 3],
    ]),
    f32([1, 1, 1]),
    f32([
      [1, -1, 2],
      [0, 1, 1],
    ]),
  ),
  mseCase(f32([[1], [2], [4]]), f32([2, 2, 2])),
];

/** Other shapes and values for a second instance of each module. */
const secondCases = (): ModuleCase[] => [
  reluCase(
    f32([
      [1, -1],
      [0, 2],
    ]),
    f32([
      [3, 4],
      [5, 6],
    ]),
  ),
  linCase(
    f32([[2], [-1], [3]]),
    f32([[1, -2]]),
    f32([0, 4]),
    f32([
      [1, 0],
      [2, -1],
      [0, 3],
    ]),
  ),
  mseCase(f32([[0], [5]]), f32([1, 1])),
];

/** Calls the module and hands it its out.g, as the layer after it would. */
function callCase(c: ModuleCase): Tensor {
  const out = byHand(`${c.label}.call`, () => c.module.call(...c.args));
  if (c.outG) out.g = c.outG;
  return out;
}

/** Every gradient the module sets: the expected values, float32, the shape of its tensor. */
function expectCaseGrads(c: ModuleCase, when = ''): void {
  for (const [name, t, expected] of c.grads) {
    try {
      expect(gradOf(t, name)).toBeCloseTensor(expected, c.eps);
    } catch (error) {
      throw new Error(`${c.label}: ${name}.g${when} is wrong\n${(error as Error).message}`);
    }
  }
}

describe('each module on its own', () => {
  kataTest(
    'Relu, Lin and Mse compute their gradients by hand: no autograd op (backward, grad, requiresGrad_) runs, with autograd off',
    () => {
      for (const c of firstCases()) {
        callCase(c);
        byHand(`${c.label}.backward`, () => c.module.backward());
        expectCaseGrads(c);
      }
    },
  );

  kataTest(
    'bwd sets .g, not adds to it: a stale .g from before is replaced, and a second backward() gives the same gradients',
    () => {
      for (const c of firstCases()) {
        callCase(c);
        for (const [, t] of c.grads) t.g = stale(t);
        byHand(`${c.label}.backward`, () => c.module.backward());
        expectCaseGrads(c, ' (with a stale .g from an earlier step)');
        byHand(`${c.label}.backward`, () => c.module.backward());
        expectCaseGrads(c, ' after a second backward()');
      }
    },
  );

  kataTest('call and backward leave the arguments, the weights, out and out.g untouched', () => {
    for (const c of firstCases()) {
      const tensors = [...c.args, ...c.held];
      const before = tensors.map(snapshot);
      const out = callCase(c);
      const outBefore = snapshot(out);
      const outGBefore = c.outG ? snapshot(c.outG) : undefined;
      byHand(`${c.label}.backward`, () => c.module.backward());
      expect({ [c.label]: tensors.map(snapshot) }).toEqual({ [c.label]: before });
      expect({ [`${c.label} out`]: snapshot(out) }).toEqual({ [`${c.label} out`]: outBefore });
      expect(out.g).toBe(c.outG);
      if (c.outG)
        expect({ [`${c.label} out.g`]: snapshot(c.outG) }).toEqual({
          [`${c.label} out.g`]: outGBefore,
        });
    }
  });

  kataTest('Mse returns the loss as a 0-dim float32 Tensor (not a number, not shape [1])', () => {
    const loss = new Mse().call(f32([[1], [3]]), f32([0, 0]));
    expect(loss).toBeInstanceOf(Tensor);
    expect(loss.shape).toEqual([]);
    expect(loss).toBeCloseTensor(f32(5), 0);
  });

  kataTest(
    'two instances of Relu (of Lin, of Mse) used interleaved each keep their own call and set their own gradients',
    () => {
      for (let k = 0; k < firstCases().length; k++) {
        for (const secondBackwardFirst of [false, true]) {
          const [a, b] = [firstCases()[k], secondCases()[k]];
          callCase(a);
          callCase(b);
          for (const c of secondBackwardFirst ? [b, a] : [a, b])
            byHand(`${c.label}.backward`, () => c.module.backward());
          expectCaseGrads(a, ' (first instance, called before the second)');
          expectCaseGrads(b, ' (second instance)');
        }
      }
    },
  );

  kataProperty(
    "Lin on non-integer values: inp.g, w.g and b.g are float32, of their tensors' shapes, within float32 rounding of the exact gradients",
    [linFloatCaseArb()],
    ({ inp, w, b, outG }) => {
      const linear = new Lin(w, b);
      const out = byHand('Lin.call', () => linear.call(inp));
      out.g = outG;
      byHand('Lin.backward', () => linear.backward());
      // Exact in float64: the inputs are float32 numbers, every product is exact and the sums of
      // at most 5 terms are off by ~1e-16 relatively. A float32 sum of K products lies within
      // K·u·Σ|products| of the exact one (u = 2^-24), rounding to float32 adds u·|value|: allow
      // twice (K + 1)·u times the largest sum of absolute values.
      const [x, w64, g] = [inp, w, outG].map((t) => t.double());
      const bound = (t: Tensor) => 2 * (MAX_SIZE + 1) * U * t.max().item();
      const checks: [string, Tensor, Tensor, number][] = [
        ['inp', inp, g.matmul(w64.t()), bound(g.abs().matmul(w64.abs().t()))],
        ['w', w, x.t().matmul(g), bound(x.abs().t().matmul(g.abs()))],
        ['b', b, g.sum(0), bound(g.abs().sum(0))],
      ];
      for (const [name, t, exact, eps] of checks) {
        try {
          expect(gradOf(t, name)).toBeCloseTensor(exact.float(), eps);
        } catch (error) {
          throw new Error(`Lin: ${name}.g is wrong\n${(error as Error).message}`);
        }
      }
    },
    { numRuns: 60 },
  );
});

type Network = LessonNetwork;

/** inp [n, i], targ [n], w1 [i, h], b1 [h], w2 [h, 1], b2 [1]; batch size 1 included. */
const networkCaseArb = lessonNetworkArb();

const LAYOUT_CONTIGUOUS: LayoutSpec = {
  kind: 'contiguous',
  order: [0, 1],
  dim: 0,
  before: 1,
  after: 0,
  step: 2,
  expand: [false, false],
};

/** Two networks' worth of inputs for the same weights: a second training step. */
const twoBatchesArb = fc.tuple(networkCaseArb, valuesArb, valuesArb).map(([network, vx, vt]) => ({
  network,
  inp2: build(vx, [...network.inp.shape], LAYOUT_CONTIGUOUS),
  targ2: build(vt, [...network.targ.shape], LAYOUT_CONTIGUOUS),
}));

const GRAD_NAMES = ['inp', 'w1', 'b1', 'w2', 'b2', 'l1', 'l2', 'out'] as const;
type GradName = (typeof GRAD_NAMES)[number];

/**
 * The same network built with engine ops and differentiated by autograd. l1 (first layer's
 * output), l2 (relu's output) and out (second layer's output) are cut into leaves of their own so
 * autograd reports their gradients too.
 */
function autogradReference(net: Network) {
  const [x, w1, b1, w2, b2] = [net.inp, net.w1, net.b1, net.w2, net.b2].map(leaf);
  const l1 = x.matmul(w1).add(b1);
  const l1Leaf = leaf(l1);
  const l2 = l1Leaf.relu();
  const l2Leaf = leaf(l2);
  const out = l2Leaf.matmul(w2).add(b2);
  const outLeaf = leaf(out);
  const loss = outLeaf.squeeze(-1).sub(net.targ).pow(2).mean();
  loss.backward();
  out.backward(outLeaf.grad!);
  l2.backward(l2Leaf.grad!);
  l1.backward(l1Leaf.grad!);
  const grads: Record<GradName, Tensor> = {
    inp: x.grad!,
    w1: w1.grad!,
    b1: b1.grad!,
    w2: w2.grad!,
    b2: b2.grad!,
    l1: l1Leaf.grad!,
    l2: l2Leaf.grad!,
    out: outLeaf.grad!,
  };
  return { loss: loss.detach(), grads };
}

/**
 * A Model whose layers check, as each backward step starts, that the layer after them (or the
 * loss) has already set their out.g, so a backward pass in the wrong order says which gradient
 * was missing instead of failing inside bwd on an undefined .g.
 */
function guardBackwardOrder(model: Model): Model {
  model.layers.forEach((layer, k) => {
    const bwd = layer.bwd.bind(layer);
    layer.bwd = (out: Tensor, ...args: Tensor[]) => {
      if ((out as Tensor | undefined)?.g === undefined) {
        throw new Error(
          `layers[${k}].out.g was not set when layers[${k}].backward() ran: backward runs from the loss back to the first layer`,
        );
      }
      bwd(out, ...args);
    };
  });
  return model;
}

const guardedModel = (net: Network) =>
  guardBackwardOrder(new Model(net.w1, net.b1, net.w2, net.b2));

/** What call and backward must leave alone: the batch, the weights (all but their .g). */
const modelInputs = (net: Network): Record<string, Tensor> => ({
  inp: net.inp,
  targ: net.targ,
  w1: net.w1,
  b1: net.b1,
  w2: net.w2,
  b2: net.b2,
});

const snapshots = (tensors: Record<string, Tensor>) =>
  Object.fromEntries(Object.entries(tensors).map(([name, t]) => [name, snapshot(t)]));

/**
 * One training step by hand (autograd off, no autograd op counted): call, then backward. Neither
 * may change the batch or the weights, nor backward the loss that call returned.
 */
function runModel(model: Model, net: Network): Tensor {
  const before = snapshots(modelInputs(net));
  const loss = byHand('Model.call', () => model.call(net.inp, net.targ));
  const lossBefore = snapshot(loss);
  byHand('Model.backward', () => model.backward());
  expect(snapshots({ ...modelInputs(net), loss })).toEqual({ ...before, loss: lossBefore });
  return loss;
}

/** Compares the loss and every .g the model set with autograd's gradients. */
function checkModelGradients(model: Model, net: Network, loss: Tensor): void {
  expect(loss).toBeInstanceOf(Tensor);
  for (const t of [net.inp, net.w1, net.b1, net.w2, net.b2]) expect(t.grad).toBeNull();
  const reference = autogradReference(net);
  const scale = lessonGradientScale(net);
  // a 0-dim float32 tensor, like the reference's
  expect(loss).toBeCloseTensor(reference.loss, 4 * U * reference.loss.item());
  const [first, relu, second] = model.layers;
  const actual: Record<GradName, Tensor> = {
    inp: gradOf(net.inp, 'inp'),
    w1: gradOf(net.w1, 'w1'),
    b1: gradOf(net.b1, 'b1'),
    w2: gradOf(net.w2, 'w2'),
    b2: gradOf(net.b2, 'b2'),
    l1: gradOf(first.out, 'layers[0].out'),
    l2: gradOf(relu.out, 'layers[1].out'),
    out: gradOf(second.out, 'layers[2].out'),
  };
  for (const name of GRAD_NAMES) {
    try {
      expect(actual[name]).toBeCloseTensor(
        reference.grads[name],
        LESSON_GRADIENT_RELATIVE * scale[name].max().item(),
      );
    } catch (error) {
      throw new Error(`${name}.g differs from autograd's gradient\n${(error as Error).message}`);
    }
  }
}

describe('Model', () => {
  kataTest('Model has layers [Lin, Relu, Lin] holding its weights, and an Mse loss', () => {
    const [w1, b1, w2, b2] = [f32([[1]]), f32([0]), f32([[2]]), f32([1])];
    const model = new Model(w1, b1, w2, b2);
    expect(model.layers).toHaveLength(3);
    const [first, relu, second] = model.layers;
    expect(first).toBeInstanceOf(Lin);
    expect(relu).toBeInstanceOf(Relu);
    expect(second).toBeInstanceOf(Lin);
    expect((first as Lin).w).toBe(w1);
    expect((first as Lin).b).toBe(b1);
    expect((second as Lin).w).toBe(w2);
    expect((second as Lin).b).toBe(b2);
    expect(model.loss).toBeInstanceOf(Mse);
  });

  kataTest('backward runs the loss first, then the layers last to first', () => {
    const model = guardBackwardOrder(
      new Model(f32([[1, -1]]), f32([0, 0]), f32([[1], [1]]), f32([0])),
    );
    const order: string[] = [];
    const spyOn = (module: Module, label: string) => {
      const original = module.backward.bind(module);
      module.backward = () => {
        order.push(label);
        original();
      };
    };
    spyOn(model.loss, 'loss');
    model.layers.forEach((layer, k) => spyOn(layer, `layers[${k}]`));
    model.call(f32([[2], [-1]]), f32([1, 0]));
    model.backward();
    expect(order).toEqual(['loss', 'layers[2]', 'layers[1]', 'layers[0]']);
  });

  kataProperty(
    "by hand, the Model's loss, every parameter's .g, inp.g and each layer's out.g equal autograd's",
    [networkCaseArb],
    (net) => {
      const model = guardedModel(net);
      checkModelGradients(model, net, runModel(model, net));
    },
    { numRuns: 80 },
  );

  kataProperty(
    'a stale .g on inp and on every parameter is replaced, and a second backward() gives the same gradients',
    [networkCaseArb],
    (net) => {
      const model = guardedModel(net);
      for (const t of [net.inp, net.w1, net.b1, net.w2, net.b2]) t.g = stale(t);
      const loss = runModel(model, net);
      checkModelGradients(model, net, loss);
      byHand('Model.backward', () => model.backward());
      checkModelGradients(model, net, loss);
    },
    { numRuns: 20 },
  );

  kataProperty(
    'two Models used interleaved (call, call, backward, backward) each set the gradients of their own network',
    [networkCaseArb, networkCaseArb, fc.boolean()],
    (first, second, secondBackwardFirst) => {
      const models = [guardedModel(first), guardedModel(second)];
      const nets = [first, second];
      const before = nets.map((net) => snapshots(modelInputs(net)));
      const losses = [0, 1].map((k) =>
        byHand(`Model.call of model ${k + 1}`, () => models[k].call(nets[k].inp, nets[k].targ)),
      );
      for (const k of secondBackwardFirst ? [1, 0] : [0, 1])
        byHand(`Model.backward of model ${k + 1}`, () => models[k].backward());
      expect(nets.map((net) => snapshots(modelInputs(net)))).toEqual(before);
      for (const k of [0, 1]) {
        try {
          checkModelGradients(models[k], nets[k], losses[k]);
        } catch (error) {
          throw new Error(`model ${k + 1} of 2: ${(error as Error).message}`);
        }
      }
    },
    { numRuns: 20 },
  );

  kataProperty(
    'a second training step: the layers keep their order and the gradients follow the new batch',
    [twoBatchesArb],
    ({ network, inp2, targ2 }) => {
      const model = guardedModel(network);
      const layersBefore = [...model.layers];
      // where each original layer sits now: [0, 1, 2] unless backward reordered model.layers
      const positions = () => model.layers.map((layer) => layersBefore.indexOf(layer));
      runModel(model, network);
      expect(positions()).toEqual([0, 1, 2]);
      const next = { ...network, inp: inp2, targ: targ2 };
      checkModelGradients(model, next, runModel(model, next));
      expect(positions()).toEqual([0, 1, 2]);
    },
    { numRuns: 30 },
  );
});
