/**
 * Exercism's test-runner interface, version 3 (exercism/docs:
 * building/tooling/test-runners/interface.md): the `results.json` a test runner writes for one
 * exercise, here one kata. Top level `version`, `status` (pass: every test passed; fail: at least
 * one did not; error: the tests could not run) and, for `error` only, a `message`; `tests` in the
 * order of the test file, each with `name`, `status` (pass, fail, or error when the code under
 * test threw), a `message` when it did not pass, what the code printed as `output` (at most 500
 * characters) and its source as `test_code`. No `task_id`: katas have no numbered tasks.
 */
import path from 'node:path';
import { FAILURE_KIND } from '../../src/testing/failure-kind';
import { cleanMessage, type Status } from './grade-report';
import type { JestAssertion, JestReport, JestSuite } from './jest-json';
import { suitesIn } from './jest-json';
import { testCodeOf } from './test-code';

export interface ExercismTest {
  name: string;
  status: Status;
  message?: string;
  output?: string;
  test_code: string;
}

export interface ExercismResults {
  version: 3;
  status: Status;
  message?: string;
  tests: ExercismTest[];
}

/** The spec's limit on a test's `output`, and the notice that ends a truncated one. */
export const OUTPUT_LIMIT = 500;
export const OUTPUT_TRUNCATED = 'Output was truncated. Please limit to 500 chars';

export interface ExercismInput {
  kata: { id: string; tests: readonly string[] };
  /** jest's --json report, or null when jest died before writing one. */
  report: JestReport | null;
  /** What jest printed, to explain a run that produced no report. */
  jestOutput: string;
  /** Absolute repository root: test files live in <root>/katas/<id>/. */
  root: string;
  /** Reads a test file's source for test_code; null when it cannot. */
  readSource: (file: string) => string | null;
  /** What each test printed: test file path → jest's full test name → text (test-output.ts). */
  outputs: ReadonlyMap<string, ReadonlyMap<string, string>>;
}

/** The results when the kata could not run at all: status error, the reason, and no tests. */
export function couldNotRun(message: string): ExercismResults {
  return { version: 3, status: 'error', message, tests: [] };
}

export function exercismResults(input: ExercismInput): ExercismResults {
  const { kata, report, root } = input;
  if (report === null) {
    return couldNotRun(readable(`jest did not finish:\n${input.jestOutput}`, root));
  }
  const order = (suite: JestSuite) => kata.tests.indexOf(path.basename(suite.name));
  const suites = suitesIn(report, path.join(root, 'katas', kata.id) + path.sep).sort(
    (a, b) => order(a) - order(b),
  );
  if (suites.length === 0) return couldNotRun(`no test file ran for katas/${kata.id}`);
  // A file that failed to load (a syntax error, a missing import) ran none of its tests.
  const broken = suites.filter((suite) => ran(suite).length === 0 && suite.message);
  if (broken.length > 0) {
    return couldNotRun(broken.map((suite) => readable(suite.message, root)).join('\n\n'));
  }

  const tests = suites.flatMap((suite) => {
    const source = input.readSource(suite.name);
    const printed = input.outputs.get(suite.name);
    return ran(suite).map((test) => testResult(test, suite, source, printed, root));
  });
  if (tests.length === 0) return couldNotRun(`no test of katas/${kata.id} ran`);
  return {
    version: 3,
    status: tests.every((test) => test.status === 'pass') ? 'pass' : 'fail',
    tests,
  };
}

/** The tests that ran (skipped and todo tests did not). */
function ran(suite: JestSuite): JestAssertion[] {
  return suite.assertionResults.filter(
    (test) => test.status === 'passed' || test.status === 'failed',
  );
}

function testResult(
  test: JestAssertion,
  suite: JestSuite,
  source: string | null,
  printed: ReadonlyMap<string, string> | undefined,
  root: string,
): ExercismTest {
  const output = limitOutput(printed?.get(test.fullName) ?? '');
  // Keys in the order the spec's examples show them.
  return {
    name: [...test.ancestorTitles, test.title].join(' > '),
    status: test.status === 'passed' ? 'pass' : failureStatus(test),
    ...(test.status === 'passed'
      ? {}
      : { message: readable(test.failureMessages.join('\n'), root) }),
    ...(output === '' ? {} : { output }),
    test_code: testCodeOf(test, suite.name, source, root),
  };
}

/**
 * `fail` when a check failed, `error` when the code under test threw. The kata helpers say which
 * on the Error (FAILURE_KIND, kept in failureDetails); a test that does not use them fails when
 * jest's expect or node:assert failed and errors otherwise.
 */
export function failureStatus(test: Pick<JestAssertion, 'failureDetails'>): 'fail' | 'error' {
  const details = (test.failureDetails ?? []).filter(
    (detail): detail is Record<string, unknown> => typeof detail === 'object' && detail !== null,
  );
  if (details.length === 0) return 'fail';
  const marked = details.find((detail) => typeof detail[FAILURE_KIND] === 'string');
  if (marked) return marked[FAILURE_KIND] === 'error' ? 'error' : 'fail';
  const isCheck = (detail: Record<string, unknown>) =>
    'matcherResult' in detail || detail.code === 'ERR_ASSERTION';
  return details.every(isCheck) ? 'fail' : 'error';
}

/**
 * At most OUTPUT_LIMIT characters, as the spec requires: a longer output keeps its beginning and
 * ends with the spec's notice, the notice counted within the limit. Trailing newlines go.
 */
export function limitOutput(text: string): string {
  const trimmed = text.replace(/\s+$/, '');
  const chars = Array.from(trimmed);
  if (chars.length <= OUTPUT_LIMIT) return trimmed;
  const notice = `\n${OUTPUT_TRUNCATED}`;
  return chars.slice(0, OUTPUT_LIMIT - notice.length).join('') + notice;
}

/** Plain text with repository-relative paths, without the stack lines of the test machinery. */
function readable(message: string, root: string): string {
  return withoutHarnessFrames(cleanMessage(message, root)).trimEnd();
}

/**
 * Drops stack lines that point into the test machinery (jest, node, the engine and its test
 * helpers, the test files): a learner reads only the lines of their own code.
 */
export function withoutHarnessFrames(message: string): string {
  return message
    .split('\n')
    .filter((line) => {
      const frame = /^\s*at (?:.*\((.*)\)|(.*))$/.exec(line);
      if (!frame) return true;
      const where = (frame[1] ?? frame[2]).trim();
      return !/node_modules|^node:|^internal\/|<anonymous>|^(?:src|tools)\/|\.test\.ts(?::|$)/.test(
        where,
      );
    })
    .join('\n');
}
