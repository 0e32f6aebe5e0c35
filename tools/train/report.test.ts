import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';
import type { TopLevelSpec } from 'vega-lite';
import { defaultConfig } from './config';
import { lossChartSpec } from './loss-chart';
import type { TrainMetrics } from './metrics';
import type { ChartRenderer } from './render-png';
import { writeReport } from './report';

// jest cannot load vega (an ES module with top-level await): here the chart is drawn by a stand-in,
// and train-cli.test.ts checks the real drawing through `npm run train`.
const STAND_IN_PNG = PNG.sync.write(new PNG({ width: 4, height: 3 }));

function syntheticMetrics(): TrainMetrics {
  return {
    config: { ...defaultConfig('engine'), epochs: 2 },
    stepLosses: [2.3, 1.5, 0.9, 0.7],
    initial: { valLoss: 2.35, valAccuracy: 0.1 },
    epochs: [1, 2].map((epoch) => ({
      epoch,
      trainLoss: 1 / epoch,
      valLoss: 1.1 / epoch,
      valAccuracy: 0.8 + epoch / 100,
      seconds: 0.5,
    })),
    final: { valLoss: 0.55, valAccuracy: 0.82 },
    seconds: { load: 0.1, train: 1.5, total: 1.6 },
  };
}

describe('the training report', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(os.tmpdir(), 'train-report-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('draws the loss chart spec, and writes its PNG and SVG, the weight grid and metrics.json', async () => {
    const metrics = syntheticMetrics();
    const drawn: TopLevelSpec[] = [];
    const render: ChartRenderer = async (spec) => {
      drawn.push(spec);
      return { svg: '<svg xmlns="http://www.w3.org/2000/svg"/>', png: STAND_IN_PNG };
    };
    const tiles = [new Float32Array(784).fill(0.5)];
    const files = await writeReport(dir, metrics, { tiles, side: 28 }, render);

    expect(drawn).toEqual([lossChartSpec(metrics)]);
    expect(readFileSync(files.lossCurve)).toEqual(STAND_IN_PNG);
    expect(readFileSync(files.lossCurveSvg, 'utf8')).toMatch(/^<svg/);
    expect(PNG.sync.read(readFileSync(files.weights)).width).toBe(2 + 84 + 2);
    expect(JSON.parse(readFileSync(files.metrics, 'utf8'))).toEqual(metrics);
  });
});
