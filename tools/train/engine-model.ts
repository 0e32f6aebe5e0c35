/**
 * The engine model: a 784-hidden-10 MLP built from src/nn, trained with autograd, cross-entropy on
 * the ten digit classes and SGD with momentum and weight decay (`loss.backward()` then
 * `opt.step()`, as in PyTorch), its learning rate set before each step by the schedule.
 */
import { crossEntropy, Linear, noGrad, ReLU, Sequential, SGD } from '../../src';
import { learningRate, type TrainConfig } from './config';
import type { Digits, DigitBatch } from './digits';
import type { TrainableModel } from './loop';
import type { WeightTiles } from './weight-grid-png';

export function engineTrainable(digits: Digits, config: TrainConfig): TrainableModel<DigitBatch> {
  const { hidden, momentum, weightDecay } = config;
  const first = new Linear(784, hidden);
  const model = new Sequential(first, new ReLU(), new Linear(hidden, 10));
  const optimizer = new SGD(model.parameters(), { lr: config.lr, momentum, weightDecay });
  const totalSteps = config.epochs * Math.ceil(digits.trainX.shape[0] / config.batchSize);
  let step = 0;

  return {
    trainStep({ x, labels }) {
      optimizer.lr = learningRate(config, step++, totalSteps);
      const loss = crossEntropy(model.call(x), labels);
      optimizer.zeroGrad();
      loss.backward();
      optimizer.step();
      return loss.item();
    },
    evaluate() {
      return noGrad(() => {
        const logits = model.call(digits.valX);
        const loss = crossEntropy(logits, digits.valLabels).item();
        const accuracy = logits.argmax(1).eq(digits.valLabels).float().mean().item();
        return { loss, accuracy };
      });
    },
    firstLayer(): WeightTiles {
      // Linear stores weight as [out, in]: row h is hidden unit h's 784 pixel weights.
      const weight = first.weight.detach().contiguous();
      const data = weight.storage().data;
      const tiles = Array.from({ length: hidden }, (_, h) =>
        data.subarray(weight.offset + h * 784, weight.offset + (h + 1) * 784),
      );
      return { tiles, side: 28 };
    },
  };
}
