/**
 * The matmul ladder (lessons 01 and 02): the lesson's 5x784 @ 784x10 product five ways, each rung
 * removing a loop, timed in this browser and plotted on a log scale.
 */
import { einsum, manualSeed, randn, zeros, type Tensor } from '../../../src';
import { charts, el, fmt, widgetHeader } from '../dom';

export interface Rung {
  name: string;
  code: string;
  run: (a: Tensor, b: Tensor) => Tensor;
}

export const rungs: Rung[] = [
  {
    name: '1. three loops',
    code: 'c.set([i, j], c.get(i, j) + a.get(i, k) * b.get(k, j))',
    run: (a, b) => {
      const [m, k] = a.shape;
      const n = b.shape[1];
      const c = zeros(m, n);
      for (let i = 0; i < m; i++)
        for (let j = 0; j < n; j++)
          for (let p = 0; p < k; p++) c.set([i, j], c.get(i, j) + a.get(i, p) * b.get(p, j));
      return c;
    },
  },
  {
    name: '2. elementwise',
    code: "c.set([i, j], a.index(i, ':').mul(b.index(':', j)).sum().item())",
    run: (a, b) => {
      const [m] = a.shape;
      const n = b.shape[1];
      const c = zeros(m, n);
      for (let i = 0; i < m; i++)
        for (let j = 0; j < n; j++)
          c.set([i, j], a.index(i, ':').mul(b.index(':', j)).sum().item());
      return c;
    },
  },
  {
    name: '3. broadcast',
    code: "c.index(i, ':').copy_(a.index(i, ':').unsqueeze(-1).mul(b).sum(0))",
    run: (a, b) => {
      const c = zeros(a.shape[0], b.shape[1]);
      for (let i = 0; i < a.shape[0]; i++)
        c.index(i, ':').copy_(a.index(i, ':').unsqueeze(-1).mul(b).sum(0));
      return c;
    },
  },
  {
    name: '4. einsum',
    code: "einsum('ik,kj->ij', a, b)",
    run: (a, b) => einsum('ik,kj->ij', a, b),
  },
  { name: '5. matmul', code: 'a.matmul(b)', run: (a, b) => a.matmul(b) },
];

export interface Timing {
  rung: string;
  ms: number;
  runs: number;
  /** Largest difference from the engine's matmul. */
  maxDiff: number;
}

/** Runs fn until `budget` ms have passed (at least once), returns the mean time per run. */
function time(fn: () => unknown, budget: number): { ms: number; runs: number } {
  let runs = 0;
  const start = performance.now();
  let now = start;
  do {
    fn();
    runs++;
    now = performance.now();
  } while (now - start < budget);
  return { ms: (now - start) / runs, runs };
}

const nextFrame = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export function mountLadder(root: HTMLElement): void {
  widgetHeader(
    root,
    'The matmul ladder, in your browser',
    "The lesson's 5×784 @ 784×10 product (randn, manualSeed(0)), computed five ways by the engine running in this page. " +
      'Each rung is timed for at least 100 ms; the chart uses a log scale because the rungs differ by orders of magnitude.',
  );
  const run = el('button', { type: 'button', 'data-testid': 'run-ladder', text: 'run the ladder' });
  const status = el('span', { class: 'note', 'data-testid': 'status' });
  const table = el('table', { class: 'timings', 'data-testid': 'timings' });
  const chart = el('div', { class: 'chart', 'data-testid': 'chart' });
  root.append(el('div', { class: 'controls' }, run, status), chart, table);

  run.addEventListener('click', async () => {
    run.disabled = true;
    manualSeed(0);
    const a = randn(5, 784);
    const b = randn(784, 10);
    const reference = a.matmul(b);
    const timings: Timing[] = [];
    table.replaceChildren(
      el(
        'tr',
        {},
        el('th', { text: 'rung' }),
        el('th', { text: 'code' }),
        el('th', { text: 'ms per product' }),
        el('th', { text: 'runs' }),
        el('th', { text: 'max |c − a.matmul(b)|' }),
      ),
    );
    for (const rung of rungs) {
      status.textContent = `running ${rung.name}…`;
      await nextFrame();
      const c = rung.run(a, b);
      const maxDiff = c.sub(reference).abs().max().item();
      const { ms, runs } = time(() => rung.run(a, b), 100);
      timings.push({ rung: rung.name, ms, runs, maxDiff });
      table.append(
        el(
          'tr',
          {},
          el('td', { text: rung.name }),
          el('td', {}, el('code', { text: rung.code })),
          el('td', { text: fmt(ms) }),
          el('td', { text: String(runs) }),
          el('td', { text: fmt(maxDiff) }),
        ),
      );
    }
    const slowest = timings[0].ms;
    const fastest = timings[timings.length - 1].ms;
    // Bars on a log scale need a baseline above 0: a decade below the fastest rung.
    const floor = 10 ** Math.floor(Math.log10(Math.min(...timings.map((t) => t.ms))) - 1);
    const { drawChart } = await charts();
    await drawChart(chart, {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      width: 560,
      height: 180,
      data: { values: timings },
      mark: { type: 'bar', tooltip: true },
      encoding: {
        y: { field: 'rung', type: 'nominal', sort: null, title: null },
        x: {
          field: 'ms',
          type: 'quantitative',
          scale: { type: 'log', domainMin: floor },
          title: 'milliseconds per product (log scale)',
        },
        x2: { datum: floor },
        color: { field: 'rung', type: 'nominal', legend: null },
      },
    });
    status.textContent = `done: the loops took ${Math.round(slowest / fastest)}× as long as matmul.`;
    run.disabled = false;
  });
}
