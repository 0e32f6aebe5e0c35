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

  it("the lesson's kata 08 Model (reference answer) trains by default: loss.backward() and SGD", () => {
    const said: string[] = [];
    const { metrics, weights } = runTraining(small('solutions'), {
      repoRoot,
      announce: (line) => said.push(line),
    });
    expect(said).toEqual([
      expect.stringMatching(/^kata 08 Model \(solutions\/08-to-pytorch\) 784-50-1/),
    ]);
    expect(metrics.stepLosses).toHaveLength(20);
    expect(mean(metrics.stepLosses.slice(-5))).toBeLessThan(mean(metrics.stepLosses.slice(0, 5)));
    expect(metrics.final.valLoss).toBeLessThan(metrics.initial.valLoss);
    expect(weights.tiles).toHaveLength(50);
    expect(weights.tiles[0]).toHaveLength(784);
  });

  it("the lesson's kata 06 Model (reference answer) on request: the MSE loss falls", () => {
    const said: string[] = [];
    const { metrics, weights } = runTraining(small('solutions'), {
      repoRoot,
      kata: '06',
      announce: (line) => said.push(line),
    });
    expect(said).toEqual([expect.stringMatching(/^kata 06 Model \(solutions\/06-module\)/)]);
    expect(mean(metrics.stepLosses.slice(-5))).toBeLessThan(mean(metrics.stepLosses.slice(0, 5)));
    expect(metrics.final.valLoss).toBeLessThan(metrics.initial.valLoss);
    expect(weights.tiles).toHaveLength(50);
  });

  it('untouched stubs: the message names the kata to finish', () => {
    expect(() => runTraining(small('katas', { epochs: 1 }), { repoRoot })).toThrow(
      /^Your kata 06-module Model cannot train yet \(not implemented yet: .* in katas\/0\d-[a-z-]+\/.*\)\. Finish kata 0\d-[a-z-]+ first: npm run kata -- 0\d/,
    );
    expect(() => runTraining(small('katas', { epochs: 1 }), { repoRoot, kata: '08' })).toThrow(
      /^Your kata 08-to-pytorch Model cannot train yet \(not implemented yet: Model in katas\/08-to-pytorch\/to-pytorch\.ts\)\. Finish kata 08-to-pytorch first: npm run kata -- 08/,
    );
  });
});
