// `npm run grade -- --results-dir DIR KATA` end to end: the real command on a copy of kata 01's
// learner file, checked against Exercism's test-runner interface (tools/cli/exercism-spec.ts).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { OUTPUT_TRUNCATED } from './cli/exercism-results';
import { resultsProblems } from './cli/exercism-spec';
import { REPO_ROOT } from './cli/repo';

const KATA = '01-loop-matmul';

// Passes the lesson's example (and prints on it), throws on an empty inner size (error) and gets
// the shape error's text wrong after printing a long line (fail, output cut to 500 characters).
const LEARNER = `import { Tensor, zeros } from '../../src';

export function matmul(a: Tensor, b: Tensor): Tensor {
  const [ar, ac] = a.shape;
  const [br, bc] = b.shape;
  if (ar === 3 && ac === 3 && bc === 2) console.log('lesson example: 3x3 @ 3x2');
  if (ac !== br) {
    console.log('checking shapes ' + '.'.repeat(600));
    throw new Error(\`shapes cannot be multiplied (\${ar}x\${ac} and \${br}x\${bc})\`);
  }
  if (ac === 0) throw new TypeError('cannot handle an empty inner size');
  const c = zeros(ar, bc);
  for (let i = 0; i < ar; i++)
    for (let j = 0; j < bc; j++)
      for (let k = 0; k < ac; k++) c.set([i, j], c.get(i, j) + a.get(i, k) * b.get(k, j));
  return c;
}
`;

const SYNTAX_ERROR = `import { Tensor, zeros } from '../../src';

export function matmul(a: Tensor, b: Tensor): Tensor {
  const c = zeros(a.shape[0], b.shape[1]
  return c;
}
`;

let copy: string;
let out: string;

// Kata code imports the engine as '../../src', so the copy lives two levels inside the repository.
beforeEach(() => {
  copy = fs.mkdtempSync(path.join(REPO_ROOT, '.exercism-'));
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'exercism-out-'));
});
afterEach(() => {
  fs.rmSync(copy, { recursive: true, force: true });
  fs.rmSync(out, { recursive: true, force: true });
});

function learnerFile(text: string | null): void {
  fs.mkdirSync(path.join(copy, KATA));
  if (text !== null) fs.writeFileSync(path.join(copy, KATA, 'matmul.ts'), text);
}

function grade(...args: string[]): { status: number | null; stderr: string } {
  // Ten runs per property are enough to meet every case here, and keep the run short.
  const env: NodeJS.ProcessEnv = { ...process.env, KATA_SOURCE: copy, FC_RUNS: '10' };
  delete env.JEST_WORKER_ID;
  const tsx = path.join(path.dirname(require.resolve('tsx/package.json')), 'dist', 'cli.mjs');
  const run = spawnSync(process.execPath, [tsx, 'tools/grade.ts', ...args], {
    cwd: REPO_ROOT,
    env,
    encoding: 'utf8',
  });
  return { status: run.status, stderr: run.stderr };
}

function results(): Record<string, unknown> & { tests: Record<string, string>[] } {
  return JSON.parse(fs.readFileSync(path.join(out, 'results.json'), 'utf8'));
}

test('a learner file that passes, fails and throws: pass, fail and error per test, with output', () => {
  learnerFile(LEARNER);
  expect(grade('--results-dir', out, KATA).status).toBe(0);
  const written = results();
  expect(resultsProblems(written)).toEqual([]);
  expect(written.status).toBe('fail');
  expect(written).not.toHaveProperty('message');
  const byTitle = (start: string) =>
    written.tests.find((test) => test.name.includes(`> matmul ${start}`))!;

  const lesson = byTitle('gives the lesson’s worked example');
  expect(lesson).toMatchObject({ status: 'pass', output: 'lesson example: 3x3 @ 3x2' });
  expect(lesson).not.toHaveProperty('message');

  const edges = byTitle('handles 1xN');
  expect(edges.status).toBe('error');
  expect(edges.message).toMatch(/^TypeError: cannot handle an empty inner size\n {4}at matmul /);

  const rejects = byTitle('rejects 2x3 @ 4x5');
  expect(rejects.status).toBe('fail');
  expect(rejects.message).toContain('Received: "shapes cannot be multiplied (2x3 and 4x5)"');
  expect(Array.from(rejects.output)).toHaveLength(500);
  expect(rejects.output.startsWith('checking shapes ....')).toBe(true);
  expect(rejects.output.endsWith(`\n${OUTPUT_TRUNCATED}`)).toBe(true);

  for (const test of written.tests) {
    expect(test.test_code).toMatch(/^kata(Test|Property)\(/);
    expect(test.message ?? '').not.toMatch(/node_modules|src\/testing|\.test\.ts:/);
  }
}, 120_000);

test('a syntax error, or no learner file: top-level error with a message and no tests; exit 0', () => {
  learnerFile(SYNTAX_ERROR);
  expect(grade('--results-dir', out, KATA).status).toBe(0);
  const broken = results();
  expect(resultsProblems(broken)).toEqual([]);
  expect(broken).toMatchObject({ version: 3, status: 'error', tests: [] });
  expect(broken.message).toContain(`${KATA}/matmul.ts(5,3): error TS1005: ',' expected.`);

  fs.rmSync(path.join(copy, KATA, 'matmul.ts'));
  expect(grade('--results-dir', out, KATA).status).toBe(0);
  expect(results()).toMatchObject({ version: 3, status: 'error', tests: [] });
  expect(results().message).toMatch(/01-loop-matmul\/matmul\.ts is missing/);
}, 120_000);

test('bad input (an unknown kata, a folder that does not exist) exits 2 and writes nothing', () => {
  learnerFile(null);
  expect(grade('--results-dir', out, '99').status).toBe(2);
  expect(grade('--results-dir', path.join(out, 'nope'), KATA).status).toBe(2);
  expect(fs.existsSync(path.join(out, 'results.json'))).toBe(false);
}, 60_000);
