import type { JestAssertion, JestSuite } from './jest-json';
import { answerProblems, countTests, stubProblems } from './kata-run-checks';

function test_(title: string, status: JestAssertion['status'], message = ''): JestAssertion {
  return {
    ancestorTitles: [],
    title,
    fullName: title,
    status,
    failureMessages: message ? [message] : [],
  };
}
const suite = (tests: JestAssertion[], message = ''): JestSuite => ({
  name: '/r/katas/01-x/a.test.ts',
  status: 'failed',
  message,
  assertionResults: tests,
});
const notImplemented = 'not implemented yet: matmul in katas/01-loop-matmul/matmul.ts';

describe('stubProblems', () => {
  test('none when every test fails with the one not-implemented line', () => {
    expect(
      stubProblems([
        suite([
          test_('a', 'failed', notImplemented),
          test_('b', 'failed', `\u001b[31m${notImplemented}\u001b[39m\n`),
        ]),
      ]),
    ).toEqual([]);
  });

  test('a test the stub passes checks nothing', () => {
    expect(stubProblems([suite([test_('a', 'passed')])])).toEqual([
      'the untouched stub passes "a"',
    ]);
  });

  test('a different failure, or a long one, is reported', () => {
    expect(stubProblems([suite([test_('a', 'failed', 'TypeError: x is undefined')])])[0]).toMatch(
      /instead of "not implemented yet/,
    );
    expect(
      stubProblems([
        suite([test_('a', 'failed', `${notImplemented}\n    at matmul (katas/01/matmul.ts:3:9)`)]),
      ])[0],
    ).toMatch(/2 lines/);
  });

  test('no tests, or a file that cannot run, is a problem', () => {
    expect(stubProblems([])).toEqual(['no test file ran']);
    expect(stubProblems([suite([], '  ● Test suite failed to run\n\n  SyntaxError: bad')])).toEqual(
      ['a test file failed to run: SyntaxError: bad'],
    );
  });
});

describe('answerProblems', () => {
  test('none when every test passes', () => {
    expect(answerProblems([suite([test_('a', 'passed'), test_('b', 'pending')])])).toEqual([]);
  });

  test('names each failing test with the first line of its message', () => {
    expect(answerProblems([suite([test_('a', 'failed', 'expected 1\nreceived 2')])])).toEqual([
      'the answer fails "a": expected 1',
    ]);
  });
});

test('countTests counts passed and failed', () => {
  expect(
    countTests([suite([test_('a', 'passed'), test_('b', 'failed', 'x'), test_('c', 'pending')])]),
  ).toEqual({ passed: 1, failed: 1 });
});
