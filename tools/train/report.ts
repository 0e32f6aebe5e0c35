/**
 * Writes the run's report to one folder: the loss curve (PNG, and SVG for a sharp copy at any
 * size), the first layer's weights as a PNG, and metrics.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { lossChartSpec } from './loss-chart';
import type { TrainMetrics } from './metrics';
import { renderChart, type ChartRenderer } from './render-png';
import { weightGridPng, type WeightTiles } from './weight-grid-png';

export interface ReportFiles {
  lossCurve: string;
  lossCurveSvg: string;
  weights: string;
  metrics: string;
}

export async function writeReport(
  dir: string,
  metrics: TrainMetrics,
  weights: WeightTiles,
  render: ChartRenderer = renderChart,
): Promise<ReportFiles> {
  mkdirSync(dir, { recursive: true });
  const files: ReportFiles = {
    lossCurve: path.join(dir, 'loss-curve.png'),
    lossCurveSvg: path.join(dir, 'loss-curve.svg'),
    weights: path.join(dir, 'first-layer-weights.png'),
    metrics: path.join(dir, 'metrics.json'),
  };
  const chart = await render(lossChartSpec(metrics));
  writeFileSync(files.lossCurve, chart.png);
  writeFileSync(files.lossCurveSvg, chart.svg);
  writeFileSync(files.weights, weightGridPng(weights));
  writeFileSync(files.metrics, JSON.stringify(metrics, null, 2) + '\n');
  return files;
}
