/**
 * Training end to end on real digits: a fixed seed, 300 training digits, a few SGD steps, and the
 * loss falls. (How accurate the model gets is a benchmark's business, not a test's.)
 */
import { noGrad } from '../autograd/graph';
import { batches } from '../data/batches';
import { loadMnistSplit } from '../data/mnist';
import { meanAndStd, normalize } from '../data/normalize';
import { Linear } from './linear';
import { crossEntropy, mseLoss } from './losses';
import { ReLU } from './relu';
import { Sequential } from './sequential';
import { SGD } from './sgd';
import { manualSeed, type Tensor } from '../tensor';

const { xTrain, yTrain } = loadMnistSplit({ trainSize: 300, seed: 1 });
const x = xTrain;
const y = yTrain;
const { mean, std } = meanAndStd(x);
const xNorm = normalize(x, mean, std);

function train(
  model: Sequential,
  lossOf: (out: Tensor, target: Tensor) => Tensor,
  target: Tensor,
  lr: number,
): number[] {
  const opt = new SGD(model.parameters(), { lr, momentum: 0.9 });
  const fullLoss = () => noGrad(() => lossOf(model.call(xNorm), target).item());
  const history = [fullLoss()];
  for (let epoch = 0; epoch < 2; epoch++) {
    for (const [xb, yb] of batches(xNorm, target, 30, { shuffle: true, seed: epoch })) {
      const loss = lossOf(model.call(xb), yb);
      loss.backward();
      opt.step();
      opt.zeroGrad();
    }
    history.push(fullLoss());
  }
  return history;
}

describe("training the lesson's MLP with autograd and SGD", () => {
  test('784-50-10 with cross-entropy: the loss on the training digits falls every epoch', () => {
    manualSeed(0);
    const model = new Sequential(new Linear(784, 50), new ReLU(), new Linear(50, 10));
    const history = train(model, crossEntropy, y, 0.05);
    expect(history[1]).toBeLessThan(history[0]);
    expect(history[2]).toBeLessThan(history[1]);
  });

  test('784-50-1 with MSE on the digit value: the loss falls too', () => {
    manualSeed(0);
    const model = new Sequential(new Linear(784, 50), new ReLU(), new Linear(50, 1));
    const digits = y.float();
    const mse = (out: Tensor, target: Tensor) => mseLoss(out.squeeze(-1), target);
    const history = train(model, mse, digits, 0.005);
    expect(history[2]).toBeLessThan(history[0]);
  });
});
