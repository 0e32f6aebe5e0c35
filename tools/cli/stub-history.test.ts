import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stubFromHistory } from './stub-history';
import { isUntouchedStub } from './stub-text';

const STUB =
  "export function f() { throw new Error('not implemented yet: f in katas/01-x/f.ts'); }\n";
const ANSWER = 'export function f() { return 1; }\n';

function commit(root: string, text: string, message: string): void {
  fs.writeFileSync(path.join(root, 'katas', '01-x', 'f.ts'), text);
  const run = (...args: string[]) => execFileSync('git', args, { cwd: root, stdio: 'ignore' });
  run('add', '.');
  run('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', message);
}

describe('stubFromHistory', () => {
  let root: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'stub-history-'));
    fs.mkdirSync(path.join(root, 'katas', '01-x'), { recursive: true });
    execFileSync('git', ['init', '-q'], { cwd: root });
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  test("passes over the learner's committed answer to the newest stub", () => {
    commit(root, STUB, 'stub');
    commit(root, STUB.replace('f()', 'f(/* clearer */)'), 'a better stub');
    commit(root, ANSWER, 'my answer');
    expect(stubFromHistory('katas/01-x/f.ts', ['f'], root)).toBe(
      STUB.replace('f()', 'f(/* clearer */)'),
    );
  });

  test('no stub in history: null', () => {
    commit(root, ANSWER, 'only an answer');
    expect(stubFromHistory('katas/01-x/f.ts', ['f'], root)).toBeNull();
  });

  test('a stub leaves every export to the learner', () => {
    expect(isUntouchedStub(STUB, ['f'])).toBe(true);
    expect(isUntouchedStub(ANSWER, ['f'])).toBe(false);
    expect(isUntouchedStub(STUB, ['f', 'g'])).toBe(false);
  });
});
