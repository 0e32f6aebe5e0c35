import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type JestReport, readJestReport } from './jest-json';
import { kataTestPattern, runJest } from './jest-process';
import { REPO_ROOT } from './repo';

export interface KatasRun {
  /** jest's report, or null when jest died before writing one. */
  report: JestReport | null;
  exitCode: number;
  /** Everything jest printed (kept quiet unless something needs explaining). */
  output: string;
}

/**
 * Runs the tests of some katas in one jest process against a chosen source (`katas`,
 * `solutions` or an absolute copy) and returns the JSON report. jest's own output is captured
 * (the callers summarise it) or, with `output: 'stderr'`, also shown on stderr.
 */
export async function runKatasForReport(
  ids: readonly string[],
  source: string,
  extraEnv: Record<string, string> = {},
  output: 'capture' | 'stderr' = 'capture',
): Promise<KatasRun> {
  return runKatasProjectForReport(
    ['--testPathPatterns', ...ids.map((id) => kataTestPattern(id))],
    { KATA_SOURCE: source, ...extraEnv },
    output,
  );
}

/** The katas project with `args` and `env`, its JSON report read from a scratch file. */
export async function runKatasProjectForReport(
  args: readonly string[],
  env: Record<string, string>,
  output: 'capture' | 'stderr' = 'capture',
): Promise<KatasRun> {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'kata-run-'));
  try {
    const outputFile = path.join(scratch, 'jest.json');
    const { exitCode, text } = await runJest({
      args: ['--selectProjects', 'katas', '--ci', '--json', '--outputFile', outputFile, ...args],
      env,
      output,
    });
    return { report: readJestReport(outputFile), exitCode, output: text };
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

/** The folder a kata's test files live in, as jest reports them (absolute, with a separator). */
export function kataTestFolder(id: string, root: string = REPO_ROOT): string {
  return path.join(root, 'katas', id) + path.sep;
}
