/**
 * Writes the run's report: loss-curve.png, first-layer-weights.png and metrics.json in one folder.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { lineChartPng, type Series } from './line-chart-png';
import type { TrainMetrics } from './metrics';
import { weightGridPng, type WeightTiles } from './weight-grid-png';

export interface ReportFiles {
  lossCurve: string;
  weights: string;
  metrics: string;
}

/** The batch losses on an epoch axis (step 125 of 125 steps per epoch sits at x = 1). */
export function lossSeries(metrics: TrainMetrics): Series[] {
  const perEpoch = metrics.stepLosses.length / Math.max(metrics.epochs.length, 1);
  const train: Series = {
    name: 'train batch loss',
    colour: [70, 130, 220],
    points: metrics.stepLosses.map((loss, i) => [(i + 1) / perEpoch, loss] as const),
  };
  const validation: Series = {
    name: 'validation loss',
    colour: [230, 120, 20],
    points: [
      [0, metrics.initial.valLoss] as const,
      ...metrics.epochs.map((e) => [e.epoch, e.valLoss] as const),
    ],
  };
  return [train, validation];
}

export function writeReport(dir: string, metrics: TrainMetrics, weights: WeightTiles): ReportFiles {
  mkdirSync(dir, { recursive: true });
  const files: ReportFiles = {
    lossCurve: path.join(dir, 'loss-curve.png'),
    weights: path.join(dir, 'first-layer-weights.png'),
    metrics: path.join(dir, 'metrics.json'),
  };
  writeFileSync(files.lossCurve, lineChartPng(lossSeries(metrics), { xLabel: 'epoch' }));
  writeFileSync(files.weights, weightGridPng(weights));
  writeFileSync(files.metrics, JSON.stringify(metrics, null, 2) + '\n');
  return files;
}
