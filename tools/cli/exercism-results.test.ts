import fs from 'node:fs';
import path from 'node:path';
import {
  type ExercismInput,
  exercismResults,
  failureStatus,
  limitOutput,
  OUTPUT_LIMIT,
  OUTPUT_TRUNCATED,
  withoutHarnessFrames,
} from './exercism-results';
import { resultsProblems } from './exercism-spec';
import type { JestReport } from './jest-json';
import { REPO_ROOT } from './repo';

// Recorded jest --json reports (paths written as <root>) of kata 01 run against a learner's file
// that prints every call, throws on an empty inner size and gets the error message wrong; and
// against a file with a syntax error. Trimmed to the fields the grader reads.
interface Recorded {
  report: JestReport;
  outputs?: { testPath: string; tests: Record<string, string> };
}

function recorded(name: string): Recorded {
  const text = fs.readFileSync(path.join(__dirname, 'fixtures', name), 'utf8');
  return JSON.parse(text.split('<root>').join(REPO_ROOT)) as Recorded;
}

const kata = { id: '01-loop-matmul', tests: ['matmul.test.ts'] };

function input(fixture: Recorded, overrides: Partial<ExercismInput> = {}): ExercismInput {
  const outputs = new Map<string, Map<string, string>>();
  if (fixture.outputs)
    outputs.set(fixture.outputs.testPath, new Map(Object.entries(fixture.outputs.tests)));
  return {
    kata,
    report: fixture.report,
    jestOutput: '',
    root: REPO_ROOT,
    readSource: (file) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null),
    outputs,
    ...overrides,
  };
}

describe('exercismResults from a recorded run (pass, fail, error, printed output)', () => {
  const results = exercismResults(input(recorded('exercism-kata01-run.json')));
  const [lesson, agrees, edges, rejects, rejectsEvery] = results.tests;

  test("is valid against the spec: required keys, the spec's keys only, known statuses", () => {
    expect(resultsProblems(results)).toEqual([]);
    expect(Object.keys(results)).toEqual(['version', 'status', 'tests']);
    expect(results).toMatchObject({ version: 3, status: 'fail' });
    for (const test of results.tests) {
      expect(Object.keys(test)).toEqual(
        ['name', 'status', 'message', 'output', 'test_code'].filter((key) => key in test),
      );
      expect(test).not.toHaveProperty('task_id');
    }
  });

  test('keeps the order of the test file and names tests by their describe blocks', () => {
    expect(results.tests.map((test) => test.name)).toEqual([
      '01 · matmul with three loops > matmul gives the lesson’s worked example [[15,27],[6,7],[26,63]] as float32',
      '01 · matmul with three loops > matmul agrees exactly with the engine’s matmul on small-integer matrices',
      '01 · matmul with three loops > matmul handles 1xN, Nx1, non-square and 0-sized shapes',
      '01 · matmul with three loops > matmul rejects 2x3 @ 4x5: “mat1 and mat2 shapes cannot be multiplied (2x3 and 4x5)”',
      '01 · matmul with three loops > matmul rejects every pair whose inner sizes differ, naming both shapes, even with 0 rows or columns',
    ]);
  });

  test('an error the learner’s code threw is error, a failed check is fail, in examples and properties', () => {
    expect(results.tests.map((test) => test.status)).toEqual([
      'pass',
      'error',
      'error',
      'fail',
      'fail',
    ]);
    expect(lesson).not.toHaveProperty('message');
    expect(edges.message).toBe(
      'TypeError: cannot handle an empty inner size\n    at matmul (.exercism-manual/01-loop-matmul/matmul.ts:7:23)',
    );
    expect(rejects.message).toContain(
      'Received: "shapes cannot be multiplied (2x3 and 4x5)"\n    at matmul (.exercism-manual/01-loop-matmul/matmul.ts:3:17)',
    );
    expect(rejectsEvery.message).toContain('Counterexample');
  });

  test('messages are plain text with repository-relative paths and no stack lines of the test machinery', () => {
    for (const test of results.tests.filter((t) => t.message !== undefined)) {
      expect(test.message).not.toContain(REPO_ROOT);
      expect(test.message).not.toContain('\u001b[');
      expect(test.message).not.toMatch(/^\s*at .*(node_modules|<anonymous>|node:|\.test\.ts)/m);
    }
  });

  test('output holds what the test printed; longer than 500 characters it is cut with the notice', () => {
    expect(lesson.output).toBe('multiplying 3x3 by 3x2');
    expect(Array.from(agrees.output!)).toHaveLength(OUTPUT_LIMIT);
    expect(agrees.output!.endsWith(`\n${OUTPUT_TRUNCATED}`)).toBe(true);
    expect(agrees.output!.startsWith('multiplying 3x3 by 3x2\nmultiplying 4x3 by 3x4\n')).toBe(
      true,
    );
    expect(edges.output).toBe(
      [
        'multiplying 1x4 by 4x1',
        'multiplying 4x1 by 1x4',
        'multiplying 1x1 by 1x1',
        'multiplying 3x2 by 2x4',
        'multiplying 2x4 by 4x3',
        'multiplying 0x3 by 3x2',
        'multiplying 2x0 by 0x3',
      ].join('\n'),
    );
  });

  test('a test that printed nothing has no output key', () => {
    const quiet = exercismResults(
      input(recorded('exercism-kata01-run.json'), { outputs: new Map() }),
    );
    expect(quiet.tests.every((test) => !('output' in test))).toBe(true);
    expect(resultsProblems(quiet)).toEqual([]);
  });

  test('test_code is the source of each test from the test file', () => {
    expect(lesson.test_code).toMatch(
      /^kataTest\('matmul gives the lesson’s worked example .*', \(\) => \{\n/,
    );
    expect(lesson.test_code.endsWith('\n});')).toBe(true);
    expect(agrees.test_code.split('\n')[0]).toBe('kataProperty(');
    expect(agrees.test_code).toContain('assertClose(matmul(a, b), engineMatmul(a, b), EXACT);');
  });

  test('every test passing: status pass, still no top-level message', () => {
    const fixture = recorded('exercism-kata01-run.json');
    for (const test of fixture.report.testResults[0].assertionResults) {
      test.status = 'passed';
      test.failureMessages = [];
      test.failureDetails = [];
    }
    const passing = exercismResults(input(fixture));
    expect(passing.status).toBe('pass');
    expect(passing).not.toHaveProperty('message');
    expect(resultsProblems(passing)).toEqual([]);
  });
});

describe('exercismResults when the kata could not run', () => {
  test('a syntax error in the learner’s file: top-level error with the compiler’s message, no tests', () => {
    const results = exercismResults(input(recorded('exercism-kata01-syntax-error.json')));
    expect(resultsProblems(results)).toEqual([]);
    expect(results).toEqual({
      version: 3,
      status: 'error',
      message:
        "● Test suite failed to run\n\n    .exercism-syntax/01-loop-matmul/matmul.ts(5,3): error TS1005: ',' expected.",
      tests: [],
    });
  });

  test('jest wrote no report, or ran no test file of the kata: error with the reason', () => {
    const fixture = recorded('exercism-kata01-run.json');
    const crashed = exercismResults(
      input(fixture, { report: null, jestOutput: `Error: could not load ${REPO_ROOT}/x.ts` }),
    );
    expect(crashed).toEqual({
      version: 3,
      status: 'error',
      message: 'jest did not finish:\nError: could not load x.ts',
      tests: [],
    });
    const elsewhere = exercismResults(input(fixture, { kata: { id: '02-x', tests: [] } }));
    expect(elsewhere).toMatchObject({ status: 'error', tests: [] });
    expect(elsewhere.message).toBe('no test file ran for katas/02-x');
    expect(resultsProblems(crashed)).toEqual([]);
    expect(resultsProblems(elsewhere)).toEqual([]);
  });
});

describe('test_code for a describe.each test', () => {
  test('is found through the template literal its title was built from', () => {
    const file = path.join(REPO_ROOT, 'katas', '02-x', 'x.test.ts');
    const source = [
      "describe.each(versions)('02 · %s', (name, multiply) => {",
      '  kataTest(`${name} gives the lesson’s worked example`, () => {',
      '    expect(multiply(a, b)).toEqual(c);',
      '  });',
      '});',
    ].join('\n');
    const report: JestReport = {
      success: true,
      numTotalTests: 1,
      testResults: [
        {
          name: file,
          status: 'passed',
          message: '',
          assertionResults: [
            {
              ancestorTitles: ['02 · matmulDot'],
              title: 'matmulDot gives the lesson’s worked example',
              fullName: '02 · matmulDot matmulDot gives the lesson’s worked example',
              status: 'passed',
              failureMessages: [],
            },
          ],
        },
      ],
    };
    const results = exercismResults({
      ...input({ report }),
      kata: { id: '02-x', tests: ['x.test.ts'] },
      readSource: () => source,
    });
    expect(results.tests[0].test_code).toBe(
      source.split('\n').slice(1, 4).join('\n').replace(/^ {2}/gm, ''),
    );
  });
});

describe('failureStatus', () => {
  test('reads the kata helpers’ mark first', () => {
    expect(failureStatus({ failureDetails: [{ kataFailure: 'error' }] })).toBe('error');
    expect(failureStatus({ failureDetails: [{ kataFailure: 'fail', matcherResult: {} }] })).toBe(
      'fail',
    );
  });

  test('without it: expect or node:assert failing is fail, anything else thrown is error', () => {
    expect(failureStatus({ failureDetails: [{ matcherResult: { pass: false } }] })).toBe('fail');
    expect(failureStatus({ failureDetails: [{ code: 'ERR_ASSERTION' }] })).toBe('fail');
    expect(failureStatus({ failureDetails: [{}] })).toBe('error');
    expect(failureStatus({})).toBe('fail');
  });
});

describe('limitOutput', () => {
  test('keeps up to 500 characters as they are, trailing newlines removed', () => {
    const exact = 'x'.repeat(OUTPUT_LIMIT);
    expect(limitOutput(`${exact}\n`)).toBe(exact);
    expect(limitOutput('hello\n\n')).toBe('hello');
  });

  test('cuts a longer output to 500 characters that end with the spec’s notice', () => {
    const cut = limitOutput('y'.repeat(OUTPUT_LIMIT + 1));
    expect(cut).toHaveLength(OUTPUT_LIMIT);
    expect(cut).toBe(
      `${'y'.repeat(OUTPUT_LIMIT - OUTPUT_TRUNCATED.length - 1)}\n${OUTPUT_TRUNCATED}`,
    );
    expect(OUTPUT_TRUNCATED).toBe('Output was truncated. Please limit to 500 chars');
  });

  test('counts characters, not UTF-16 halves, and never splits one', () => {
    const emoji = '🙂'.repeat(OUTPUT_LIMIT);
    expect(limitOutput(emoji)).toBe(emoji);
    const cut = limitOutput('🙂'.repeat(OUTPUT_LIMIT + 1));
    expect(Array.from(cut)).toHaveLength(OUTPUT_LIMIT);
    expect(cut.startsWith('🙂')).toBe(true);
    expect(cut).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });
});

test('withoutHarnessFrames keeps the learner’s stack lines and drops the rest', () => {
  const message = [
    'TypeError: x is undefined',
    '    at matmul (katas/01-loop-matmul/matmul.ts:7:23)',
    '    at Object.<anonymous> (katas/01-loop-matmul/matmul.test.ts:20:5)',
    '    at runKataTest (src/testing/kata.ts:290:11)',
    '    at Promise.then.completed (node_modules/jest-circus/build/utils.js:298:28)',
    '    at new Promise (<anonymous>)',
    '    at processTicksAndRejections (node:internal/process/task_queues:95:5)',
    '    at /tmp/copy/01-loop-matmul/matmul.ts:9:1',
  ].join('\n');
  expect(withoutHarnessFrames(message)).toBe(
    [
      'TypeError: x is undefined',
      '    at matmul (katas/01-loop-matmul/matmul.ts:7:23)',
      '    at /tmp/copy/01-loop-matmul/matmul.ts:9:1',
    ].join('\n'),
  );
});

describe('resultsProblems (the strict reading of the spec these tests rely on)', () => {
  const valid = {
    version: 3,
    status: 'fail',
    tests: [{ name: 't', status: 'fail', message: 'm', test_code: 'c' }],
  };

  test('accepts the spec’s own v3 example', () => {
    expect(
      resultsProblems({
        version: 3,
        status: 'fail',
        message: null,
        tests: [
          {
            name: 'Test that the thing works',
            status: 'fail',
            message: 'Expected 42 but got 123123',
            output: 'Debugging information output by the user',
            test_code: 'assert_equal 42, answerToTheUltimateQuestion()',
            task_id: 1,
          },
        ],
      }),
    ).toEqual([]);
    expect(resultsProblems(valid)).toEqual([]);
  });

  test('rejects extra keys, unknown statuses, long output, a missing error message and missing tests', () => {
    expect(resultsProblems({ ...valid, points: 3 })).toEqual([
      'top level has a key the spec does not define: points',
    ]);
    expect(resultsProblems({ ...valid, tests: [{ name: 't', status: 'failed' }] })).toContain(
      'tests[0].status "failed" is not pass, fail or error',
    );
    expect(
      resultsProblems({
        ...valid,
        tests: [{ name: 't', status: 'fail', output: 'z'.repeat(501) }],
      }),
    ).toEqual(['tests[0].output is longer than 500 characters']);
    expect(resultsProblems({ version: 3, status: 'error', tests: [] })).toEqual([
      'status error needs a message',
    ]);
    expect(resultsProblems({ version: 3, status: 'pass' })).toEqual([
      'tests is required and must be an array',
    ]);
    expect(resultsProblems({ ...valid, status: 'pass' })).toEqual([
      'status pass while a test did not pass',
    ]);
  });
});
