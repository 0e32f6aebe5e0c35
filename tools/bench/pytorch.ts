/**
 * PyTorch on one thread, for side-by-side ratios: runs tools/bench/pytorch-side.py with
 * `/usr/bin/python3` (or `$BENCH_PYTHON`) when PyTorch is installed, and says so when it is not.
 * PyTorch is never a dependency of the project: without it `npm run bench` prints its own numbers.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

export interface PytorchTimings {
  version: string;
  /** The BLAS library PyTorch loaded (libopenblas…, or Debian's slow reference libblas.so.3). */
  blas: string;
  matmul512Ms: number;
  lessonMatmulMs: number;
  mlpForwardMs: number;
  mlpBackwardMs: number;
  epochMs: number;
  addMs: number;
  addInPlaceMs: number;
  broadcastAddMs: number;
  reluMs: number;
  sumDim0Ms: number;
}

export type PytorchResult = { timings: PytorchTimings } | { missing: string };

function python(): string {
  if (process.env.BENCH_PYTHON) return process.env.BENCH_PYTHON;
  // Debian's python3-torch installs for the system Python; another python3 may come first on PATH.
  return existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
}

export function runPytorch({
  quick,
  clock,
}: {
  quick: boolean;
  clock: 'cpu' | 'wall';
}): PytorchResult {
  const script = path.join(__dirname, 'pytorch-side.py');
  const args = [script, `--clock=${clock}`, ...(quick ? ['--quick'] : [])];
  const run = spawnSync(python(), args, {
    encoding: 'utf8',
    env: { ...process.env, OMP_NUM_THREADS: '1', OPENBLAS_NUM_THREADS: '1' },
  });
  if (run.error) return { missing: `no Python (${run.error.message})` };
  if (run.status !== 0) {
    const reason = /No module named 'torch'/.test(run.stderr)
      ? 'PyTorch is not installed (apt-get install python3-torch)'
      : `the PyTorch script failed: ${run.stderr.trim().split('\n').at(-1)}`;
    return { missing: reason };
  }
  return { timings: JSON.parse(run.stdout) as PytorchTimings };
}
