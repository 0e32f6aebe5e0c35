import path from 'node:path';

/** The repository root. This file lives in tools/cli/, two levels below it, wherever the clone is. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..');

/** Learners edit katas/<id>/; the reference answers live in solutions/<id>/ under the same names. */
export const KATAS_DIR = 'katas';
export const SOLUTIONS_DIR = 'solutions';

/**
 * Hint progress, git-ignored: which hints a learner has already seen. `KATA_PROGRESS_FILE` puts it
 * elsewhere (relative to the root, or absolute), so tests never touch a learner's own.
 */
export const PROGRESS_FILE = process.env.KATA_PROGRESS_FILE || '.kata-progress.json';

/**
 * Where the mutant check copies a solution with one wrong answer applied (git-ignored). Two checks
 * at once (say, on different katas) each name their own with `KATA_MUTANT_DIR=.mutant-02`.
 */
export const MUTANT_DIR = process.env.KATA_MUTANT_DIR || '.mutant';

/** Paths shown to people are relative to the repository and use forward slashes on every OS. */
export function repoRelative(absolute: string, root: string = REPO_ROOT): string {
  return path.relative(root, absolute).split(path.sep).join('/');
}
