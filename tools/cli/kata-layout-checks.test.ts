import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { kataTestFileArgs } from './jest-process';
import { layoutProblems } from './kata-layout-checks';
import type { Kata } from './katas';

const kata: Kata = {
  id: '09-demo',
  number: '09',
  title: 'Demo',
  files: ['demo.ts'],
  tests: ['demo.test.ts'],
  exports: { 'demo.ts': ['demo'] },
  lesson: 'docs/09-demo.md',
  aliases: [],
  points: 10,
  hints: [],
};

function repoWith(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'layout-'));
  for (const [relative, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
    fs.writeFileSync(path.join(root, relative), text);
  }
  return root;
}

const complete = {
  'katas/09-demo/demo.ts': 'export function demo() {}\n',
  'katas/09-demo/demo.test.ts': '',
  'solutions/09-demo/demo.ts': 'export function demo() {}\n',
  'docs/09-demo.md': '# Demo\n',
};

describe('layoutProblems', () => {
  test('a complete kata has none', () => {
    const root = repoWith(complete);
    expect(layoutProblems(kata, root)).toEqual([]);
    fs.rmSync(root, { recursive: true });
  });

  test('a test file kata.json does not list is reported, since npm run kata would skip it', () => {
    const root = repoWith({ ...complete, 'katas/09-demo/more.test.ts': '' });
    expect(layoutProblems(kata, root)).toEqual([
      'katas/09-demo/more.test.ts is not listed in kata.json "tests"',
    ]);
    fs.rmSync(root, { recursive: true });
  });
});

test('kataTestFileArgs names the listed test files relative to the root', () => {
  expect(kataTestFileArgs({ id: '09-demo', tests: ['a.test.ts', 'b.test.ts'] })).toEqual([
    '--runTestsByPath',
    'katas/09-demo/a.test.ts',
    'katas/09-demo/b.test.ts',
  ]);
});
