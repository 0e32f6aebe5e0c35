import path from 'node:path';
import { gradeReport, type GradeInput } from './grade-report';
import type { JestAssertion, JestReport, JestSuite } from './jest-json';

const root = path.join(path.sep, 'repo');
const katas = [
  { id: '01-loop-matmul', title: 'Loop', points: 10 },
  { id: '03-expand-as', title: 'Expand', points: 20 },
];

function assertion(
  title: string,
  status: 'passed' | 'failed',
  ancestors: string[] = [],
): JestAssertion {
  return {
    ancestorTitles: ancestors,
    title,
    fullName: [...ancestors, title].join(' '),
    status,
    failureMessages:
      status === 'failed'
        ? [`\u001b[31mexpected 1\u001b[39m at ${root}${path.sep}katas${path.sep}x.ts:3`]
        : [],
  };
}

function suite(id: string, tests: JestAssertion[], message = ''): JestSuite {
  return {
    name: path.join(root, 'katas', id, 'main.test.ts'),
    status: tests.some((test) => test.status === 'failed') || message ? 'failed' : 'passed',
    message,
    assertionResults: tests,
  };
}

function input(suites: JestSuite[] | null, overrides: Partial<GradeInput> = {}): GradeInput {
  const report: JestReport | null = suites && {
    success: false,
    numTotalTests: 0,
    testResults: suites,
  };
  return {
    katas,
    report,
    jestOutput: 'Error: could not load jest.config.ts',
    root,
    readSource: () => "kataTest('first', () => {\n  expect(1).toBe(1);\n});\n",
    ...overrides,
  };
}

describe('gradeReport', () => {
  test("each kata's keys come in the documented order (kata, title, status, passed, …)", () => {
    const report = gradeReport(input([suite('01-loop-matmul', [assertion('first', 'passed')])]));
    expect(Object.keys(report.katas[0])).toEqual([
      'kata',
      'title',
      'status',
      'passed',
      'total',
      'points',
      'maxPoints',
    ]);
  });

  test('a kata earns its points only when every test passes', () => {
    const report = gradeReport(
      input([
        suite('01-loop-matmul', [assertion('first', 'passed'), assertion('second', 'passed')]),
        suite('03-expand-as', [assertion('first', 'passed'), assertion('second', 'failed')]),
      ]),
    );
    expect(report.katas).toEqual([
      {
        kata: '01-loop-matmul',
        title: 'Loop',
        status: 'pass',
        passed: 2,
        total: 2,
        points: 10,
        maxPoints: 10,
      },
      {
        kata: '03-expand-as',
        title: 'Expand',
        status: 'fail',
        passed: 1,
        total: 2,
        points: 0,
        maxPoints: 20,
      },
    ]);
    expect(report.points).toBe(10);
    expect(report.maxPoints).toBe(30);
    expect(report.status).toBe('fail');
  });

  test("has Exercism's version 3 shape: every test has name, status, test_code and its kata as task_id", () => {
    const report = gradeReport(
      input([
        suite('01-loop-matmul', [assertion('first', 'passed', ['matmul'])]),
        suite('03-expand-as', [assertion('second', 'failed')]),
      ]),
    );
    expect(report.version).toBe(3);
    expect(report.tests).toEqual([
      {
        name: '01-loop-matmul > matmul > first',
        status: 'pass',
        test_code: "kataTest('first', () => {\n  expect(1).toBe(1);\n});",
        task_id: 1,
      },
      {
        name: '03-expand-as > second',
        status: 'fail',
        message: 'expected 1 at katas/x.ts:3',
        test_code: '// katas/03-expand-as/main.test.ts: second',
        task_id: 3,
      },
    ]);
    expect(report).not.toHaveProperty('message');
  });

  test('failure messages lose terminal colours and absolute paths', () => {
    const report = gradeReport(
      input([suite('01-loop-matmul', [assertion('first', 'failed')])], { katas: [katas[0]] }),
    );
    expect(report.tests[0].message).toBe('expected 1 at katas/x.ts:3');
  });

  test('all pass: status pass', () => {
    const report = gradeReport(
      input([suite('01-loop-matmul', [assertion('first', 'passed')])], { katas: [katas[0]] }),
    );
    expect(report.status).toBe('pass');
    expect(report.points).toBe(10);
  });

  test('a test file that cannot run makes its kata an error, while the other katas still count', () => {
    const report = gradeReport(
      input([
        suite('01-loop-matmul', [assertion('first', 'passed')]),
        suite(
          '03-expand-as',
          [],
          `  ● Test suite failed to run\n\n    SyntaxError: ${root}${path.sep}katas${path.sep}03-expand-as${path.sep}strides.ts: Unexpected token (4:2)`,
        ),
      ]),
    );
    expect(report.katas[1]).toMatchObject({
      kata: '03-expand-as',
      status: 'error',
      points: 0,
      total: 0,
    });
    expect(report.katas[1].message).toContain(
      'katas/03-expand-as/strides.ts: Unexpected token (4:2)',
    );
    expect(report.status).toBe('fail');
    expect(report.tests.at(-1)).toMatchObject({ status: 'error', task_id: 3 });
  });

  test('no report at all (jest crashed): status error with a top-level message', () => {
    const report = gradeReport(input(null));
    expect(report.status).toBe('error');
    expect(report.message).toContain('could not load jest.config.ts');
    expect(report.katas.every((kata) => kata.status === 'error' && kata.points === 0)).toBe(true);
  });

  test('a kata whose tests did not run at all is an error, not a pass', () => {
    const report = gradeReport(input([suite('01-loop-matmul', [assertion('first', 'passed')])]));
    expect(report.katas[1]).toMatchObject({
      status: 'error',
      message: 'no test file ran for katas/03-expand-as',
    });
  });

  test('skipped tests are not counted', () => {
    const skipped: JestAssertion = { ...assertion('later', 'passed'), status: 'pending' };
    const report = gradeReport(
      input([suite('01-loop-matmul', [assertion('first', 'passed'), skipped])], {
        katas: [katas[0]],
      }),
    );
    expect(report.katas[0]).toMatchObject({ passed: 1, total: 1, status: 'pass' });
  });

  test('the seed is recorded when given', () => {
    expect(gradeReport(input(null, { seed: 42 })).seed).toBe(42);
    expect(gradeReport(input(null))).not.toHaveProperty('seed');
  });
});
