/**
 * `npm run bench`: the lesson's matmul ladder, the engine's matmul against tfjs-cpu and a naive
 * loop, and the lesson's MLP forward/backward plus a capstone epoch, measured side by side in one
 * process. `--json` prints the results as JSON, `--write` updates docs/benchmarks.md, `--quick`
 * runs a short version.
 */
import path from 'node:path';
import { Command } from 'commander';
import { writeSections } from './bench/doc-sections';
import { runEpochTiming, type EpochTiming } from './bench/epoch';
import { formatDuration, formatRatio } from './bench/format';
import { runLadder } from './bench/ladder';
import { describeMachine } from './bench/machine';
import { matmulSection, runMatmulComparison } from './bench/matmul-peers';
import { runMlpForwardBackward, type MlpTiming } from './bench/mlp';
import { ladderSection, ladderTable, mlpSection, mlpTable } from './bench/sections';

const program = new Command('bench')
  .description("Benchmark the matmul ladder, matmul against peers, and the lesson's MLP.")
  .option('--json', 'print the results as JSON (progress goes to stderr)')
  .option('--write', 'update the ladder and MLP sections of docs/benchmarks.md')
  .option('--quick', 'a short run: smaller time budgets and sizes')
  .option('--only <parts>', 'comma-separated subset of ladder,matmul,mlp', 'ladder,matmul,mlp');

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
    say('2. Engine matmul vs tfjs-cpu vs a naive loop');
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
    say(
      `   capstone epoch ${formatDuration(epoch.secondsPerEpoch * 1000)} (PyTorch here: ~75 ms, ${formatRatio(epoch.secondsPerEpoch / 0.075)} slower)`,
    );
    results.mlp = mlp;
    results.epoch = epoch;
    say('\n' + mlpTable(mlp, epoch) + '\n');
  }

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
    if (mlp || epoch) sections.mlp = mlpSection(mlp, epoch, machine);
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
