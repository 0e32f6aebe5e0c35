/**
 * The epoch loop shared by every model: train on each mini-batch, then measure on the validation
 * set. What a "step" means (autograd + SGD, or the lesson's hand-written backward) is the model's.
 */
import type { EpochMetrics } from './metrics';
import type { EpochProgress } from './progress';
import type { WeightTiles } from './weight-grid-png';

export interface Evaluation {
  loss: number;
  accuracy: number;
}

export interface TrainableModel<Batch> {
  /** One update on one mini-batch; returns that batch's loss before the update. */
  trainStep(batch: Batch): number;
  /** Loss and accuracy on the validation set, without recording gradients. */
  evaluate(): Evaluation;
  /** The first layer's weights as one 28x28 tile per hidden unit. */
  firstLayer(): WeightTiles;
}

export interface LoopResult {
  initial: Evaluation;
  stepLosses: number[];
  epochs: EpochMetrics[];
}

export interface LoopOptions<Batch> {
  epochs: number;
  /** The (shuffled) mini-batches of one epoch; called once per epoch, epochs numbered from 1. */
  batchesFor: (epoch: number) => Batch[];
  progress?: EpochProgress;
  /** Milliseconds clock, replaceable in tests. */
  now?: () => number;
}

export function runLoop<Batch>(
  model: TrainableModel<Batch>,
  options: LoopOptions<Batch>,
): LoopResult {
  const now = options.now ?? (() => performance.now());
  const initial = model.evaluate();
  const stepLosses: number[] = [];
  const epochs: EpochMetrics[] = [];
  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    const batches = options.batchesFor(epoch);
    options.progress?.start(epoch, batches.length);
    const started = now();
    let lossSum = 0;
    batches.forEach((batch, i) => {
      const loss = model.trainStep(batch);
      stepLosses.push(loss);
      lossSum += loss;
      options.progress?.step(i + 1, loss);
    });
    const seconds = (now() - started) / 1000;
    const val = model.evaluate();
    const metrics: EpochMetrics = {
      epoch,
      trainLoss: lossSum / Math.max(batches.length, 1),
      valLoss: val.loss,
      valAccuracy: val.accuracy,
      seconds,
    };
    epochs.push(metrics);
    options.progress?.finish(epochSummary(metrics));
  }
  return { initial, stepLosses, epochs };
}

export function epochSummary(m: EpochMetrics): string {
  return `train loss ${m.trainLoss.toFixed(4)}  val loss ${m.valLoss.toFixed(4)}  val acc ${(100 * m.valAccuracy).toFixed(2)}%  ${m.seconds.toFixed(1)}s`;
}
