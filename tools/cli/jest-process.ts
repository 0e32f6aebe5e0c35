import { spawn } from 'node:child_process';
import { kataFolderPattern } from '../jest/test-args';
import { KATAS_DIR, REPO_ROOT } from './repo';

export interface JestOptions {
  /** Arguments after `jest`. */
  args: string[];
  /** The repository to run in (its jest.config.ts); the main checkout by default. */
  cwd?: string;
  /** Variables to set (a string) or remove (undefined) on top of this process's environment. */
  env?: Record<string, string | undefined>;
  /**
   * Where jest's own output goes: the terminal (`inherit`), our stderr so that stdout stays clean
   * for JSON (`stderr`), or nowhere but the returned text (`capture`).
   */
  output?: 'inherit' | 'stderr' | 'capture';
}

export interface JestOutcome {
  exitCode: number;
  /** Everything jest printed, when output is `stderr` or `capture`. */
  text: string;
}

/** The jest CLI of the main checkout; a git worktree borrows it through its node_modules link. */
export function jestBin(root: string = REPO_ROOT): string {
  return require.resolve('jest/bin/jest', { paths: [root] });
}

const OUTPUT_FILE_NOTE = /^Test results written to: .*\r?\n/gm;

/** Runs jest in a child process (its own process, so one crashing kata cannot take the tool down). */
export function runJest(options: JestOptions): Promise<JestOutcome> {
  const output = options.output ?? 'inherit';
  const env = { ...process.env };
  for (const [name, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [jestBin(), ...options.args], {
      cwd: options.cwd ?? REPO_ROOT,
      env,
      stdio: output === 'inherit' ? 'inherit' : ['ignore', 'pipe', 'pipe'],
    });
    let text = '';
    const collect = (chunk: Buffer) => {
      text += chunk.toString();
      // jest names the temporary --outputFile it wrote; that file is ours and already gone.
      if (output === 'stderr') process.stderr.write(chunk.toString().replace(OUTPUT_FILE_NOTE, ''));
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ exitCode: code ?? (signal ? 1 : 0), text }));
  });
}

/**
 * The jest arguments that run one kata's test files, named by path (relative to the root, so
 * jest's closing line reads `Ran all test suites within paths "katas/03-expand-as/…"`).
 */
export function kataTestFileArgs(kata: { id: string; tests: readonly string[] }): string[] {
  return katasTestFileArgs([kata]);
}

/** The same for several katas in one run (in the order given). */
export function katasTestFileArgs(
  katas: readonly { id: string; tests: readonly string[] }[],
): string[] {
  const paths = katas.flatMap((kata) =>
    kata.tests.map((test) => `${KATAS_DIR}/${kata.id}/${test}`),
  );
  return ['--runTestsByPath', ...paths];
}

/** A test path pattern that matches exactly one kata's folder (see test-args.js). */
export function kataTestPattern(id: string, root: string = REPO_ROOT): string {
  return kataFolderPattern(id, root);
}
