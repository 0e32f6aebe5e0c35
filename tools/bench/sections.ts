/** The benchmark results as terminal text and as the markdown sections of docs/benchmarks.md. */
import { formatDuration, formatRatio, markdownTable } from './format';
import type { LadderStep } from './ladder';
import { machineLine, type Machine } from './machine';
import type { EpochTiming } from './epoch';
import type { MlpTiming } from './mlp';

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

export function mlpTable(mlp: MlpTiming | null, epoch: EpochTiming | null): string {
  const rows: string[][] = [];
  if (mlp) {
    rows.push([
      `forward, ${mlp.rows.toLocaleString('en-US')}x784 → 50 → 1, MSE`,
      formatDuration(mlp.forwardMs),
      '23 ms',
    ]);
    rows.push([
      "backward (autograd, incl. the input's gradient)",
      formatDuration(mlp.backwardMs),
      '86 ms',
    ]);
  }
  if (epoch) {
    rows.push([
      `capstone epoch: 784-50-10, ${epoch.trainSize.toLocaleString('en-US')} digits, batch ${epoch.batchSize}, SGD`,
      `${formatDuration(epoch.secondsPerEpoch * 1000)}`,
      '~75 ms (PyTorch here)',
    ]);
  }
  return markdownTable(['what', 'engine (median)', 'PyTorch'], rows);
}

export function mlpSection(
  mlp: MlpTiming | null,
  epoch: EpochTiming | null,
  machine: Machine,
): string {
  return [
    "## The lesson's MLP, forward and backward, and a capstone epoch",
    '',
    'The lesson times its 784-50-1 MLP on the 50,000 training digits. The `mnist` package ships',
    "only 10,000 digits, so this benchmark uses random data of the lesson's shape (50,000x784):",
    'the arithmetic is the same, and the time does not depend on the values.',
    '',
    mlpTable(mlp, epoch),
    '',
    machineLine(machine),
    epoch
      ? `The capstone epoch is the default \`npm run train\` model; its validation accuracy after ${epoch.epochs} epoch(s) in this run was ${(100 * epoch.valAccuracy).toFixed(1)}%.`
      : '',
  ].join('\n');
}
