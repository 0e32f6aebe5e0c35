/** The benchmark results as terminal text and as the markdown sections of docs/benchmarks.md. */
import { formatDuration, formatRatio, markdownTable } from './format';
import type { LadderStep } from './ladder';
import { machineLine, type Machine } from './machine';
import type { ElementwiseTiming } from './elementwise';
import type { EpochTiming } from './epoch';
import type { MlpTiming } from './mlp';
import type { PytorchResult, PytorchTimings } from './pytorch';

/** PyTorch's timings when it ran. */
function timingsOf(pytorch: PytorchResult | null): PytorchTimings | undefined {
  return pytorch !== null && 'timings' in pytorch ? pytorch.timings : undefined;
}

/**
 * Three cells of a row: the engine's time, PyTorch's, and the engine's over PyTorch's; '—' for
 * the last two without PyTorch.
 */
function versus(engineMs: number, theirMs: number | undefined): string[] {
  if (theirMs === undefined) return [formatDuration(engineMs), '—', '—'];
  return [formatDuration(engineMs), formatDuration(theirMs), formatRatio(engineMs / theirMs)];
}

/** How the PyTorch column was measured, or why it is empty. */
export function pytorchLine(pytorch: PytorchResult | null): string {
  if (pytorch === null) return 'PyTorch was not run (`--only` left it out).';
  if ('missing' in pytorch) return `No PyTorch column: ${pytorch.missing}.`;
  return (
    `PyTorch ${pytorch.timings.version} (BLAS: ${pytorch.timings.blas}) on one thread ` +
    '(`torch.set_num_threads(1)`), run by `npm run bench` in a child process right after the ' +
    'engine, on the same random shapes, timed by the wall clock like the engine rows.'
  );
}

/** The load average before and after, which colours every number on a shared machine. */
export function loadLine(load: { before: number; after: number }, cores: number): string {
  return `1-minute load average ${load.before.toFixed(2)} before and ${load.after.toFixed(2)} after the run, on ${cores} cores.`;
}

export function ladderTable(steps: readonly LadderStep[]): string {
  return markdownTable(
    [
      'step',
      'engine (median)',
      'speed-up over previous',
      'over the loop',
      'lesson (Python)',
      'PyTorch, same machine',
    ],
    steps.map((s, i) => [
      s.name,
      formatDuration(s.timing.medianMs),
      i === 0 ? '' : formatRatio(s.speedupOverPrevious),
      i === 0 ? '' : formatRatio(s.speedupOverLoop),
      s.lesson || '—',
      s.pytorchHere,
    ]),
  );
}

export function ladderSection(steps: readonly LadderStep[], machine: Machine): string {
  return [
    '## The matmul ladder: 5x784 @ 784x10',
    '',
    'The lesson multiplies five digits (5x784) by a 784x10 weight matrix five ways, each step',
    'removing a loop. The first four rungs are the reference answers of katas 01 and 02 running on',
    "the engine; the last is the engine's own matmul. `npm run bench` measures them side by side.",
    '',
    ladderTable(steps),
    '',
    machineLine(machine),
    "The lesson's numbers come from its notebook on other hardware; the PyTorch column was measured",
    'on this machine.',
  ].join('\n');
}

export function mlpTable(
  mlp: MlpTiming | null,
  epoch: EpochTiming | null,
  pytorch: PytorchResult | null = null,
): string {
  const torch = timingsOf(pytorch);
  const rows: string[][] = [];
  if (mlp) {
    rows.push([
      `forward, ${mlp.rows.toLocaleString('en-US')}x784 → 50 → 1, MSE`,
      ...versus(mlp.forwardMs, torch?.mlpForwardMs),
      '23 ms',
    ]);
    rows.push([
      "backward (autograd, incl. the input's gradient)",
      ...versus(mlp.backwardMs, torch?.mlpBackwardMs),
      '86 ms',
    ]);
  }
  if (epoch) {
    rows.push([
      `capstone epoch: 784-50-10, ${epoch.trainSize.toLocaleString('en-US')} digits, batch ${epoch.batchSize}, SGD`,
      ...versus(epoch.secondsPerEpoch * 1000, torch?.epochMs),
      '—',
    ]);
  }
  return markdownTable(
    ['what', 'engine (median)', 'PyTorch here, 1 thread', 'engine / PyTorch', 'lesson (PyTorch)'],
    rows,
  );
}

export function elementwiseTable(
  timing: ElementwiseTiming,
  pytorch: PytorchResult | null = null,
): string {
  const torch = timingsOf(pytorch);
  const row = (what: string, ms: number, theirs: number | undefined) => [
    what,
    ...versus(ms, theirs),
  ];
  return markdownTable(
    ['what (float32)', 'engine (median)', 'PyTorch here, 1 thread', 'engine / PyTorch'],
    [
      row('add of two 1e6-element tensors', timing.add.medianMs, torch?.addMs),
      row(
        'the same in place (`add_`: no new result)',
        timing.addInPlace.medianMs,
        torch?.addInPlaceMs,
      ),
      row('[1000, 1000] + [1000] (broadcast)', timing.broadcastAdd.medianMs, torch?.broadcastAddMs),
      row('relu of 1e6 (half negative)', timing.relu.medianMs, torch?.reluMs),
      row('[1000, 1000].sum(0)', timing.sumDim0.medianMs, torch?.sumDim0Ms),
    ],
  );
}

export function elementwiseSection(
  timing: ElementwiseTiming,
  pytorch: PytorchResult | null,
  machine: Machine,
  load: { before: number; after: number },
): string {
  return [
    '## Elementwise ops and reductions',
    '',
    elementwiseTable(timing, pytorch),
    '',
    `${machineLine(machine)} ${loadLine(load, machine.cores)}`,
    pytorchLine(pytorch),
  ].join('\n');
}

export function mlpSection(
  mlp: MlpTiming | null,
  epoch: EpochTiming | null,
  machine: Machine,
  pytorch: PytorchResult | null = null,
  load: { before: number; after: number } | null = null,
): string {
  return [
    "## The lesson's MLP, forward and backward, and a capstone epoch",
    '',
    'The lesson times its 784-50-1 MLP on the 50,000 training digits. The `mnist` package ships',
    "only 10,000 digits, so this benchmark uses random data of the lesson's shape (50,000x784):",
    'the arithmetic is the same, and the time does not depend on the values.',
    '',
    mlpTable(mlp, epoch, pytorch),
    '',
    load ? `${machineLine(machine)} ${loadLine(load, machine.cores)}` : machineLine(machine),
    pytorchLine(pytorch),
    epoch
      ? `The capstone epoch is the default \`npm run train\` model, the median of epochs ${epoch.warmupEpochs + 1}–${epoch.epochs} of a ${epoch.epochs}-epoch run (the first ${epoch.warmupEpochs} ran while V8 was still compiling: ${epoch.epochSeconds
          .slice(0, epoch.warmupEpochs)
          .map((s) => formatDuration(s * 1000))
          .join(
            ', ',
          )}; PyTorch leaves out one); its validation accuracy at the end was ${(100 * epoch.valAccuracy).toFixed(1)}%.`
      : '',
  ].join('\n');
}
