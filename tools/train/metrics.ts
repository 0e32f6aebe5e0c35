/** What one training run measured: written to out/metrics.json and drawn in the report. */
import type { TrainConfig } from './config';

export interface EpochMetrics {
  epoch: number;
  /** Mean of the mini-batch losses over the epoch (the weights move while it is measured). */
  trainLoss: number;
  valLoss: number;
  /** Share of validation digits classified right (the kata model: its prediction rounded). */
  valAccuracy: number;
  /** Seconds spent on this epoch's training steps (evaluation excluded). */
  seconds: number;
}

export interface TrainMetrics {
  config: TrainConfig;
  /** Loss of every mini-batch in order, for the loss curve. */
  stepLosses: number[];
  /** Validation before any training: the baseline the curve falls from. */
  initial: { valLoss: number; valAccuracy: number };
  epochs: EpochMetrics[];
  final: { valLoss: number; valAccuracy: number };
  seconds: { load: number; train: number; total: number };
}
