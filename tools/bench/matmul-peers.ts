/**
 * Part 2 of `npm run bench`: the engine's matmul against tfjs-cpu and a naive loop. The
 * measurement itself lives in tools/bench/matmul.ts (shared with `npm run bench:matmul`); this
 * file only calls it, and skips with a note when it is not there.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

export interface MatmulComparison {
  skipped?: string;
  results?: unknown;
}

type MatmulBench = (options: { quick: boolean }) => unknown;

function findBench(): MatmulBench | string {
  const file = path.join(__dirname, 'matmul.ts');
  if (!existsSync(file)) return 'tools/bench/matmul.ts is not there yet';
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- optional part, loaded when present
  const exported = require(file) as Record<string, unknown>;
  const fn = exported.runMatmulBench;
  return typeof fn === 'function'
    ? (fn as MatmulBench)
    : 'tools/bench/matmul.ts does not export runMatmulBench';
}

export async function runMatmulComparison({
  quick,
  say,
}: {
  quick: boolean;
  say: (line: string) => void;
}): Promise<MatmulComparison> {
  const bench = findBench();
  if (typeof bench === 'string') {
    say(`   skipped: ${bench} (npm run bench:matmul runs it on its own)\n`);
    return { skipped: bench };
  }
  const results = await bench({ quick });
  say('');
  return { results };
}
