/**
 * Which of the learner's models `--model katas` (or `solutions`) trains: kata 08's, PyTorch's
 * style and the last kata, when it passes a check on a few digits; otherwise kata 06's, with its
 * hand-written backward, saying why; and when neither can train, which kata to finish.
 */
import { manualSeed, type Tensor } from '../../src';
import type { TrainConfig } from './config';
import type { Digits, DigitBatch } from './digits';
import { checkKataModel } from './kata-check';
import {
  KATA_ID,
  kataTrainable,
  KataNotReadyError,
  loadKataModel,
  notReadyMessage,
  type KataSource,
} from './kata-model';
import type { TrainableModel } from './loop';
import {
  checkPytorchKataModel,
  loadPytorchKataModel,
  PYTORCH_KATA_ID,
  pytorchKataTrainable,
} from './pytorch-model';

export interface LearnerModel {
  model: TrainableModel<DigitBatch>;
  /** One line saying what trains, e.g. `kata 08 Model (katas/08-to-pytorch) 784-50-1, …`. */
  description: string;
  /** Why kata 08's Model was passed over, when it was. */
  note?: string;
}

/** `06` or `08` to train that kata's Model only; by default 08 when it is ready, else 06. */
export type KataChoice = 'auto' | '06' | '08';

const few = (t: Tensor) => t.narrow(0, 0, Math.min(32, t.shape[0]));

/** Runs `build`, turning an unfinished stub's error into a KataNotReadyError for that kata. */
function ready<T>(build: () => T, kataId: string): T {
  try {
    return build();
  } catch (error) {
    if (error instanceof KataNotReadyError) throw error;
    throw new KataNotReadyError(notReadyMessage(error, kataId));
  }
}

function pytorchModel(source: KataSource, digits: Digits, config: TrainConfig, repoRoot: string) {
  return ready(() => {
    const Model = loadPytorchKataModel(source, repoRoot);
    checkPytorchKataModel(
      Model,
      few(digits.trainX),
      few(digits.trainLabels).float(),
      config.hidden,
    );
    // Seeded after the check, so the check does not change which weights training starts from.
    manualSeed(config.seed);
    return pytorchKataTrainable(Model, digits, config);
  }, PYTORCH_KATA_ID);
}

function handWrittenModel(
  source: KataSource,
  digits: Digits,
  config: TrainConfig,
  repoRoot: string,
) {
  return ready(() => {
    const Model = loadKataModel(source, repoRoot);
    checkKataModel(Model, few(digits.trainX), few(digits.trainLabels).float(), config.hidden);
    manualSeed(config.seed);
    return kataTrainable(Model, digits, config);
  }, KATA_ID);
}

export function learnerTrainable(
  config: TrainConfig & { model: KataSource },
  digits: Digits,
  repoRoot: string,
  choice: KataChoice = 'auto',
): LearnerModel {
  const source = config.model;
  const shape = `784-${config.hidden}-1, MSE on the digit value, plain SGD (lr ${config.lr} ${config.schedule})`;
  const pytorch = `kata 08 Model (${source}/${PYTORCH_KATA_ID}) ${shape}, gradients from loss.backward()`;
  const handWritten = `kata 06 Model (${source}/${KATA_ID}) ${shape}, gradients from your backward()`;
  if (choice === '08')
    return { model: pytorchModel(source, digits, config, repoRoot), description: pytorch };
  if (choice === '06')
    return { model: handWrittenModel(source, digits, config, repoRoot), description: handWritten };
  let passedOver: KataNotReadyError;
  try {
    return { model: pytorchModel(source, digits, config, repoRoot), description: pytorch };
  } catch (error) {
    if (!(error instanceof KataNotReadyError)) throw error;
    passedOver = error;
  }
  const model = handWrittenModel(source, digits, config, repoRoot);
  return {
    model,
    description: handWritten,
    note: `${passedOver.message}\nTraining your kata 06 Model instead; finish kata 08 to train the PyTorch-style one.`,
  };
}
