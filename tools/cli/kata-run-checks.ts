import { type JestSuite, stripAnsi } from './jest-json';
import { NOT_IMPLEMENTED } from '../../src/testing/kata';

/** A test's name as people read it in jest's output. */
function testName(ancestors: readonly string[], title: string): string {
  return [...ancestors, title].join(' › ');
}

function firstLine(text: string): string {
  return stripAnsi(text).trim().split('\n')[0] ?? '';
}

/** Suites that never ran (syntax error, failing import) explain themselves in `message`. */
function brokenSuiteProblems(suites: readonly JestSuite[]): string[] {
  return suites
    .filter((suite) => suite.assertionResults.length === 0 && suite.message)
    .map(
      (suite) =>
        `a test file failed to run: ${firstLine(suite.message.replace(/^\s*● Test suite failed to run\s*/, ''))}`,
    );
}

/**
 * rustlings' `dev check`, first direction: an untouched stub must fail every test, and with the
 * one short `not implemented yet: …` line, not a stack of noise. A test the stub passes checks
 * nothing the learner writes.
 */
export function stubProblems(suites: readonly JestSuite[]): string[] {
  if (suites.length === 0) return ['no test file ran'];
  const problems = brokenSuiteProblems(suites);
  for (const suite of suites) {
    for (const test of suite.assertionResults) {
      const name = testName(test.ancestorTitles, test.title);
      if (test.status === 'passed') {
        problems.push(`the untouched stub passes "${name}"`);
      } else if (test.status === 'failed') {
        const message = stripAnsi(test.failureMessages.join('\n')).trim();
        const lines = message.split('\n').filter((line) => line.trim() !== '');
        if (!lines[0]?.includes(NOT_IMPLEMENTED)) {
          problems.push(
            `"${name}" fails on the stub with "${lines[0] ?? ''}" instead of "${NOT_IMPLEMENTED}: …"`,
          );
        } else if (lines.length > 1) {
          problems.push(
            `"${name}" fails on the stub with ${lines.length} lines of output instead of one`,
          );
        }
      }
    }
  }
  if (suites.every((suite) => suite.assertionResults.length === 0) && problems.length === 0)
    problems.push('no tests ran');
  return problems;
}

/** The other direction: the reference answer passes every test. */
export function answerProblems(suites: readonly JestSuite[]): string[] {
  if (suites.length === 0) return ['no test file ran'];
  const problems = brokenSuiteProblems(suites);
  for (const suite of suites) {
    for (const test of suite.assertionResults) {
      if (test.status === 'failed') {
        problems.push(
          `the answer fails "${testName(test.ancestorTitles, test.title)}": ${firstLine(test.failureMessages.join('\n'))}`,
        );
      }
    }
  }
  if (suites.every((suite) => suite.assertionResults.length === 0) && problems.length === 0)
    problems.push('no tests ran');
  return problems;
}

/** Counts of a kata's tests by outcome, for the summary line. */
export function countTests(suites: readonly JestSuite[]): { passed: number; failed: number } {
  const all = suites.flatMap((suite) => suite.assertionResults);
  return {
    passed: all.filter((test) => test.status === 'passed').length,
    failed: all.filter((test) => test.status === 'failed').length,
  };
}
