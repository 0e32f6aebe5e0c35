/**
 * `npm run bench:matmul`: the engine's float32 matmul against tfjs-wasm, its JavaScript kernel,
 * tfjs-cpu and a naive loop,
 * n = 64 ... 1024, printed as a table. `--json` prints the results as JSON instead, `--write`
 * also updates the matmul section of docs/benchmarks.md, `--quick` is a short run for smoke tests,
 * `--clock wall` times by the wall clock instead of process CPU time.
 */
import path from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { writeSections } from './bench/doc-sections';
import { machineLine } from './bench/machine';
import {
  clockLine,
  loadNote,
  matmulSection,
  matmulTable,
  runMatmulBench,
  targetLine,
  type Clock,
} from './bench/matmul';

function parseSizes(raw: string): number[] {
  const sizes = raw.split(',').map((s) => Number(s.trim()));
  if (sizes.some((n) => !Number.isInteger(n) || n < 1)) {
    throw new InvalidArgumentError(`expected comma-separated positive integers, got "${raw}"`);
  }
  return sizes;
}

const program = new Command('bench:matmul')
  .description(
    'Benchmark the float32 matmul against tfjs-wasm, its JS kernel, tfjs-cpu and a naive loop.',
  )
  .option('--json', 'print the results as JSON (progress goes to stderr)')
  .option('--write', 'update the matmul section of docs/benchmarks.md')
  .option('--quick', 'a short run: n up to 512, small time budgets')
  .option('--sizes <list>', 'comma-separated sizes n, e.g. 64,512', parseSizes)
  .addOption(
    new Option('--clock <clock>', 'time by process CPU time or by the wall clock')
      .choices(['cpu', 'wall'])
      .default('cpu'),
  );

async function main(): Promise<void> {
  program.parse();
  const opts = program.opts<{
    json?: boolean;
    write?: boolean;
    quick?: boolean;
    sizes?: number[];
    clock: Clock;
  }>();
  // With --json, stdout carries only the JSON; the running commentary goes to stderr.
  const say = (line: string) => (opts.json ? process.stderr : process.stdout).write(line + '\n');

  const result = await runMatmulBench({
    quick: opts.quick,
    sizes: opts.sizes,
    clock: opts.clock,
    say,
  });
  if (opts.json) {
    process.stdout.write(JSON.stringify(result, null, 2) + '\n');
  } else {
    say(`\n${machineLine(result.machine)}\n${clockLine(result)}\n`);
    say(matmulTable(result));
    say(`\n${targetLine(result)}`);
    const note = loadNote(result);
    if (note) say(note);
  }
  if (opts.write) {
    const file = path.resolve(__dirname, '../docs/benchmarks.md');
    writeSections(file, { matmul: matmulSection(result) });
    say(`updated ${path.relative(process.cwd(), file)} (section: matmul)`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
