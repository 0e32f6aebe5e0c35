import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { git } from './git';
import { runJest } from './jest-process';

/**
 * Checks out a branch in a throw-away git worktree (the main checkout is untouched), borrows the
 * installed node_modules through a symlink, and runs every kata's tests there as a learner would:
 * katas/ only, no KATA_SOURCE. Returns jest's exit code; the worktree is removed either way.
 */
export async function testBranchInWorktree(
  repo: string,
  top: string,
  branch: string,
): Promise<number> {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'solutions-check-'));
  const worktree = path.join(scratch, 'tree');
  git(['worktree', 'add', '--detach', worktree, branch], { cwd: top });
  try {
    const checkout = path.join(worktree, path.relative(top, repo));
    const modules = path.join(checkout, 'node_modules');
    if (!fs.existsSync(modules)) fs.symlinkSync(path.join(repo, 'node_modules'), modules, 'dir');
    const { exitCode } = await runJest({
      args: ['--selectProjects', 'katas', '--ci'],
      cwd: checkout,
      env: { KATA_SOURCE: undefined, FC_SEED: undefined },
    });
    return exitCode;
  } finally {
    git(['worktree', 'remove', '--force', worktree], { cwd: top });
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}
