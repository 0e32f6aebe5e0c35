/**
 * The loss curve of a training run as a Vega-Lite spec: every mini-batch loss on an epoch axis and
 * the validation loss after each epoch. Pure data in, spec out; render-png.ts draws it.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { TrainMetrics } from './metrics';

export const TRAIN_SERIES = 'train batch loss';
export const VALIDATION_SERIES = 'validation loss';

/**
 * Fonts in order of preference: macOS, Windows, then the usual Linux families. The renderer uses
 * the first one the machine has, so the chart reads the same everywhere. The names stay unquoted:
 * resvg finds `DejaVu Sans` but not `'DejaVu Sans'`, and without a match it falls back to whatever
 * font it loaded first (a serif, here), as it does for a bare `sans-serif`.
 */
export const CHART_FONT = 'Helvetica, Arial, DejaVu Sans, Liberation Sans, Noto Sans, sans-serif';

export interface LossPoint {
  series: typeof TRAIN_SERIES | typeof VALIDATION_SERIES;
  epoch: number;
  /** null for a loss that is not a finite number (a diverged run): the line breaks there. */
  loss: number | null;
}

const finiteOrNull = (v: number): number | null => (Number.isFinite(v) ? v : null);

/** The batch losses on an epoch axis (step 125 of 125 steps per epoch sits at epoch 1). */
export function lossPoints(metrics: TrainMetrics): LossPoint[] {
  const perEpoch = metrics.stepLosses.length / Math.max(metrics.epochs.length, 1);
  const train = metrics.stepLosses.map((loss, i): LossPoint => ({
    series: TRAIN_SERIES,
    epoch: (i + 1) / perEpoch,
    loss: finiteOrNull(loss),
  }));
  // The loss before any training, at epoch 0, is where both curves start from.
  const validation = [
    { epoch: 0, valLoss: metrics.initial.valLoss },
    ...metrics.epochs.map(({ epoch, valLoss }) => ({ epoch, valLoss })),
  ].map(({ epoch, valLoss }): LossPoint => ({
    series: VALIDATION_SERIES,
    epoch,
    loss: finiteOrNull(valLoss),
  }));
  return [...train, ...validation];
}

function describeRun({ config, final }: TrainMetrics): { title: string; subtitle: string } {
  const digits = `${config.trainSize.toLocaleString('en-US')} training / ${config.valSize.toLocaleString('en-US')} validation digits`;
  const accuracy = `${(100 * final.valAccuracy).toFixed(2)}%`;
  if (config.model === 'engine')
    return {
      title: `784-${config.hidden}-10 MLP on the engine's autograd`,
      subtitle: `${digits} · validation accuracy ${accuracy}`,
    };
  return {
    title: `Kata 06 Model (${config.model}), 784-${config.hidden}-1`,
    subtitle: `${digits} · validation accuracy ${accuracy} (prediction rounded)`,
  };
}

export function lossChartSpec(metrics: TrainMetrics): TopLevelSpec {
  const { title, subtitle } = describeRun(metrics);
  const lossName = metrics.config.model === 'engine' ? 'cross-entropy loss' : 'MSE loss';
  const epochs = Math.max(metrics.epochs.length, 1);
  const colour = {
    field: 'series',
    type: 'nominal',
    title: null,
    scale: { domain: [TRAIN_SERIES, VALIDATION_SERIES], range: ['#4c78a8', '#f58518'] },
    legend: {
      orient: 'top',
      direction: 'horizontal',
      symbolType: 'stroke',
      symbolStrokeWidth: 3,
      offset: 8,
    },
  } as const;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: title, subtitle },
    width: 640,
    height: 340,
    background: 'white',
    data: { values: lossPoints(metrics) },
    encoding: {
      x: {
        field: 'epoch',
        type: 'quantitative',
        title: 'epoch',
        scale: { domain: [0, epochs], nice: false },
        axis: { tickMinStep: 1, format: 'd', grid: false },
      },
      // Losses are positive: the axis starts at 0 so the eye reads how far the loss fell.
      y: {
        field: 'loss',
        type: 'quantitative',
        title: lossName,
        scale: { zero: true },
        axis: { tickCount: 6 },
      },
      color: colour,
    },
    layer: [
      {
        // Hundreds of noisy batch losses: thin and a little faded, so the validation line stays
        // readable on top of them.
        transform: [{ filter: { field: 'series', equal: TRAIN_SERIES } }],
        mark: { type: 'line', strokeWidth: 1, opacity: 0.75 },
      },
      {
        transform: [{ filter: { field: 'series', equal: VALIDATION_SERIES } }],
        mark: { type: 'line', strokeWidth: 2.5, point: { size: 40, filled: true } },
      },
    ],
    config: {
      font: CHART_FONT,
      title: { fontSize: 15, subtitleFontSize: 12, subtitleColor: '#555', anchor: 'start' },
      axis: { labelFontSize: 12, titleFontSize: 13, titleFontWeight: 'normal' },
      legend: { labelFontSize: 12, padding: 6 },
      view: { stroke: '#ccc' },
    },
  };
}
