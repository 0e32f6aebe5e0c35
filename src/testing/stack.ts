import path from 'node:path';

/**
 * Stack frames, seen from a learner's side: the engine's own frames (src/) and dependencies are
 * noise when the mistake is in the kata file that called the engine.
 */

/** The repository root (this file lives in src/testing/). */
export const repoRoot = path.resolve(__dirname, '..', '..');
const engineDir = path.join(repoRoot, 'src') + path.sep;

const FRAME = /^\s+at .*?\(?((?:[A-Za-z]:)?[^():\s]+):(\d+):(\d+)\)?$/;

/** The engine, dependencies, node itself and test files: none of them is the learner's code. */
function isNoise(file: string): boolean {
  return (
    file.startsWith(engineDir) ||
    /\.test\.[jt]s$/.test(file) ||
    file.includes(`${path.sep}node_modules${path.sep}`) ||
    file.startsWith('node:')
  );
}

/** `katas/01-loop-matmul/matmul.ts:19:53`: the first frame outside the engine, or undefined. */
export function learnerFrame(error: unknown): string | undefined {
  if (!(error instanceof Error) || typeof error.stack !== 'string') return undefined;
  for (const line of error.stack.split('\n')) {
    const match = FRAME.exec(line);
    if (!match || isNoise(match[1])) continue;
    const file = path.relative(repoRoot, match[1]).split(path.sep).join('/');
    return `${file}:${match[2]}:${match[3]}`;
  }
  return undefined;
}

/**
 * Drops the engine's frames from an error's stack, so jest's code frame shows the learner's
 * line that called the engine rather than the engine's check that threw.
 */
export function withoutEngineFrames<E>(error: E): E {
  if (!(error instanceof Error) || typeof error.stack !== 'string') return error;
  const lines = error.stack.split('\n');
  const kept = lines.filter((line) => {
    const match = FRAME.exec(line);
    return !match || !isNoise(match[1]);
  });
  // Keep the stack as it was when nothing but engine frames would remain.
  if (kept.some((line) => FRAME.test(line))) error.stack = kept.join('\n');
  return error;
}
