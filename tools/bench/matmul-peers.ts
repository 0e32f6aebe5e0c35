/**
 * Part 2 of `npm run bench`: the engine's float32 matmul (WebAssembly SIMD) against tfjs-wasm,
 * the engine's JavaScript kernel, tfjs-cpu and a naive loop. The measurement lives in
 * tools/bench/matmul.ts, shared with `npm run bench:matmul`.
 */
import {
  clockLine,
  matmulSection,
  matmulTable,
  runMatmulBench,
  targetLine,
  type MatmulBenchResult,
} from './matmul';

export async function runMatmulComparison({
  quick,
  say,
}: {
  quick: boolean;
  say: (line: string) => void;
}): Promise<MatmulBenchResult> {
  const result = await runMatmulBench({ quick, say });
  say(`\n${clockLine(result)}\n`);
  say(matmulTable(result));
  say(`\n${targetLine(result)}\n`);
  return result;
}

export { matmulSection };
