/** The capstone's own cost: seconds per training epoch of `npm run train`'s default engine model. */
import path from 'node:path';
import { defaultConfig } from '../train/config';
import { runTraining } from '../train/run';

export interface EpochTiming {
  trainSize: number;
  batchSize: number;
  epochs: number;
  /** Median seconds of one epoch's training steps (evaluation excluded). */
  secondsPerEpoch: number;
  valAccuracy: number;
}

export function runEpochTiming({ quick }: { quick: boolean }): EpochTiming {
  const config = { ...defaultConfig('engine'), epochs: quick ? 1 : 3 };
  const { metrics } = runTraining(config, { repoRoot: path.resolve(__dirname, '../..') });
  const seconds = metrics.epochs.map((e) => e.seconds).sort((a, b) => a - b);
  return {
    trainSize: config.trainSize,
    batchSize: config.batchSize,
    epochs: config.epochs,
    secondsPerEpoch: seconds[Math.floor(seconds.length / 2)],
    valAccuracy: metrics.final.valAccuracy,
  };
}
