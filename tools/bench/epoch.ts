/** The capstone's own cost: seconds per training epoch of `npm run train`'s default engine model. */
import path from 'node:path';
import { defaultConfig } from '../train/config';
import { runTraining } from '../train/run';

export interface EpochTiming {
  trainSize: number;
  batchSize: number;
  epochs: number;
  /** Epochs run first and left out of the median: V8 is still compiling the hot loops. */
  warmupEpochs: number;
  /** Median seconds of one epoch's training steps after the warm-up (evaluation excluded). */
  secondsPerEpoch: number;
  /** Every epoch's seconds, warm-up included, in order. */
  epochSeconds: number[];
  valAccuracy: number;
}

/**
 * Runs the model for a few epochs and takes the median of the second half: the first epochs run
 * while V8 is still compiling the engine's loops (here 1.5-2.5 times slower than from about the
 * fourth epoch on), as the PyTorch side leaves out its first epoch.
 */
export function runEpochTiming({ quick }: { quick: boolean }): EpochTiming {
  const config = { ...defaultConfig('engine'), epochs: quick ? 2 : 6 };
  const { metrics } = runTraining(config, { repoRoot: path.resolve(__dirname, '../..') });
  const epochSeconds = metrics.epochs.map((e) => e.seconds);
  const warmupEpochs = Math.floor(epochSeconds.length / 2);
  const measured = epochSeconds.slice(warmupEpochs).sort((a, b) => a - b);
  return {
    trainSize: config.trainSize,
    batchSize: config.batchSize,
    epochs: config.epochs,
    warmupEpochs,
    secondsPerEpoch: measured[Math.floor(measured.length / 2)],
    epochSeconds,
    valAccuracy: metrics.final.valAccuracy,
  };
}
