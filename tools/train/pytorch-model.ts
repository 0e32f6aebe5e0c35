/**
 * The learner's kata 08 `Model` (PyTorch's style: LinearLayer parameters, MyRelu, mseLoss),
 * trained the way the lesson ends: `loss.backward()` fills every parameter's `.grad`, a plain SGD
 * step `p -= lr · p.grad` runs with autograd off, and the gradients are cleared for the next batch.
 */
import { noGrad, type Tensor } from '../../src';
import { learningRate, type TrainConfig } from './config';
import type { Digits, DigitBatch } from './digits';
import { relativeError, TOLERANCE } from './kata-check';
import { KataNotReadyError, loadModelExport, roundedAccuracy, type KataSource } from './kata-model';
import type { TrainableModel } from './loop';
import type { WeightTiles } from './weight-grid-png';

export const PYTORCH_KATA_ID = '08-to-pytorch';

/** What kata 08 exports, as far as training needs it. */
export interface PytorchKataModel {
  layers: { call(x: Tensor): Tensor };
  call(x: Tensor, targ: Tensor): Tensor;
  parameters(): Tensor[];
}
export type PytorchKataModelClass = new (nIn: number, nh: number, nOut: number) => PytorchKataModel;

const advice = `its tests do not pass yet: npm run kata -- ${PYTORCH_KATA_ID.slice(0, 2)}`;

/** Loads `Model` from katas/08-to-pytorch/to-pytorch.ts (or solutions/). */
export function loadPytorchKataModel(source: KataSource, repoRoot: string): PytorchKataModelClass {
  return loadModelExport(source, repoRoot, PYTORCH_KATA_ID, 'to-pytorch.ts');
}

/**
 * Checks the learner's Model on a few digits against the engine's own autograd over the same
 * parameters (cloned): the lesson's network, `x @ w1ᵀ + b1`, relu, `@ w2ᵀ + b2`, mse. A wrong
 * gradient would not crash training, only spoil it.
 */
export function checkPytorchKataModel(
  Model: PytorchKataModelClass,
  x: Tensor,
  targets: Tensor,
  hidden: number,
): void {
  const model = new Model(x.shape[1], hidden, 1);
  const parameters = model.parameters();
  if (parameters.length !== 4)
    throw new KataNotReadyError(
      `Your kata ${PYTORCH_KATA_ID} Model has ${parameters.length} parameters, not 4 (two weights, two biases); ${advice}`,
    );
  const [w1, b1, w2, b2] = parameters.map((p) => p.detach().clone().requiresGrad_());
  const reference = x.matmul(w1.t()).add(b1).relu().matmul(w2.t()).add(b2).squeeze(-1);
  const referenceLoss = reference.sub(targets).pow(2).mean();
  referenceLoss.backward();
  const loss = model.call(x, targets);
  loss.backward();
  if (Math.abs(loss.item() - referenceLoss.item()) > TOLERANCE * Math.max(1, referenceLoss.item()))
    throw new KataNotReadyError(
      `Your kata ${PYTORCH_KATA_ID} Model computes loss ${loss.item()} where the lesson's MLP gives ${referenceLoss.item()}; ${advice}`,
    );
  const expected = [w1, b1, w2, b2].map((p) => p.grad!);
  parameters.forEach((p, i) => {
    if (p.grad === null)
      throw new KataNotReadyError(
        `Your kata ${PYTORCH_KATA_ID} Model's parameter ${i} has no .grad after loss.backward(); ${advice}`,
      );
    const error = relativeError(p.grad, expected[i]);
    if (!(error <= TOLERANCE))
      throw new KataNotReadyError(
        `Your kata ${PYTORCH_KATA_ID} Model's parameter ${i} .grad disagrees with autograd (relative error ${error.toPrecision(2)}); ${advice}`,
      );
  });
}

export function pytorchKataTrainable(
  Model: PytorchKataModelClass,
  digits: Digits,
  config: TrainConfig,
): TrainableModel<DigitBatch> {
  const totalSteps = config.epochs * Math.ceil(digits.trainX.shape[0] / config.batchSize);
  let step = 0;
  const model = new Model(digits.trainX.shape[1], config.hidden, 1);
  const parameters = model.parameters();
  const valTargets = digits.valLabels.float();

  return {
    trainStep({ x, labels }) {
      const lr = learningRate(config, step++, totalSteps);
      const loss = model.call(x, labels.float());
      loss.backward();
      noGrad(() => {
        for (const p of parameters) {
          if (p.grad === null)
            throw new KataNotReadyError(
              `loss.backward() left a parameter without .grad; ${advice}`,
            );
          p.sub_(p.grad.mul(lr));
          p.grad = null;
        }
      });
      return loss.item();
    },
    evaluate() {
      return noGrad(() => ({
        loss: model.call(digits.valX, valTargets).item(),
        accuracy: roundedAccuracy(model.layers.call(digits.valX).squeeze(-1), digits.valLabels),
      }));
    },
    firstLayer(): WeightTiles {
      // PyTorch's layout: one row of the first weight per hidden unit, 784 pixels each
      return { tiles: parameters[0].toArray() as number[][], side: 28 };
    },
  };
}
