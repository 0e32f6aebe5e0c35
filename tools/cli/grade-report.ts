import path from 'node:path';
import {
  type JestAssertion,
  type JestReport,
  type JestSuite,
  stripAnsi,
  suitesIn,
} from './jest-json';
import { kataNumber } from './katas';
import { testCodeOf } from './test-code';

/** What grading needs to know about a kata. */
export interface GradedKata {
  id: string;
  title: string;
  points: number;
}

export type Status = 'pass' | 'fail' | 'error';

/** One kata's score. Points are all-or-nothing: a kata is worth its points once every test passes. */
export interface KataGrade {
  kata: string;
  title: string;
  status: Status;
  passed: number;
  total: number;
  points: number;
  maxPoints: number;
  message?: string;
}

/**
 * One test, with the fields of Exercism's test-runner results (each kata's number as task_id).
 * Exercism's own results.json is exercism-results.ts.
 */
export interface TestResult {
  name: string;
  status: Status;
  message?: string;
  test_code: string;
  task_id: number;
}

/**
 * The whole grade (`--json`): Exercism-style `version`, `status`, `message` and `tests`, plus the
 * per-kata scores an instructor wants. Not a valid Exercism results.json (see exercism-results.ts).
 */
export interface GradeReport {
  version: 3;
  status: Status;
  message?: string;
  tests: TestResult[];
  katas: KataGrade[];
  points: number;
  maxPoints: number;
  seed?: number;
}

export interface GradeInput {
  katas: readonly GradedKata[];
  /** jest's --json report, or null when jest died before writing one. */
  report: JestReport | null;
  /** What jest printed, to explain a run that produced no report. */
  jestOutput: string;
  /** Absolute repository root: test files live in <root>/katas/<id>/. */
  root: string;
  /** Reads a test file's source for test_code; null when it cannot. */
  readSource: (file: string) => string | null;
  seed?: number;
}

const MESSAGE_LIMIT = 4000;

export function gradeReport(input: GradeInput): GradeReport {
  const graded = input.katas.map((kata) => gradeKata(kata, input));
  const katas = graded.map((entry) => entry.grade);
  const tests = graded.flatMap((entry) => entry.tests);
  const report: GradeReport = {
    version: 3,
    status: overallStatus(tests),
    tests,
    katas,
    points: katas.reduce((sum, kata) => sum + kata.points, 0),
    maxPoints: katas.reduce((sum, kata) => sum + kata.maxPoints, 0),
  };
  if (report.status === 'error') {
    report.message = katas
      .map((kata) => `${kata.kata}: ${kata.message ?? 'no tests ran'}`)
      .join('\n\n');
  }
  if (input.seed !== undefined) report.seed = input.seed;
  return report;
}

function gradeKata(kata: GradedKata, input: GradeInput): { grade: KataGrade; tests: TestResult[] } {
  const taskId = kataNumber(kata.id);
  // Keys in the order the docs show them: who, how it went, then the score.
  const base = (status: Status, message?: string): KataGrade => ({
    kata: kata.id,
    title: kata.title,
    status,
    passed: 0,
    total: 0,
    points: 0,
    maxPoints: kata.points,
    ...(message === undefined ? {} : { message }),
  });
  if (input.report === null) {
    const message = cleanMessage(`jest did not finish:\n${input.jestOutput}`, input.root);
    return { grade: base('error', message), tests: [] };
  }

  const suites = suitesIn(input.report, path.join(input.root, 'katas', kata.id) + path.sep);
  if (suites.length === 0) {
    const message = `no test file ran for katas/${kata.id}`;
    return {
      grade: base('error', message),
      tests: [erroredTest(kata.id, taskId, message)],
    };
  }

  const tests: TestResult[] = [];
  const brokenFiles: string[] = [];
  for (const suite of suites) {
    const counted = suite.assertionResults.filter(
      (test) => test.status === 'passed' || test.status === 'failed',
    );
    if (counted.length === 0 && suite.message) {
      // The file never ran (a syntax error, a failing import): its tests cannot be counted.
      const message = cleanMessage(suite.message, input.root);
      brokenFiles.push(message);
      tests.push(erroredTest(kata.id, taskId, message));
      continue;
    }
    const source = input.readSource(suite.name);
    for (const test of counted)
      tests.push(testResult(kata.id, taskId, test, source, suite, input.root));
  }

  const passed = tests.filter((test) => test.status === 'pass').length;
  const total = tests.filter((test) => test.status !== 'error').length;
  const status: Status =
    brokenFiles.length > 0 && total === 0
      ? 'error'
      : passed === total && brokenFiles.length === 0
        ? 'pass'
        : 'fail';
  const grade: KataGrade = {
    ...base(status, brokenFiles.length > 0 ? brokenFiles.join('\n\n') : undefined),
    passed,
    total,
    points: status === 'pass' ? kata.points : 0,
  };
  return { grade, tests };
}

function testResult(
  id: string,
  taskId: number,
  test: JestAssertion,
  source: string | null,
  suite: JestSuite,
  root: string,
): TestResult {
  const result: TestResult = {
    name: [id, ...test.ancestorTitles, test.title].join(' > '),
    status: test.status === 'passed' ? 'pass' : 'fail',
    test_code: testCodeOf(test, suite.name, source, root),
    task_id: taskId,
  };
  if (test.status !== 'passed')
    result.message = cleanMessage(test.failureMessages.join('\n'), root);
  return result;
}

function erroredTest(id: string, taskId: number, message: string): TestResult {
  return {
    name: `${id} > test file failed to run`,
    status: 'error',
    message,
    test_code: '',
    task_id: taskId,
  };
}

/** Exercism's rule: error when no test ran at all, pass when every test passed, fail otherwise. */
function overallStatus(tests: readonly TestResult[]): Status {
  if (tests.length === 0 || tests.every((test) => test.status === 'error')) return 'error';
  return tests.every((test) => test.status === 'pass') ? 'pass' : 'fail';
}

/** Plain text, paths relative to the repository, and short enough to read. */
export function cleanMessage(message: string, root: string): string {
  const text = stripAnsi(message)
    .split(root + path.sep)
    .join('')
    .trim();
  return text.length > MESSAGE_LIMIT ? `${text.slice(0, MESSAGE_LIMIT)}\n…` : text;
}
