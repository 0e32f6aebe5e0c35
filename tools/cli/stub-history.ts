/**
 * Where a kata's untouched stub comes from when a learner wants it back: the newest version of
 * the file in git's history that still leaves every export to the learner (each throws
 * `not implemented yet`). The learner's own commits of the file are passed over that way, and a
 * stub the maintainers improved later is still found.
 */
import { gitOrNull } from './git';
import { isUntouchedStub } from './stub-text';

/** The newest stub of `file` (repository-relative) in history, or null when there is none. */
export function stubFromHistory(
  file: string,
  exports: readonly string[],
  root: string,
): string | null {
  const commits = gitOrNull(['log', '--format=%H', '--', file], { cwd: root });
  if (commits === null) return null;
  for (const commit of commits.split('\n').filter(Boolean)) {
    const text = gitOrNull(['show', `${commit}:${file}`], { cwd: root });
    if (text !== null && isUntouchedStub(text, exports))
      return text.endsWith('\n') ? text : `${text}\n`;
  }
  return null;
}

/** Whether `root` is inside a git work tree (a downloaded zip is not). */
export function inGitRepository(root: string): boolean {
  return gitOrNull(['rev-parse', '--is-inside-work-tree'], { cwd: root }) === 'true';
}
