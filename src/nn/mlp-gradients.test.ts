/**
 * The lesson's MLP: autograd's gradients for every parameter (and the input) equal gradcheck's
 * finite differences and the chain rule written out by hand.
 *
 * Full gradcheck of a 784-50-10 net costs two forward passes per parameter element (about 80,000
 * passes), so gradcheck runs on the same architecture at width 20-8-1 / 20-8-10; the real widths
 * (784-50-1 and 784-50-10) are checked against the hand-written backward pass of the lesson and
 * by finite differences on a sample of coordinates of every parameter.
 */
import { noGrad } from '../autograd/graph';
import { gradcheck } from '../autograd/gradcheck';
import { Linear } from './linear';
import { crossEntropy, mseLoss } from './losses';
import { ReLU } from './relu';
import { Sequential } from './sequential';
import { softmax } from './softmax';
import { manualSeed, randn, tensor, zeros, type Tensor } from '../tensor';

const F64 = { dtype: 'float64' } as const;

function mlp(inputs: number, hidden: number, outputs: number): [Sequential, Linear, Linear] {
  const l1 = new Linear(inputs, hidden, F64);
  const l2 = new Linear(hidden, outputs, F64);
  return [new Sequential(l1, new ReLU(), l2), l1, l2];
}

function regressionData(n: number, width: number): { x: Tensor; y: Tensor } {
  return { x: randn(n, width, F64), y: randn(n, F64) };
}

function classificationData(n: number, width: number): { x: Tensor; y: Tensor } {
  const labels = Array.from({ length: n }, (_, i) => (i * 7) % 10);
  return { x: randn(n, width, F64), y: tensor(labels, { dtype: 'int32' }) };
}

const mseOf = (model: Sequential, x: Tensor, y: Tensor): Tensor =>
  mseLoss(model.call(x).squeeze(-1), y);
const ceOf = (model: Sequential, x: Tensor, y: Tensor): Tensor => crossEntropy(model.call(x), y);

/** The lesson's backward pass, by hand: returns [gx, gW1, gb1, gW2, gb2] for d(loss)/d(out) = gOut. */
function handBackward(
  x: Tensor,
  l1: Linear,
  l2: Linear,
  gOutOf: (out: Tensor) => Tensor,
): Tensor[] {
  return noGrad(() => {
    const pre = x.matmul(l1.weight.t()).add(l1.bias as Tensor);
    const h = pre.relu();
    const out = h.matmul(l2.weight.t()).add(l2.bias as Tensor);
    const gOut = gOutOf(out);
    const gh = gOut.matmul(l2.weight);
    const gPre = gh.mul(pre.gt(0));
    return [
      gPre.matmul(l1.weight),
      gPre.t().matmul(x),
      gPre.sum(0),
      gOut.t().matmul(h),
      gOut.sum(0),
    ];
  });
}

/**
 * Finite differences on `count` coordinates of p (spread over the whole tensor), compared with
 * p.grad: the same test gradcheck does, on a sample of the columns of the Jacobian.
 */
function spotCheck(loss: () => Tensor, p: Tensor, count: number): void {
  const data = p.storage().data;
  const grad = (p.grad as Tensor).contiguous().storage().data;
  const eps = 1e-6;
  for (let s = 0; s < count; s++) {
    const j = Math.floor(((s + 0.5) / count) * p.numel());
    const original = data[j];
    data[j] = original + eps;
    const plus = noGrad(() => loss().item());
    data[j] = original - eps;
    const minus = noGrad(() => loss().item());
    data[j] = original;
    const numerical = (plus - minus) / (2 * eps);
    expect(Math.abs(grad[j] - numerical)).toBeLessThanOrEqual(1e-5 + 1e-3 * Math.abs(numerical));
  }
}

beforeEach(() => manualSeed(7));

describe("gradcheck on the lesson's MLP (narrowed to 20-8-*)", () => {
  test('20-8-1 with MSE: every parameter and the input', () => {
    const [model, l1, l2] = mlp(20, 8, 1);
    const { x, y } = regressionData(4, 20);
    x.requiresGrad_();
    const params = [x, l1.weight, l1.bias as Tensor, l2.weight, l2.bias as Tensor];
    expect(gradcheck(() => mseOf(model, x, y), params)).toBe(true);
  });

  test('20-8-10 with cross-entropy: every parameter and the input', () => {
    const [model, l1, l2] = mlp(20, 8, 10);
    const { x, y } = classificationData(4, 20);
    x.requiresGrad_();
    const params = [x, l1.weight, l1.bias as Tensor, l2.weight, l2.bias as Tensor];
    expect(gradcheck(() => ceOf(model, x, y), params)).toBe(true);
  });
});

describe("the lesson's MLP at full width", () => {
  const cases = [
    {
      name: '784-50-1 with MSE',
      outputs: 1,
      data: () => regressionData(8, 784),
      loss: mseOf,
      // d(mean((out - y)^2))/d(out) = 2 (out - y) / N, out of shape [N, 1]
      gOut: (y: Tensor) => (out: Tensor) =>
        out
          .squeeze(-1)
          .sub(y)
          .mul(2 / y.shape[0])
          .unsqueeze(-1),
    },
    {
      name: '784-50-10 with cross-entropy',
      outputs: 10,
      data: () => classificationData(8, 784),
      loss: ceOf,
      // d(crossEntropy)/d(logits) = (softmax(logits) - onehot(y)) / N
      gOut: (y: Tensor) => (out: Tensor) => {
        const onehot = zeros(out.shape, F64);
        (y.toArray() as number[]).forEach((k, i) => onehot.set([i, k], 1));
        return softmax(out, 1).sub(onehot).div(y.shape[0]);
      },
    },
  ];
  for (const c of cases) {
    test(`${c.name}: autograd equals the hand-written backward and finite differences`, () => {
      const [model, l1, l2] = mlp(784, 50, c.outputs);
      const { x, y } = c.data();
      x.requiresGrad_();
      c.loss(model, x, y).backward();
      const expected = handBackward(x, l1, l2, c.gOut(y));
      const actual = [x, l1.weight, l1.bias, l2.weight, l2.bias].map(
        (t) => (t as Tensor).grad as Tensor,
      );
      actual.forEach((g, i) => expect(g).toBeCloseTensor(expected[i], 1e-10));
      for (const p of [x, l1.weight, l1.bias as Tensor, l2.weight, l2.bias as Tensor]) {
        spotCheck(() => c.loss(model, x, y), p, 6);
      }
    });
  }
});
