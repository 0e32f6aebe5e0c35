/**
 * The matmul benchmark: the engine's float32 matmul (the WebAssembly SIMD kernel) against
 * @tensorflow/tfjs-backend-wasm (XNNPACK, SIMD), the engine's own JavaScript kernel,
 * @tensorflow/tfjs-backend-cpu and a naive ikj loop, on the same float32 n x n products, side by
 * side in one process (timings on a shared machine swing by tens of percent between runs, so
 * only same-run ratios mean much). Used by `npm run bench:matmul` and by `npm run bench`.
 */
import os from 'node:os';
import { matmul, type Tensor } from '../../src';
import { matmulKernel, type StridedMatrix } from '../../src/tensor/matmul-kernel';
import { tensorFromData } from '../../src/tensor/tensor';
import { wasmKernels } from '../../src/tensor/wasm/runtime';
import { Bench } from 'tinybench';
import { describeMachine, machineLine, type Machine } from './machine';

export const MATMUL_SIZES = [64, 128, 256, 512, 1024];
const QUICK_SIZES = [64, 128, 256, 512];
/** The slow contenders (naive loop, tfjs-cpu) take seconds per product above this size. */
const SLOW_MAX = 512;
/** The target: the engine at least this many times tfjs-wasm's GFLOP/s at n = 512. */
export const TARGET_RATIO = 1;
/** And its goal, with fused multiply-adds. */
export const GOAL_RATIO = 1.5;
const TARGET_SIZE = 512;

export interface MatmulTiming {
  medianMs: number;
  gflops: number;
}

export interface MatmulRow {
  n: number;
  /** The engine's `matmul` on float32 tensors: the WebAssembly kernel, copies and result included. */
  engine: MatmulTiming;
  /** The engine's JavaScript kernel (float64 products, and float32 where WebAssembly is missing). */
  jsKernel: MatmulTiming;
  tfjsWasm: MatmulTiming;
  /** null above SLOW_MAX. */
  tfjsCpu: MatmulTiming | null;
  naive: MatmulTiming | null;
  /** Largest |engine - tfjs-wasm| over the product: both must compute the same thing. */
  maxAbsDiff: number;
}

export interface MatmulBenchResult {
  machine: Machine;
  clock: Clock;
  /** 1-minute load average before and after the run: other work on the machine skews timings. */
  load: { before: number; after: number };
  quick: boolean;
  rows: MatmulRow[];
  /** Which build of the WebAssembly kernel ran: 'simd' or 'relaxed-simd' (fused multiply-add). */
  flavour: string;
  /** engine GFLOP/s over tfjs-wasm GFLOP/s at n = 512 (null when 512 was not run). */
  ratioAt512: number | null;
  target: number;
  goal: number;
}

/**
 * `cpu` times by the process's CPU time: on a shared machine, time spent waiting for a core does
 * not count, so the numbers stay close to those of an idle machine. `wall` is the wall clock.
 * All three contenders are single-threaded JavaScript, so on an idle machine the two agree.
 */
export type Clock = 'cpu' | 'wall';

export interface MatmulBenchOptions {
  quick?: boolean;
  clock?: Clock;
  sizes?: number[];
  /** Progress lines, one per size. */
  say?: (line: string) => void;
}

type TfModule = typeof import('@tensorflow/tfjs-core');
type TfBackend = 'cpu' | 'wasm';

/**
 * Loads tfjs-core with its pure-JS CPU backend and its WebAssembly backend (single-threaded in
 * Node). The "install tfjs-node" greeting comes with the first tensor stored, so one throwaway
 * tensor per backend is made while the console is muted.
 */
async function loadTfjs(): Promise<TfModule> {
  const log = console.log;
  const warn = console.warn;
  console.log = console.warn = () => undefined;
  try {
    const tf = await import('@tensorflow/tfjs-core');
    await import('@tensorflow/tfjs-backend-cpu');
    await import('@tensorflow/tfjs-backend-wasm');
    for (const backend of ['wasm', 'cpu'] as const) {
      await useBackend(tf, backend);
      tf.tensor1d([0]).dispose();
    }
    return tf;
  } finally {
    console.log = log;
    console.warn = warn;
  }
}

async function useBackend(tf: TfModule, backend: TfBackend): Promise<void> {
  if (!(await tf.setBackend(backend))) throw new Error(`tfjs backend ${backend} did not load`);
  await tf.ready();
}

/** A tfjs product of two n x n matrices on one backend, read back with dataSync. */
function tfjsProduct(tf: TfModule, n: number, aData: Float32Array, bData: Float32Array) {
  const a = tf.tensor2d(aData, [n, n], 'float32');
  const b = tf.tensor2d(bData, [n, n], 'float32');
  return {
    // dataSync inside the timed region: the product is really computed and read back.
    run: () => {
      const c = tf.matMul(a, b);
      const values = c.dataSync();
      c.dispose();
      return values;
    },
    dispose: () => {
      a.dispose();
      b.dispose();
    },
  };
}

/** The loop a learner writes first: i, then k, then j, straight over the arrays. */
export function naiveIkj(n: number, a: Float32Array, b: Float32Array): Float32Array {
  const out = new Float32Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let p = 0; p < n; p++) {
      const aip = a[i * n + p];
      for (let j = 0; j < n; j++) out[i * n + j] += aip * b[p * n + j];
    }
  }
  return out;
}

function jsKernelProduct(n: number, a: StridedMatrix, b: StridedMatrix): Float32Array {
  const out = new Float32Array(n * n); // allocated per call, as tfjs allocates its result
  matmulKernel(n, n, n, a, b, out, 0);
  return out;
}

function randomMatrix(n: number): Float32Array {
  const m = new Float32Array(n * n);
  for (let i = 0; i < m.length; i++) m[i] = Math.random() * 2 - 1;
  return m;
}

/** Time budget per function and size: the slow contenders at n = 1024 take seconds per call. */
function budgetMs(n: number, quick: boolean): number {
  if (quick) return 150;
  return n >= 1024 ? 1000 : 1500;
}

const cpuMs = (): number => {
  const { user, system } = process.cpuUsage(); // microseconds
  return (user + system) / 1000;
};

const CLOCKS = {
  cpu: { name: 'process CPU time', fn: cpuMs, fromMs: (ms: number) => ms, toMs: Number },
  wall: 'performanceNow',
} as const;

/**
 * Median milliseconds per call with tinybench. A first probe call sizes the run, so a 10 µs
 * product and a 5 s one both fit the budget: slow functions get a few plain iterations.
 */
async function medianMs(fn: () => unknown, budget: number, clock: Clock): Promise<number> {
  const now = clock === 'cpu' ? cpuMs : () => performance.now();
  const start = now();
  fn();
  const probeMs = now() - start;
  const slow = probeMs > budget / 10;
  const bench = new Bench({
    timestampProvider: CLOCKS[clock],
    time: slow ? 0 : budget,
    iterations: slow ? Math.max(2, Math.min(5, Math.floor(budget / probeMs))) : 10,
    warmup: !slow,
    warmupTime: Math.min(100, budget / 5),
    warmupIterations: 5,
  });
  bench.add('product', fn);
  await bench.run();
  const result = bench.tasks[0]?.result;
  if (!result || !('latency' in result)) throw new Error('the benchmark did not complete');
  return result.latency.p50;
}

async function timeProduct(n: number, fn: () => unknown, quick: boolean, clock: Clock) {
  const ms = await medianMs(fn, budgetMs(n, quick), clock);
  return { medianMs: ms, gflops: (2 * n * n * n) / (ms * 1e6) };
}

export async function runMatmulBench(options: MatmulBenchOptions = {}): Promise<MatmulBenchResult> {
  const quick = options.quick ?? false;
  const clock = options.clock ?? 'cpu';
  const sizes = options.sizes ?? (quick ? QUICK_SIZES : MATMUL_SIZES);
  const say = options.say ?? (() => undefined);
  const loadBefore = os.loadavg()[0];
  const tf = await loadTfjs();
  const rows: MatmulRow[] = [];

  for (const n of sizes) {
    const aData = randomMatrix(n);
    const bData = randomMatrix(n);
    const a: StridedMatrix = { data: aData, offset: 0, rowStride: n, colStride: 1 };
    const b: StridedMatrix = { data: bData, offset: 0, rowStride: n, colStride: 1 };
    const aT: Tensor = tensorFromData(aData, [n, n], 'float32');
    const bT: Tensor = tensorFromData(bData, [n, n], 'float32');
    const engineProduct = () => matmul(aT, bT);

    await useBackend(tf, 'wasm');
    const tfWasm = tfjsProduct(tf, n, aData, bData);
    const ours = engineProduct().storage().data;
    const theirs = tfWasm.run();
    let maxAbsDiff = 0;
    for (let i = 0; i < ours.length; i++) {
      maxAbsDiff = Math.max(maxAbsDiff, Math.abs(ours[i] - theirs[i]));
    }
    // The two contenders the targets are about, alternated so that load hits both alike.
    const engine = await timeProduct(n, engineProduct, quick, clock);
    const tfjsWasm = await timeProduct(n, tfWasm.run, quick, clock);
    tfWasm.dispose();
    const jsKernel = await timeProduct(n, () => jsKernelProduct(n, a, b), quick, clock);
    let tfjsCpu: MatmulTiming | null = null;
    let naive: MatmulTiming | null = null;
    if (n <= SLOW_MAX) {
      await useBackend(tf, 'cpu');
      const tfCpu = tfjsProduct(tf, n, aData, bData);
      tfjsCpu = await timeProduct(n, tfCpu.run, quick, clock);
      tfCpu.dispose();
      naive = await timeProduct(n, () => naiveIkj(n, aData, bData), quick, clock);
    }

    const row = { n, engine, jsKernel, tfjsWasm, tfjsCpu, naive, maxAbsDiff };
    rows.push(row);
    say(rowLine(row));
  }

  const at512 = rows.find((r) => r.n === TARGET_SIZE);
  return {
    machine: describeMachine(),
    clock,
    load: { before: loadBefore, after: os.loadavg()[0] },
    quick,
    rows,
    flavour: wasmKernels()?.flavour ?? 'none (JavaScript kernel)',
    ratioAt512: at512 ? at512.engine.gflops / at512.tfjsWasm.gflops : null,
    target: TARGET_RATIO,
    goal: GOAL_RATIO,
  };
}

const gflops = (t: MatmulTiming | null): string => (t === null ? '—' : t.gflops.toFixed(2));
const ms = (t: MatmulTiming): string =>
  t.medianMs >= 100 ? t.medianMs.toFixed(0) : t.medianMs.toPrecision(2);
const ratio = (x: number): string => `${x >= 10 ? x.toFixed(0) : x.toFixed(2)}x`;

function rowLine(r: MatmulRow): string {
  return (
    `n=${r.n}: engine ${gflops(r.engine)} GFLOP/s, tfjs-wasm ${gflops(r.tfjsWasm)}, ` +
    `JS kernel ${gflops(r.jsKernel)}, tfjs-cpu ${gflops(r.tfjsCpu)}, naive ${gflops(r.naive)} ` +
    `(engine/tfjs-wasm ${ratio(r.engine.gflops / r.tfjsWasm.gflops)})`
  );
}

/** A markdown table: GFLOP/s (median ms per product) for each contender, then the ratios. */
export function matmulTable(result: MatmulBenchResult): string {
  const lines = [
    '| n | engine (WebAssembly SIMD) | tfjs-wasm | engine JS kernel | tfjs-cpu | naive ikj | engine / tfjs-wasm | engine / JS kernel |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of result.rows) {
    const cell = (t: MatmulTiming | null) => (t === null ? '—' : `${gflops(t)} (${ms(t)} ms)`);
    lines.push(
      `| ${r.n} | ${cell(r.engine)} | ${cell(r.tfjsWasm)} | ${cell(r.jsKernel)} | ` +
        `${cell(r.tfjsCpu)} | ${cell(r.naive)} | ${ratio(r.engine.gflops / r.tfjsWasm.gflops)} | ` +
        `${ratio(r.engine.gflops / r.jsKernel.gflops)} |`,
    );
  }
  return lines.join('\n');
}

/** The verdict on the target, in one line. */
export function targetLine(result: MatmulBenchResult): string {
  if (result.ratioAt512 === null)
    return `n = ${TARGET_SIZE} was not run: no verdict on the target.`;
  const met = result.ratioAt512 >= result.target ? 'met' : 'NOT met';
  const goal = result.ratioAt512 >= result.goal ? 'met' : 'not met';
  return (
    `At n = ${TARGET_SIZE} the engine (${result.flavour} build) runs ` +
    `${result.ratioAt512.toFixed(2)}x the GFLOP/s of tfjs-wasm ` +
    `(target ${result.target}x: ${met}; goal ${result.goal}x: ${goal}).`
  );
}

/** A warning when other processes competed for the cores during the run, else ''. */
export function loadNote(result: MatmulBenchResult): string {
  const load = Math.max(result.load.before, result.load.after);
  if (load < result.machine.cores * 0.5) {
    return `1-minute load average ${load.toFixed(2)} on ${result.machine.cores} cores.`;
  }
  return (
    `The machine was busy (1-minute load average up to ${load.toFixed(2)} on ` +
    `${result.machine.cores} cores)${result.clock === 'wall' ? ': wall-clock numbers are low and ratios noisy.' : '.'}`
  );
}

/** What the numbers are and how they were timed. */
export function clockLine(result: MatmulBenchResult): string {
  const clock = result.clock === 'cpu' ? 'process CPU time' : 'the wall clock';
  return `GFLOP/s = 2n³ / median time per product (in brackets, ms), timed by ${clock}.`;
}

/** The body of the `matmul` section of docs/benchmarks.md. */
export function matmulSection(result: MatmulBenchResult): string {
  const note = loadNote(result);
  return [
    `${machineLine(result.machine)}${result.quick ? ' Quick run.' : ''}${note ? ' ' + note : ''}`,
    '',
    `float32 n x n @ n x n. ${clockLine(result)} Higher is better. Every product allocates ` +
      "its result; tfjs's are read back with `dataSync()`. The engine column is `matmul` on " +
      'float32 tensors (the WebAssembly kernel, including the copies into and out of its memory).',
    '',
    matmulTable(result),
    '',
    targetLine(result),
  ].join('\n');
}
