import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';
import { defaultConfig } from './config';
import type { TrainMetrics } from './metrics';
import { writeReport } from './report';

function syntheticMetrics(): TrainMetrics {
  const stepLosses = Array.from({ length: 30 }, (_, i) => 2.3 * Math.exp(-i / 10) + 0.1);
  return {
    config: { ...defaultConfig('engine'), epochs: 3 },
    stepLosses,
    initial: { valLoss: 2.35, valAccuracy: 0.1 },
    epochs: [1, 2, 3].map((epoch) => ({
      epoch,
      trainLoss: 1 / epoch,
      valLoss: 1.1 / epoch,
      valAccuracy: 0.8 + epoch / 100,
      seconds: 0.5,
    })),
    final: { valLoss: 1.1 / 3, valAccuracy: 0.83 },
    seconds: { load: 0.1, train: 1.5, total: 1.6 },
  };
}

describe('the training report', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(os.tmpdir(), 'train-report-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a loss curve, a weight grid and metrics.json that decode', () => {
    const metrics = syntheticMetrics();
    const tiles = Array.from({ length: 12 }, (_, h) =>
      Float32Array.from({ length: 784 }, (_, i) => Math.sin(i + h)),
    );
    const files = writeReport(dir, metrics, { tiles, side: 28 });

    const curve = PNG.sync.read(readFileSync(files.lossCurve));
    expect(curve.width).toBeGreaterThan(100);
    expect(curve.height).toBeGreaterThan(100);
    // A white canvas with something drawn on it: not every pixel is white.
    expect(curve.data.some((v, i) => i % 4 !== 3 && v < 255)).toBe(true);

    // 12 tiles in rows of 10: two rows of 28x28 tiles zoomed 3x with 2-pixel gaps.
    const grid = PNG.sync.read(readFileSync(files.weights));
    expect(grid.width).toBe(2 + 10 * (84 + 2));
    expect(grid.height).toBe(2 + 2 * (84 + 2));

    expect(JSON.parse(readFileSync(files.metrics, 'utf8'))).toEqual(metrics);
  });

  it('still draws when the loss diverged to NaN', () => {
    const metrics = syntheticMetrics();
    metrics.stepLosses[5] = NaN;
    metrics.epochs[2].valLoss = NaN;
    const files = writeReport(dir, metrics, { tiles: [new Float32Array(784)], side: 28 });
    expect(() => PNG.sync.read(readFileSync(files.lossCurve))).not.toThrow();
  });
});
