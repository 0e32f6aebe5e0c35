/**
 * `npm run bench`: the lesson's matmul ladder, the engine's matmul against tfjs-wasm, its own
 * JavaScript kernel, tfjs-cpu and a naive loop, the lesson's MLP forward/backward plus a capstone
 * epoch, and elementwise ops and reductions, measured side by side in one process; then the same
 * workloads in PyTorch on one thread when it is installed, for the ratios. `--json` prints the
 * results as JSON, `--write` updates docs/benchmarks.md, `--quick` runs a short version.
 */
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { writeSections } from './bench/doc-sections';
import { runElementwise, type ElementwiseTiming } from './bench/elementwise';
import { runEpochTiming, type EpochTiming } from './bench/epoch';
import { formatDuration, formatRatio } from './bench/format';
import { runLadder } from './bench/ladder';
import { describeMachine } from './bench/machine';
import type { MatmulBenchResult } from './bench/matmul';
import { matmulSection, runMatmulComparison } from './bench/matmul-peers';
import { runMlpForwardBackward, type MlpTiming } from './bench/mlp';
import { runPytorch, type PytorchResult } from './bench/pytorch';
import {
  elementwiseSection,
  elementwiseTable,
  ladderSection,
  ladderTable,
  loadLine,
  mlpSection,
  mlpTable,
  pytorchLine,
} from './bench/sections';

const program = new Command('bench')
  .description("Benchmark the matmul ladder, matmul against peers, and the lesson's MLP.")
  .option('--json', 'print the results as JSON (progress goes to stderr)')
  .option('--write', 'update the ladder and MLP sections of docs/benchmarks.md')
  .option('--quick', 'a short run: smaller time budgets and sizes')
  .option(
    '--only <parts>',
    'comma-separated subset of ladder,matmul,mlp,elementwise,pytorch',
    'ladder,matmul,mlp,elementwise,pytorch',
  );

async function main(): Promise<void> {
  program.parse();
  const opts = program.opts<{ json?: boolean; write?: boolean; quick?: boolean; only: string }>();
  const quick = Boolean(opts.quick);
  const parts = new Set(opts.only.split(',').map((p) => p.trim()));
  // With --json, stdout carries only the JSON; the running commentary goes to stderr.
  const say = (line: string) => (opts.json ? process.stderr : process.stdout).write(line + '\n');
  const machine = describeMachine();
  say(
    `${machine.cpu}, ${machine.cores} cores, Node ${machine.node}${quick ? ' (quick run)' : ''}\n`,
  );

  const loadBefore = os.loadavg()[0];
  say(`1-minute load average at the start: ${loadBefore.toFixed(2)} on ${machine.cores} cores\n`);
  const results: Record<string, unknown> = { machine, quick };

  if (parts.has('ladder')) {
    say("1. The lesson's ladder on 5x784 @ 784x10");
    const ladder = await runLadder({ quick });
    results.ladder = ladder;
    say(ladderTable(ladder) + '\n');
    for (const s of ladder)
      if (s.maxAbsDiff > 1e-3)
        say(`warning: ${s.name} differs from the engine's matmul by ${s.maxAbsDiff}`);
  }

  if (parts.has('matmul')) {
    say('2. Engine matmul vs tfjs-wasm, its JavaScript kernel, tfjs-cpu and a naive loop');
    results.matmul = await runMatmulComparison({ quick, say });
  }

  let mlp: MlpTiming | null = null;
  let epoch: EpochTiming | null = null;
  if (parts.has('mlp')) {
    say("3. The lesson's MLP on 50,000x784 (random data of that shape) and a capstone epoch");
    mlp = runMlpForwardBackward({ quick });
    say(
      `   forward ${formatDuration(mlp.forwardMs)}, backward ${formatDuration(mlp.backwardMs)} (PyTorch in the lesson: 23 ms, 86 ms)`,
    );
    epoch = runEpochTiming({ quick });
    say(`   capstone epoch ${formatDuration(epoch.secondsPerEpoch * 1000)}`);
    results.mlp = mlp;
    results.epoch = epoch;
  }

  let elementwise: ElementwiseTiming | null = null;
  if (parts.has('elementwise')) {
    say('4. Elementwise ops and reductions');
    elementwise = await runElementwise({ quick });
    results.elementwise = elementwise;
  }

  let pytorch: PytorchResult | null = null;
  if (parts.has('pytorch')) {
    say('5. The same workloads in PyTorch, one thread (a child process; takes a minute)');
    pytorch = runPytorch({ quick, clock: 'wall' });
    results.pytorch = pytorch;
    say(`   ${pytorchLine(pytorch)}`);
    if ('timings' in pytorch && results.matmul) {
      const engine512 = (results.matmul as MatmulBenchResult).rows.find((r) => r.n === 512);
      if (engine512) {
        say(
          `   matmul n=512: engine ${formatDuration(engine512.engine.medianMs)}, PyTorch ${formatDuration(pytorch.timings.matmul512Ms)} (${formatRatio(engine512.engine.medianMs / pytorch.timings.matmul512Ms)} slower)`,
        );
      }
    }
  }
  const load = { before: loadBefore, after: os.loadavg()[0] };
  results.load = load;
  if (mlp || epoch) say('\n' + mlpTable(mlp, epoch, pytorch) + '\n');
  if (elementwise) say(elementwiseTable(elementwise, pytorch) + '\n');
  say(loadLine(load, machine.cores));

  if (opts.json) process.stdout.write(JSON.stringify(results, null, 2) + '\n');
  if (opts.write) {
    const sections: Record<string, string> = {};
    if (results.ladder)
      sections.ladder = ladderSection(
        results.ladder as Parameters<typeof ladderSection>[0],
        machine,
      );
    if (results.matmul)
      sections.matmul = matmulSection(results.matmul as Parameters<typeof matmulSection>[0]);
    if (mlp || epoch) sections.mlp = mlpSection(mlp, epoch, machine, pytorch, load);
    if (elementwise) sections.elementwise = elementwiseSection(elementwise, pytorch, machine, load);
    const file = path.resolve(__dirname, '../docs/benchmarks.md');
    writeSections(file, sections);
    say(
      `updated ${path.relative(process.cwd(), file)} (sections: ${Object.keys(sections).join(', ')})`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
