/**
 * One training run from a config: load and split the digits, build the chosen model, run the
 * epochs, and collect the metrics. Printing and files are the caller's (tools/train.ts, tests).
 */
import { manualSeed } from '../../src';
import type { TrainConfig } from './config';
import { epochBatches, loadDigits, type DigitBatch } from './digits';
import { engineTrainable } from './engine-model';
import { KataNotReadyError, notReadyMessage } from './kata-model';
import { learnerTrainable, type KataChoice } from './learner-model';
import { runLoop, type TrainableModel } from './loop';
import type { TrainMetrics } from './metrics';
import type { EpochProgress } from './progress';
import type { WeightTiles } from './weight-grid-png';

export interface RunResult {
  metrics: TrainMetrics;
  weights: WeightTiles;
}

export interface RunOptions {
  repoRoot: string;
  progress?: EpochProgress;
  /** Which learner's Model `--model katas` trains (kata 08 when ready, else 06, by default). */
  kata?: KataChoice;
  /** Told, once the model is chosen, what trains (and why kata 08's was passed over). */
  announce?: (line: string) => void;
}

export function runTraining(
  config: TrainConfig,
  { repoRoot, progress, kata = 'auto', announce = () => {} }: RunOptions,
): RunResult {
  const started = performance.now();
  const digits = loadDigits(config);
  const loaded = performance.now();

  let model: TrainableModel<DigitBatch>;
  if (config.model === 'engine') {
    manualSeed(config.seed);
    model = engineTrainable(digits, config);
  } else {
    const chosen = learnerTrainable({ ...config, model: config.model }, digits, repoRoot, kata);
    announce(chosen.note ? `${chosen.note}\n${chosen.description}` : chosen.description);
    model = chosen.model;
  }

  let result;
  try {
    result = runLoop(model, {
      epochs: config.epochs,
      batchesFor: (epoch) => epochBatches(digits, config.batchSize, config.seed, epoch),
      progress,
    });
  } catch (error) {
    // A stub deep inside the learner's Model throws `not implemented yet` on its first call.
    if (config.model !== 'engine' && /not implemented yet/.test(String(error)))
      throw new KataNotReadyError(notReadyMessage(error));
    throw error;
  }
  const finished = performance.now();
  const last = result.epochs.at(-1);
  const metrics: TrainMetrics = {
    config,
    stepLosses: result.stepLosses,
    initial: { valLoss: result.initial.loss, valAccuracy: result.initial.accuracy },
    epochs: result.epochs,
    final: last
      ? { valLoss: last.valLoss, valAccuracy: last.valAccuracy }
      : { valLoss: result.initial.loss, valAccuracy: result.initial.accuracy },
    seconds: {
      load: (loaded - started) / 1000,
      train: (finished - loaded) / 1000,
      total: (finished - started) / 1000,
    },
  };
  return { metrics, weights: model.firstLayer() };
}
