import { execFileSync } from 'node:child_process';

export interface GitOptions {
  cwd: string;
  /** Extra variables, e.g. GIT_INDEX_FILE for a private index. */
  env?: Record<string, string>;
}

/** A git command that failed, with what git said about it. */
export class GitError extends Error {
  constructor(
    readonly args: readonly string[],
    readonly stderr: string,
  ) {
    super(`git ${args.join(' ')} failed: ${stderr.trim()}`);
    this.name = 'GitError';
  }
}

/** Runs git and returns its standard output without the trailing newline. */
export function git(args: readonly string[], options: GitOptions): string {
  try {
    return execFileSync('git', args, {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    }).replace(/\n$/, '');
  } catch (error) {
    const failure = error as { stderr?: string; message: string; code?: string };
    if (failure.code === 'ENOENT')
      throw new GitError(args, 'git is not installed (or not on PATH)');
    throw new GitError(args, failure.stderr || failure.message);
  }
}

/** The same, but a failure (a ref that does not exist, say) is null rather than an error. */
export function gitOrNull(args: readonly string[], options: GitOptions): string | null {
  try {
    return git(args, options);
  } catch (error) {
    if (error instanceof GitError && error.stderr.includes('not installed')) throw error;
    return null;
  }
}
