/**
 * Initialisation (lesson 07): the mean and std of the activations after each of 50 layers, for the
 * lesson's five ways of drawing the weights, at a width the learner picks (batch 200, manualSeed(0)
 * before each run, as in the lesson's table).
 */
import { manualSeed, randn, type Tensor } from '../../../src';
import { charts, el, fmt, whenVisible, widgetHeader } from '../dom';

export interface InitKind {
  name: string;
  weights: (n: number) => Tensor;
  relu: boolean;
}

export const initKinds: InitKind[] = [
  { name: 'randn', weights: (n) => randn(n, n), relu: false },
  { name: 'randn × 0.01', weights: (n) => randn(n, n).mul(0.01), relu: false },
  { name: 'randn / √n', weights: (n) => randn(n, n).mul(1 / Math.sqrt(n)), relu: false },
  { name: 'randn / √n, ReLU', weights: (n) => randn(n, n).mul(1 / Math.sqrt(n)), relu: true },
  { name: 'Kaiming √(2/n), ReLU', weights: (n) => randn(n, n).mul(Math.sqrt(2 / n)), relu: true },
];

export interface LayerPoint {
  init: string;
  layer: number;
  mean: number;
  std: number;
}

export function activationStats(
  kind: InitKind,
  depth: number,
  batch: number,
  width: number,
): LayerPoint[] {
  manualSeed(0);
  let x = randn(batch, width);
  const points: LayerPoint[] = [];
  for (let layer = 1; layer <= depth; layer++) {
    x = x.matmul(kind.weights(width));
    if (kind.relu) x = x.clampMin(0);
    points.push({ init: kind.name, layer, mean: x.mean().item(), std: x.std().item() });
  }
  return points;
}

/** What happened to a run, in the lesson's words. */
export function verdict(points: LayerPoint[]): string {
  const last = points[points.length - 1];
  const firstNan = points.find((p) => !Number.isFinite(p.std));
  if (firstNan) return `overflows: inf/nan from layer ${firstNan.layer}`;
  const firstZero = points.find((p) => p.std === 0);
  if (firstZero) return `vanishes: std is 0 from layer ${firstZero.layer}`;
  return `std after layer ${last.layer}: ${fmt(last.std)}`;
}

const DEPTH = 50;
const BATCH = 200;

export function mountInit(root: HTMLElement): void {
  widgetHeader(
    root,
    'Activations through 50 layers',
    'x = randn(200, width), then 50 times x = x @ W (and ReLU where named), with W drawn afresh by each rule. ' +
      'The std axis is logarithmic: a line that leaves the chart has overflowed to inf/nan or underflowed to 0 (see the table).',
  );
  const width = el('input', {
    type: 'range',
    name: 'width',
    min: '10',
    max: '200',
    step: '10',
    value: '100',
  });
  const widthText = el('output', { 'data-testid': 'width', text: '100' });
  const status = el('span', {
    class: 'note',
    'data-testid': 'status',
    text: 'runs when scrolled into view',
  });
  const stdChart = el('div', { class: 'chart', 'data-testid': 'std-chart' });
  const meanChart = el('div', { class: 'chart', 'data-testid': 'mean-chart' });
  const table = el('table', { 'data-testid': 'verdicts' });
  root.append(
    el(
      'div',
      { class: 'controls' },
      el('label', { class: 'field' }, 'width n ', width),
      widthText,
      status,
    ),
    stdChart,
    meanChart,
    table,
  );

  let pending = 0;
  const update = async (): Promise<void> => {
    const run = ++pending;
    const n = Number(width.value);
    widthText.textContent = String(n);
    status.textContent = 'computing…';
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (run !== pending) return;
    const runs = initKinds.map((kind) => activationStats(kind, DEPTH, BATCH, n));
    const points = runs.flat();
    const plotted = points.filter((p) => Number.isFinite(p.std) && p.std > 0);
    const shared = {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json' as const,
      width: 560,
      height: 200,
      mark: { type: 'line' as const, point: false, tooltip: true },
    };
    const color = {
      field: 'init',
      type: 'nominal' as const,
      sort: initKinds.map((k) => k.name),
      title: 'weights',
    };
    const { drawChart } = await charts();
    await drawChart(stdChart, {
      ...shared,
      data: { values: plotted },
      encoding: {
        x: { field: 'layer', type: 'quantitative', title: 'layer' },
        y: {
          field: 'std',
          type: 'quantitative',
          scale: { type: 'log' },
          title: 'std of activations (log)',
        },
        color,
      },
    });
    await drawChart(meanChart, {
      ...shared,
      height: 140,
      data: { values: points.filter((p) => Number.isFinite(p.mean)) },
      encoding: {
        x: { field: 'layer', type: 'quantitative', title: 'layer' },
        y: {
          field: 'mean',
          type: 'quantitative',
          scale: { type: 'symlog' },
          axis: { format: '.0e' },
          title: 'mean (symlog)',
        },
        color,
      },
    });
    if (run !== pending) return;
    table.replaceChildren(
      el(
        'tr',
        {},
        el('th', { text: 'weights' }),
        el('th', { text: 'after layer 1' }),
        el('th', { text: 'after 50 layers' }),
      ),
      ...runs.map((r) =>
        el(
          'tr',
          { 'data-init': r[0].init },
          el('td', { text: r[0].init }),
          el('td', { text: `std ${fmt(r[0].std)}` }),
          el('td', { text: verdict(r) }),
        ),
      ),
    );
    status.textContent = `width ${n}: done`;
  };
  width.addEventListener('input', () => void update());
  whenVisible(root, () => void update());
}
