import path from 'node:path';
import { defaultConfig, type TrainConfig } from './config';
import { runTraining } from './run';

const repoRoot = path.resolve(__dirname, '../..');

// A few hundred digits and a few steps: enough to see the loss fall, fast enough for every run.
function small(model: TrainConfig['model'], overrides: Partial<TrainConfig> = {}): TrainConfig {
  return {
    ...defaultConfig(model),
    trainSize: 320,
    valSize: 100,
    batchSize: 32,
    epochs: 2,
    seed: 7,
    ...overrides,
  };
}

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

describe('training on a few hundred digits', () => {
  it('the engine model: the loss falls, and every epoch is recorded', () => {
    const { metrics, weights } = runTraining(small('engine'), { repoRoot });
    expect(metrics.stepLosses).toHaveLength(20);
    expect(metrics.epochs.map((e) => e.epoch)).toEqual([1, 2]);
    expect(mean(metrics.stepLosses.slice(-5))).toBeLessThan(mean(metrics.stepLosses.slice(0, 5)));
    expect(metrics.final.valLoss).toBeLessThan(metrics.initial.valLoss);
    expect(weights.tiles).toHaveLength(50);
    expect(weights.tiles[0]).toHaveLength(784);
  });

  it('the engine model is reproducible for a fixed seed', () => {
    const config = small('engine', { epochs: 1, trainSize: 96 });
    const first = runTraining(config, { repoRoot }).metrics.stepLosses;
    expect(runTraining(config, { repoRoot }).metrics.stepLosses).toEqual(first);
  });

  it("the lesson's kata 06 Model (reference answer): the MSE loss falls", () => {
    const { metrics, weights } = runTraining(small('solutions'), { repoRoot });
    expect(metrics.stepLosses).toHaveLength(20);
    expect(mean(metrics.stepLosses.slice(-5))).toBeLessThan(mean(metrics.stepLosses.slice(0, 5)));
    expect(metrics.final.valLoss).toBeLessThan(metrics.initial.valLoss);
    expect(weights.tiles).toHaveLength(50);
  });
});
