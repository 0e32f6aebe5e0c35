/**
 * The lesson's 784-50-1 `Model` from kata 06 (the learner's, or the reference answer), trained the
 * way the lesson trains it: MSE regression of the digit's value, gradients from the hand-written
 * `backward()` in each weight's `.g`, and a plain SGD step `w -= lr * w.g`.
 */
import path from 'node:path';
import { randn, zeros, type Tensor } from '../../src';
import { learningRate, type TrainConfig } from './config';
import type { Digits, DigitBatch } from './digits';
import type { TrainableModel } from './loop';
import type { WeightTiles } from './weight-grid-png';

/** What kata 06 exports, as far as training needs it. */
export interface KataModel {
  layers?: { call(...args: Tensor[]): Tensor }[];
  call(x: Tensor, targ: Tensor): Tensor;
  backward(): void;
}
export type KataModelClass = new (w1: Tensor, b1: Tensor, w2: Tensor, b2: Tensor) => KataModel;

export type KataSource = 'katas' | 'solutions';

/** A kata that cannot train yet: the CLI prints `message` on one line and exits 1. */
export class KataNotReadyError extends Error {}

export const KATA_ID = '06-module';

/**
 * The `Model` class a kata file exports (`<source>/<kataId>/<file>`), explaining what is missing
 * when it cannot be loaded or exports none. Chosen at run time by `--model`.
 */
export function loadModelExport<M>(
  source: KataSource,
  repoRoot: string,
  kataId: string,
  file: string,
): M {
  const full = path.join(repoRoot, source, kataId, file);
  let exported: { Model?: unknown };
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- chosen at run time by --model
    exported = require(full);
  } catch (error) {
    throw new KataNotReadyError(
      `cannot load ${path.relative(repoRoot, full)}: ${firstLine(error)}`,
    );
  }
  if (typeof exported.Model !== 'function')
    throw new KataNotReadyError(
      `${path.relative(repoRoot, full)} does not export a Model class yet`,
    );
  return exported.Model as M;
}

/** Loads `Model` from katas/06-module/module.ts (or solutions/), explaining what is missing. */
export function loadKataModel(source: KataSource, repoRoot: string): KataModelClass {
  return loadModelExport(source, repoRoot, KATA_ID, 'module.ts');
}

/** Which kata a `not implemented yet: fn in katas/NN-name/file.ts` error points at (`fallback` if unsure). */
export function kataToFinish(message: string, fallback: string = KATA_ID): string {
  return /katas\/(\d\d-[a-z0-9-]+)\//.exec(message)?.[1] ?? fallback;
}

/** Why the learner's Model of `modelKata` (06 by default) cannot train, and which kata to finish. */
export function notReadyMessage(error: unknown, modelKata: string = KATA_ID): string {
  const message = firstLine(error);
  const kata = kataToFinish(message, modelKata);
  return `Your kata ${modelKata} Model cannot train yet (${message}). Finish kata ${kata} first: npm run kata -- ${kata.slice(0, 2)}`;
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0];
}

/** The lesson's initialisation: Kaiming for the ReLU layer, 1/√n for the linear output. */
export function lessonWeights(hidden: number): [Tensor, Tensor, Tensor, Tensor] {
  return [
    randn(784, hidden).mul(Math.sqrt(2 / 784)),
    zeros(hidden),
    randn(hidden, 1).mul(Math.sqrt(1 / hidden)),
    zeros(1),
  ];
}

export function kataTrainable(
  Model: KataModelClass,
  digits: Digits,
  config: TrainConfig,
): TrainableModel<DigitBatch> {
  const { hidden } = config;
  const totalSteps = config.epochs * Math.ceil(digits.trainX.shape[0] / config.batchSize);
  let step = 0;
  const weights = lessonWeights(hidden);
  const model = new Model(...weights);
  const valTargets = digits.valLabels.float();

  const predict = (x: Tensor): Tensor => {
    // The learner's own layers make the prediction, so what is measured is their code.
    if (model.layers) return model.layers.reduce((out, layer) => layer.call(out), x);
    const [w1, b1, w2, b2] = weights;
    return x.matmul(w1).add(b1).relu().matmul(w2).add(b2);
  };

  return {
    trainStep({ x, labels }) {
      const lr = learningRate(config, step++, totalSteps);
      const loss = model.call(x, labels.float()).item();
      model.backward();
      for (const w of weights) {
        if (!w.g)
          throw new KataNotReadyError(
            'backward() left a weight without .g: every weight needs its gradient',
          );
        w.sub_(w.g.mul(lr));
      }
      return loss;
    },
    evaluate() {
      const loss = model.call(digits.valX, valTargets).item();
      return {
        loss,
        accuracy: roundedAccuracy(predict(digits.valX).squeeze(-1), digits.valLabels),
      };
    },
    firstLayer(): WeightTiles {
      const w1 = weights[0].toArray() as number[][];
      const tiles = Array.from({ length: hidden }, (_, h) => w1.map((row) => row[h]));
      return { tiles, side: 28 };
    },
  };
}

/** A regression output counts as right when it rounds to the digit (clamped to 0..9). */
export function roundedAccuracy(predicted: Tensor, labels: Tensor): number {
  const values = predicted.toArray() as number[];
  const digits = labels.toArray() as number[];
  let right = 0;
  values.forEach(
    (v, i) => (right += Math.min(9, Math.max(0, Math.round(v))) === digits[i] ? 1 : 0),
  );
  return right / digits.length;
}
