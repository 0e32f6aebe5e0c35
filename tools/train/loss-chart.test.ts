import { defaultConfig, type ModelKind } from './config';
import {
  CHART_FONT,
  lossChartSpec,
  lossPoints,
  TRAIN_SERIES,
  VALIDATION_SERIES,
} from './loss-chart';
import type { TrainMetrics } from './metrics';

function metricsFor(model: ModelKind = 'engine'): TrainMetrics {
  // 3 epochs of 4 steps each.
  const stepLosses = Array.from({ length: 12 }, (_, i) => 2.3 * Math.exp(-i / 4) + 0.1);
  return {
    config: { ...defaultConfig(model), epochs: 3 },
    stepLosses,
    initial: { valLoss: 2.35, valAccuracy: 0.1 },
    epochs: [1, 2, 3].map((epoch) => ({
      epoch,
      trainLoss: 1 / epoch,
      valLoss: 1.1 / epoch,
      valAccuracy: 0.8 + epoch / 100,
      seconds: 0.5,
    })),
    final: { valLoss: 1.1 / 3, valAccuracy: 0.8312 },
    seconds: { load: 0.1, train: 1.5, total: 1.6 },
  };
}

describe('the loss chart data', () => {
  it('puts every batch loss on an epoch axis: the last step of epoch e sits at x = e', () => {
    const train = lossPoints(metricsFor()).filter((p) => p.series === TRAIN_SERIES);
    expect(train).toHaveLength(12);
    expect(train.map((p) => p.epoch)).toEqual([
      0.25, 0.5, 0.75, 1, 1.25, 1.5, 1.75, 2, 2.25, 2.5, 2.75, 3,
    ]);
    expect(train[0].loss).toBeCloseTo(2.4);
  });

  it('starts the validation loss at epoch 0, before any training', () => {
    const validation = lossPoints(metricsFor()).filter((p) => p.series === VALIDATION_SERIES);
    expect(validation.map((p) => [p.epoch, p.loss])).toEqual([
      [0, 2.35],
      [1, 1.1],
      [2, 0.55],
      [3, 1.1 / 3],
    ]);
  });

  it('turns a diverged (NaN or infinite) loss into a gap, not a point', () => {
    const metrics = metricsFor();
    metrics.stepLosses[5] = NaN;
    metrics.epochs[2].valLoss = Infinity;
    const points = lossPoints(metrics);
    expect(points.filter((p) => p.loss === null)).toHaveLength(2);
    expect(points.every((p) => p.loss === null || Number.isFinite(p.loss))).toBe(true);
  });
});

describe('the loss chart spec', () => {
  it('names both axes and the loss the model trains on', () => {
    const engine = JSON.stringify(lossChartSpec(metricsFor('engine')));
    expect(engine).toContain('"title":"epoch"');
    expect(engine).toContain('"title":"cross-entropy loss"');
    expect(JSON.stringify(lossChartSpec(metricsFor('solutions')))).toContain('"title":"MSE loss"');
  });

  it('has a legend for both series and a white background', () => {
    const spec = lossChartSpec(metricsFor()) as {
      background?: string;
      encoding: { color: { scale: { domain: string[] }; legend: object } };
    };
    const { color } = spec.encoding;
    expect(color.scale.domain).toEqual([TRAIN_SERIES, VALIDATION_SERIES]);
    expect(color.legend).toBeTruthy();
    expect(spec.background).toBe('white');
  });

  it('says what was trained and how well in the title', () => {
    const { title } = lossChartSpec(metricsFor()) as { title: { text: string; subtitle: string } };
    expect(title.text).toBe("784-50-10 MLP on the engine's autograd");
    expect(title.subtitle).toContain('8,000 training / 2,000 validation digits');
    expect(title.subtitle).toContain('83.12%');
  });

  it('asks for common fonts by unquoted name, ending in the generic sans-serif', () => {
    expect(lossChartSpec(metricsFor()).config?.font).toBe(CHART_FONT);
    expect(CHART_FONT).toMatch(/, sans-serif$/);
    expect(CHART_FONT).toContain('DejaVu Sans');
    // resvg matches `DejaVu Sans` but not `'DejaVu Sans'`.
    expect(CHART_FONT).not.toMatch(/['"]/);
  });
});
