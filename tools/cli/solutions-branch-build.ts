import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Kata, validateKata } from '../jest/catalogue-core';
import { CliError } from './errors';
import { type GitOptions, git, gitOrNull } from './git';

export const SOLUTIONS_BRANCH = 'solutions';

export interface BuildOutcome {
  branch: string;
  /** The branch's commit after the build. */
  commit: string;
  /** Its commit before, or null when the branch is new. */
  previous: string | null;
  /** False when the branch already held exactly these answers (no new commit). */
  changed: boolean;
  /** The commit the answers were taken from. */
  head: string;
  /** Whether the working tree had uncommitted changes (they are left alone either way). */
  dirty: boolean;
  /** Repository paths that now hold an answer, e.g. katas/03-expand-as/strides.ts. */
  replaced: string[];
}

/**
 * Builds (or moves forward) a branch whose katas/<id>/<file> are the reference answers from
 * solutions/<id>/<file>, entirely with git plumbing: a private index (GIT_INDEX_FILE) loaded from
 * HEAD, entries re-pointed at the answers' blobs, write-tree, commit-tree and update-ref. The
 * working tree, the real index and any uncommitted work are never read or written; everything
 * comes from the last commit, so the branch is reproducible from history alone.
 */
export function buildSolutionsBranch(
  repo: string,
  branch: string = SOLUTIONS_BRANCH,
): BuildOutcome {
  const top = requireRepository(repo);
  const at: GitOptions = { cwd: top };
  const head = gitOrNull(['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'], at);
  if (head === null) {
    throw new CliError(
      'This repository has no commits yet: the solutions branch is built from the last commit. Commit your work first (git add -A && git commit -m "start").',
    );
  }
  const ref = `refs/heads/${branch}`;
  if (gitOrNull(['symbolic-ref', '--quiet', 'HEAD'], at) === ref) {
    throw new CliError(
      `You are on the ${branch} branch: switch back to your own branch (git switch -) before rebuilding it.`,
    );
  }

  // Paths inside the tree are relative to the top of the git repository, which may sit above us.
  const prefix = path.relative(top, repo).split(path.sep).join('/');
  const inRepo = (relative: string) => (prefix === '' ? relative : `${prefix}/${relative}`);
  const entries = answerEntries(head, inRepo, at);

  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'solutions-index-'));
  try {
    const withIndex: GitOptions = {
      cwd: top,
      env: { GIT_INDEX_FILE: path.join(scratch, 'index') },
    };
    git(['read-tree', head], withIndex);
    for (const entry of entries) {
      git(
        ['update-index', '--add', '--cacheinfo', `${entry.mode},${entry.blob},${entry.path}`],
        withIndex,
      );
    }
    const tree = git(['write-tree'], withIndex);

    const previous = gitOrNull(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], at);
    // --no-optional-locks: a status check must not even refresh the index's timestamps.
    const dirty = git(['--no-optional-locks', 'status', '--porcelain'], at) !== '';
    const replaced = entries.map((entry) => entry.path);
    if (previous !== null && git(['rev-parse', `${previous}^{tree}`], at) === tree) {
      return { branch, commit: previous, previous, changed: false, head, dirty, replaced };
    }

    // The previous tip keeps the branch's own history; HEAD as a parent records which commit's
    // answers these are (skipped when the previous tip already descends from it).
    const parents = previous === null ? [head] : [previous];
    if (
      previous !== null &&
      gitOrNull(['merge-base', '--is-ancestor', head, previous], at) === null
    )
      parents.push(head);
    const message = `Solutions: katas/ filled in with the reference answers\n\nBuilt by \`npm run solutions-branch\` from ${head}.`;
    const commit = git(
      ['commit-tree', tree, ...parents.flatMap((parent) => ['-p', parent]), '-m', message],
      {
        cwd: top,
        env: identityFallback(at),
      },
    );
    git(['update-ref', '-m', 'solutions-branch: rebuild', ref, commit, previous ?? ''], at);
    return { branch, commit, previous, changed: true, head, dirty, replaced };
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

/** The top of the git repository holding `repo`, or a clear refusal. */
export function requireRepository(repo: string): string {
  const top = gitOrNull(['rev-parse', '--show-toplevel'], { cwd: repo });
  if (top === null) {
    throw new CliError(
      `${repo} is not inside a git repository, so there is no history to build a solutions branch from. Clone the repository with git (or run git init and commit) first.`,
    );
  }
  return path.resolve(top);
}

interface AnswerEntry {
  /** Where the answer goes: katas/<id>/<file> (with the repository prefix). */
  path: string;
  blob: string;
  mode: string;
}

/** Every kata committed in HEAD, and for each of its files the committed answer's blob. */
function answerEntries(
  head: string,
  inRepo: (relative: string) => string,
  at: GitOptions,
): AnswerEntry[] {
  const katasDir = inRepo('katas');
  const folders = (gitOrNull(['ls-tree', '-d', '--name-only', `${head}:${katasDir}`], at) ?? '')
    .split('\n')
    .filter((name) => /^\d/.test(name));
  const entries: AnswerEntry[] = [];
  for (const id of folders) {
    const catalogueFile = `${katasDir}/${id}/kata.json`;
    const raw = gitOrNull(['cat-file', 'blob', `${head}:${catalogueFile}`], at);
    if (raw === null) continue;
    const kata = parseKata(raw, catalogueFile, id);
    for (const file of kata.files) {
      const answer = inRepo(`solutions/${id}/${file}`);
      const listed = git(['ls-tree', head, '--', answer], at);
      const match = /^(\d+) blob ([0-9a-f]+)\t/.exec(listed);
      if (!match)
        throw new CliError(
          `${answer} is not in the last commit: commit the reference answer before building the solutions branch.`,
        );
      entries.push({ path: inRepo(`katas/${id}/${file}`), mode: match[1], blob: match[2] });
    }
  }
  if (entries.length === 0)
    throw new CliError(
      `The last commit (${head.slice(0, 7)}) has no katas with answers: nothing to build.`,
    );
  return entries;
}

function parseKata(raw: string, file: string, id: string): Kata {
  try {
    return validateKata(JSON.parse(raw), file, id);
  } catch (error) {
    throw new CliError(`${file} in the last commit is broken: ${(error as Error).message}`);
  }
}

/** commit-tree needs an identity; a fresh CI machine may have none, so lend one just for this commit. */
function identityFallback(at: GitOptions): Record<string, string> {
  if (gitOrNull(['var', 'GIT_COMMITTER_IDENT'], at) !== null) return {};
  const name = 'solutions-branch';
  const email = 'solutions-branch@localhost';
  return {
    GIT_AUTHOR_NAME: name,
    GIT_AUTHOR_EMAIL: email,
    GIT_COMMITTER_NAME: name,
    GIT_COMMITTER_EMAIL: email,
  };
}
