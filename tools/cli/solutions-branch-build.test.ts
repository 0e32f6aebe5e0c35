import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CliError } from './errors';
import { buildSolutionsBranch } from './solutions-branch-build';

// A throw-away repository with one kata, built by real git commands.
let repo: string;
const env = {
  GIT_AUTHOR_NAME: 't',
  GIT_AUTHOR_EMAIL: 't@t',
  GIT_COMMITTER_NAME: 't',
  GIT_COMMITTER_EMAIL: 't@t',
};
const git = (...args: string[]) =>
  execFileSync('git', args, {
    cwd: repo,
    env: { ...process.env, ...env },
    encoding: 'utf8',
  }).trim();
const write = (relative: string, text: string) => {
  fs.mkdirSync(path.dirname(path.join(repo, relative)), { recursive: true });
  fs.writeFileSync(path.join(repo, relative), text);
};
const read = (relative: string) => fs.readFileSync(path.join(repo, relative), 'utf8');
const kataJson = {
  id: '01-add',
  title: 'Add',
  files: ['add.ts'],
  tests: ['add.test.ts'],
  exports: { 'add.ts': ['add'] },
  lesson: 'docs/01-add.md',
  points: 1,
  hints: ['h'],
};

function makeRepo(): void {
  repo = fs.mkdtempSync(path.join(os.tmpdir(), 'solutions-branch-'));
  git('init', '-q', '-b', 'main');
  write('katas/01-add/kata.json', JSON.stringify(kataJson));
  write(
    'katas/01-add/add.ts',
    'export const add = () => { throw new Error("not implemented yet"); };\n',
  );
  write('katas/01-add/add.test.ts', 'test\n');
  write('solutions/01-add/add.ts', 'export const add = (a: number, b: number) => a + b;\n');
  write('README.md', 'readme\n');
  git('add', '-A');
  git('commit', '-q', '-m', 'start');
}

beforeEach(makeRepo);
afterEach(() => fs.rmSync(repo, { recursive: true, force: true }));

test('the branch holds the answers in katas/ and everything else from HEAD', () => {
  const outcome = buildSolutionsBranch(repo);
  expect(outcome).toMatchObject({
    branch: 'solutions',
    changed: true,
    previous: null,
    dirty: false,
    replaced: ['katas/01-add/add.ts'],
  });
  expect(git('show', 'solutions:katas/01-add/add.ts')).toBe(read('solutions/01-add/add.ts').trim());
  expect(git('show', 'solutions:README.md')).toBe('readme');
  expect(git('rev-parse', 'solutions^')).toBe(git('rev-parse', 'HEAD'));
  expect(git('diff', '--name-only', 'solutions', '--', 'katas')).toBe('katas/01-add/add.ts');
});

test('never touches the working tree, the index or uncommitted work', () => {
  write('katas/01-add/add.ts', 'my half-finished answer\n');
  write('notes.txt', 'untracked\n');
  write('README.md', 'staged change\n');
  git('add', 'README.md');
  const status = git('status', '--porcelain');
  const staged = git('diff', '--cached');
  const head = git('rev-parse', 'HEAD');

  const outcome = buildSolutionsBranch(repo);

  expect(outcome.dirty).toBe(true);
  expect(git('status', '--porcelain')).toBe(status);
  expect(git('diff', '--cached')).toBe(staged);
  expect(git('rev-parse', 'HEAD')).toBe(head);
  expect(git('symbolic-ref', 'HEAD')).toBe('refs/heads/main');
  expect(read('katas/01-add/add.ts')).toBe('my half-finished answer\n');
  // Built from HEAD, not from the edits.
  expect(git('show', 'solutions:README.md')).toBe('readme');
});

test('a second build with nothing new changes nothing; a new commit moves the branch forward', () => {
  const first = buildSolutionsBranch(repo);
  const again = buildSolutionsBranch(repo);
  expect(again).toMatchObject({ changed: false, commit: first.commit });

  write('solutions/01-add/add.ts', 'export const add = (a: number, b: number) => b + a;\n');
  git('commit', '-q', '-am', 'better answer');
  const next = buildSolutionsBranch(repo);
  expect(next).toMatchObject({ changed: true, previous: first.commit });
  expect(git('rev-parse', 'solutions^1')).toBe(first.commit);
  expect(git('rev-parse', 'solutions^2')).toBe(git('rev-parse', 'HEAD'));
  expect(git('show', 'solutions:katas/01-add/add.ts')).toContain('b + a');
});

test('works when the project sits in a subfolder of the git repository', () => {
  const inner = path.join(repo, 'course');
  fs.mkdirSync(inner);
  for (const entry of ['katas', 'solutions', 'README.md'])
    fs.renameSync(path.join(repo, entry), path.join(inner, entry));
  git('add', '-A');
  git('commit', '-q', '-m', 'move');
  buildSolutionsBranch(inner);
  expect(git('show', 'solutions:course/katas/01-add/add.ts')).toContain('a + b');
});

test('refuses outside a git repository', () => {
  const plain = fs.mkdtempSync(path.join(os.tmpdir(), 'not-a-repo-'));
  try {
    expect(() => buildSolutionsBranch(plain)).toThrow(/not inside a git repository/);
  } finally {
    fs.rmSync(plain, { recursive: true, force: true });
  }
});

test('refuses a repository with no commits', () => {
  fs.rmSync(path.join(repo, '.git'), { recursive: true, force: true });
  git('init', '-q', '-b', 'main');
  expect(() => buildSolutionsBranch(repo)).toThrow(/no commits yet/);
});

test('refuses while the solutions branch is checked out', () => {
  buildSolutionsBranch(repo);
  git('checkout', '-q', 'solutions');
  expect(() => buildSolutionsBranch(repo)).toThrow(CliError);
  expect(() => buildSolutionsBranch(repo)).toThrow(/switch back/);
});

test('refuses when an answer is not committed', () => {
  fs.rmSync(path.join(repo, 'solutions'), { recursive: true });
  git('commit', '-q', '-am', 'drop answers');
  expect(() => buildSolutionsBranch(repo)).toThrow(
    /solutions\/01-add\/add.ts is not in the last commit/,
  );
});
