import {
  boardColour,
  buildBoard,
  errorLocation,
  shortMessage,
  type BoardFileResult,
  type BoardKata,
} from './board';

const root = '/repo';

const katas: BoardKata[] = [
  {
    id: '01-loop-matmul',
    number: '01',
    title: 'Matrix multiply with three loops',
    files: ['matmul.ts'],
    lesson: 'docs/01-loop-matmul.md',
  },
  {
    id: '02-broadcast-matmul',
    number: '02',
    title: 'Matmul by broadcasting',
    files: ['matmul.ts'],
    lesson: 'docs/02-broadcast-matmul.md',
  },
  {
    id: '03-expand-as',
    number: '03',
    title: 'Strides and expand_as',
    files: ['strides.ts'],
    lesson: 'docs/03-expand-as.md',
  },
];

function file(id: string, tests: [string, 'passed' | 'failed', string?][]): BoardFileResult {
  return {
    testFilePath: `${root}/katas/${id}/x.test.ts`,
    testResults: tests.map(([title, status, message]) => ({
      title,
      status,
      failureMessages: message === undefined ? [] : [message],
    })),
  };
}

const stub = (name: string, id: string) => `not implemented yet: ${name} in katas/${id}/matmul.ts`;

describe('buildBoard', () => {
  test('prints nothing when no kata test ran (engine-only runs)', () => {
    const engineOnly = [{ testFilePath: `${root}/src/tensor/tensor.test.ts`, testResults: [] }];
    expect(buildBoard(katas, engineOnly, { root })).toBe('');
  });

  test('a fresh clone: every kata listed in order, the first one next, with its stub line', () => {
    const results = [
      file('02-broadcast-matmul', [
        ['dot agrees', 'failed', stub('matmulDot', '02-broadcast-matmul')],
      ]),
      file('01-loop-matmul', [
        ['matmul agrees with the engine', 'failed', stub('matmul', '01-loop-matmul')],
        ['lesson example', 'failed', stub('matmul', '01-loop-matmul')],
      ]),
      file('03-expand-as', [['strides', 'failed', 'not implemented yet: contiguousStrides']]),
    ];
    const board = buildBoard(katas, results, { root });
    const lines = board.split('\n');
    expect(lines.findIndex((l) => l.includes('01-loop-matmul'))).toBeLessThan(
      lines.findIndex((l) => l.includes('02-broadcast')),
    );
    expect(board).toContain(' ✗ 01-loop-matmul ');
    expect(board).toMatch(/01-loop-matmul .* 0\/2\n/);
    expect(board).toContain('Next: 01-loop-matmul');
    expect(board).toContain('  edit  katas/01-loop-matmul/matmul.ts');
    expect(board).toContain('  read  docs/01-loop-matmul.md');
    expect(board).toContain('first failing: matmul agrees with the engine');
    expect(board).toContain('    not implemented yet: matmul in katas/01-loop-matmul/matmul.ts');
    expect(board).toContain('npm run hint -- 01');
    expect(board).not.toContain('\u001b[');
  });

  test('fits in 80 columns', () => {
    const long = 'x'.repeat(200);
    const results = [file('01-loop-matmul', [[long, 'failed', `${long}\n${long}`]])];
    const board = buildBoard([{ ...katas[0], title: long }], results, { root });
    for (const line of board.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
  });

  test('the first unfinished kata is next, after finished ones', () => {
    const results = [
      file('01-loop-matmul', [['a', 'passed']]),
      file('02-broadcast-matmul', [
        ['dot', 'passed'],
        [
          'broadcast agrees',
          'failed',
          'Error: expect(received).toEqual(expected)\n\nExpected: 3\nReceived: 4\n    at Object.<anonymous> (x.ts:1:1)',
        ],
      ]),
      file('03-expand-as', [['s', 'failed', 'nope']]),
    ];
    const board = buildBoard(katas, results, { root });
    expect(board).toContain(' ✓ 01-loop-matmul ');
    expect(board).toMatch(/02-broadcast-matmul .* 1\/2\n/);
    expect(board).toContain('1 of 3 katas pass.');
    expect(board).toContain('Next: 02-broadcast-matmul');
    expect(board).toContain('first failing: broadcast agrees');
    expect(board).toContain('    Expected: 3\n    Received: 4\n');
    expect(board).not.toContain('at Object.<anonymous>');
    expect(board).not.toContain('expect(received)');
  });

  test("watch's kata on screen (focus) is next while it is unfinished, else the first one", () => {
    const results = [
      file('01-loop-matmul', [['a', 'failed', 'one']]),
      file('02-broadcast-matmul', [['b', 'failed', 'two']]),
      file('03-expand-as', [['c', 'passed']]),
    ];
    expect(buildBoard(katas, results, { root, focus: '02-broadcast-matmul' })).toContain(
      'Next: 02-broadcast-matmul',
    );
    expect(buildBoard(katas, results, { root, focus: '03-expand-as' })).toContain(
      'Next: 01-loop-matmul',
    );
  });

  test('all katas pass: says so and points to the capstone', () => {
    const results = katas.map((kata) => file(kata.id, [['p', 'passed']]));
    const board = buildBoard(katas, results, { root });
    expect(board).toContain('All 3 katas pass.');
    expect(board).toContain('npm run train');
    expect(board).not.toContain('Next: 0');
  });

  test('KATA_SOURCE=solutions: the board says it judges the reference answers', () => {
    const results = [file('01-loop-matmul', [['p', 'failed', 'boom']])];
    const board = buildBoard(katas, results, { root, source: 'solutions' });
    expect(board).toContain('judging the reference answers in solutions/');
    expect(board).toContain('edit  solutions/01-loop-matmul/matmul.ts');
  });

  test('one kata run (npm run kata -- 02): only its line, and what comes next when it passes', () => {
    const board = buildBoard(katas, [file('02-broadcast-matmul', [['p', 'passed']])], { root });
    expect(board).not.toMatch(/ 01-loop-matmul .*\//);
    expect(board).toContain('(2 other katas not run');
    expect(board).toContain('02-broadcast-matmul: all pass.');
    expect(board).toContain('Next kata: 03-expand-as  (npm run kata -- 03)');
  });

  test('a suite that failed to run shows its file and line, and the other katas still show', () => {
    const results: BoardFileResult[] = [
      file('01-loop-matmul', [['p', 'passed']]),
      {
        testFilePath: `${root}/katas/02-broadcast-matmul/x.test.ts`,
        testExecError: {
          message: "katas/02-broadcast-matmul/matmul.ts:12:5 - error TS1005: ';' expected.",
          stack: '',
        },
        testResults: [],
      },
      file('03-expand-as', [['s', 'failed', 'nope']]),
    ];
    const board = buildBoard(katas, results, { root, cwd: root });
    expect(board).toMatch(/ ! 02-broadcast-matmul .* could not run\n/);
    expect(board).toMatch(/03-expand-as .* 0\/1\n/);
    expect(board).toContain('Next: 02-broadcast-matmul');
    expect(board).toContain('The error is at katas/02-broadcast-matmul/matmul.ts:12:5:\n');
    expect(board).toContain("    error TS1005: ';' expected.\n");
  });

  test("TypeScript's file(line,col) form: the place, then the error with no stray characters", () => {
    const results = [syntaxErrorIn01()];
    const board = buildBoard(katas, results, { root, cwd: root });
    expect(board).toContain("     katas/01-loop-matmul/matmul.ts:14:25  ')' expected.\n");
    expect(board).toContain("    error TS1005: ')' expected.\n");
    expect(board).not.toContain('):');
    // one kata run alone: nothing else ran, so the board does not claim the others did
    expect(board).toContain('(2 other katas not run');
    expect(board).not.toContain('the other katas still ran');
  });

  test('the last kata run alone and passing points to the capstone, not to an earlier kata', () => {
    const board = buildBoard(katas, [file('03-expand-as', [['p', 'passed']])], { root });
    expect(board).toContain('03-expand-as: all pass.');
    expect(board).not.toContain('Next kata:');
    expect(board).toContain('Next: the capstone trains your model on real digits:');
  });

  test('a hung loop reads as a timeout of that kata, the question on a line of its own', () => {
    const title = `dot agrees ${'on a long title '.repeat(6)}`;
    const results = [
      file('01-loop-matmul', [['p', 'passed']]),
      file('02-broadcast-matmul', [
        ['dot agrees', 'failed', `kata 02 timed out in ${title}: is there a loop that never ends?`],
      ]),
    ];
    const board = buildBoard(katas, results, { root });
    expect(board).toContain('  kata 02 timed out in dot agrees');
    expect(board).toContain('\n    is there a loop that never ends?\n');
    for (const line of board.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
    const jestTimeout = [
      file('01-loop-matmul', [
        ['slow', 'failed', 'thrown: "Exceeded timeout of 10000 ms for a test.'],
      ]),
    ];
    expect(buildBoard(katas, jestTimeout, { root })).toContain(
      'kata 01 timed out in slow\n    is there a loop that never ends?',
    );
  });

  test('a loop that hangs while the kata file loads names the kata and the line', () => {
    const message = 'kata time limit reached inside a loop: is there a loop that never ends?';
    const results: BoardFileResult[] = [
      {
        testFilePath: `${root}/katas/01-loop-matmul/x.test.ts`,
        testExecError: {
          message,
          stack: `Error: ${message}\n    at tick (${root}/tools/jest/loop-guard-runtime.js:41:11)\n    at Object.<anonymous> (${root}/katas/01-loop-matmul/matmul.ts:24:3)`,
        },
        testResults: [],
      },
      file('02-broadcast-matmul', [['dot', 'failed', 'nope']]),
    ];
    const board = buildBoard(katas, results, { root, cwd: root });
    expect(board).toMatch(/ ! 01-loop-matmul .* could not run\n/);
    expect(board).toContain('     katas/01-loop-matmul/matmul.ts:24:3  hung while loading:');
    expect(board).toContain('The error is at katas/01-loop-matmul/matmul.ts:24:3:\n');
    expect(board).not.toContain('loop-guard-runtime');
    expect(board).toMatch(/02-broadcast-matmul .* 0\/1\n/);
  });

  test('a broken kata that is not next still says which file and line', () => {
    const results: BoardFileResult[] = [
      file('01-loop-matmul', [['p', 'failed', 'not yet']]),
      {
        testFilePath: `${root}/katas/03-expand-as/x.test.ts`,
        testExecError: {
          message:
            'katas/03-expand-as/strides.ts:9:11 - error TS1134: Variable declaration expected.',
          stack: '',
        },
        testResults: [],
      },
    ];
    const board = buildBoard(katas, results, { root, cwd: root });
    expect(board).toContain('Next: 01-loop-matmul');
    expect(board).toContain(
      '\n     katas/03-expand-as/strides.ts:9:11  Variable declaration expected.\n',
    );
  });

  test('colour only when asked', () => {
    const results = [file('01-loop-matmul', [['p', 'passed']])];
    expect(buildBoard(katas, results, { root, color: true })).toContain('\u001b[');
  });

  test('a kata folder without kata.json still shows', () => {
    const board = buildBoard(katas, [file('09-new', [['p', 'failed', 'x']])], { root });
    expect(board).toContain('09-new');
  });
});

describe('errorLocation', () => {
  test.each([
    ["/repo/katas/02-b/matmul.ts:12:5 - error TS1005: ';' expected.", 'katas/02-b/matmul.ts:12:5'],
    ['SyntaxError: /repo/katas/02-b/matmul.ts: Unexpected token (7:3)', 'katas/02-b/matmul.ts:7:3'],
    ['katas/02-b/matmul.ts(4,9): error TS1109', 'katas/02-b/matmul.ts:4:9'],
    [
      'Error: boom\n    at tick (/repo/tools/jest/loop-guard-runtime.js:41:11)\n    at f (/repo/katas/02-b/matmul.ts:3:1)',
      'katas/02-b/matmul.ts:3:1',
    ],
  ])('finds the place in %s', (message, expected) => {
    expect(errorLocation(message, root, root)).toBe(expected);
  });
});

test('shortMessage keeps the first lines, without ANSI colour or stack frames', () => {
  const lines = shortMessage(
    '\u001b[31mfirst\u001b[39m\n    at foo (bar.ts:1:1)\nsecond\nthird\nfourth\nfifth',
  );
  expect(lines).toEqual(['first', 'second', 'third', 'fourth', '…']);
});

test('shortMessage keeps the relative indentation of multi-line values', () => {
  const message =
    'AssertionError: differ\ngot:      tensor([[1., 2.],\n                  [3., 4.]])';
  expect(shortMessage(message)).toEqual([
    'differ',
    'got:      tensor([[1., 2.],',
    '                  [3., 4.]])',
  ]);
});

test('boardColour: colour on a terminal only, unless NO_COLOR or FORCE_COLOR says otherwise', () => {
  expect(boardColour({}, { isTTY: true })).toBe(true);
  expect(boardColour({}, { isTTY: false })).toBe(false);
  expect(boardColour({ CI: 'true' }, {})).toBe(false);
  expect(boardColour({ NO_COLOR: '1' }, { isTTY: true })).toBe(false);
  expect(boardColour({ FORCE_COLOR: '1' }, {})).toBe(true);
});

describe('type errors on the board', () => {
  const typeError = (id: string, line: number, message: string) => ({
    file: `${root}/katas/${id}/matmul.ts`,
    line,
    column: 20,
    code: 2345,
    message,
  });
  const tensorForNumber = typeError(
    '01-loop-matmul',
    12,
    "Argument of type 'Tensor' is not assignable to parameter of type 'number'.",
  );

  test('under the row of their kata, which tests still judge', () => {
    const results = [
      file('01-loop-matmul', [
        ['p', 'passed'],
        ['lesson example', 'failed', 'got NaN, expected 15'],
      ]),
      file('02-broadcast-matmul', [['q', 'passed']]),
    ];
    const board = buildBoard(katas, results, {
      root,
      cwd: root,
      typeCheck: { dir: `${root}/katas`, diagnostics: [tensorForNumber] },
    });
    expect(board).toMatch(
      new RegExp(
        ' ✗ 01-loop-matmul .* 1/2\n' +
          ' {5}type error {2}katas/01-loop-matmul/matmul\\.ts:12:20 {2}TS2345\n' +
          " {5}Argument of type 'Tensor' is not assignable to parameter of type 'number'\\.\n" +
          ' ✓ 02-broadcast-matmul',
      ),
    );
    expect(board).toContain(
      '    got NaN, expected 15\n  type errors above often explain a failing test: a wrong number, a NaN\n',
    );
    for (const line of board.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
  });

  test('not under a kata that did not run, and no NaN note for a kata without errors', () => {
    const board = buildBoard(katas, [file('02-broadcast-matmul', [['q', 'failed', 'NaN']])], {
      root,
      typeCheck: { dir: `${root}/katas`, diagnostics: [tensorForNumber] },
    });
    expect(board).not.toContain('type error');
    expect(board).not.toContain('type errors above');
  });

  test('a syntax error shown on a broken row is not repeated as a type error', () => {
    const results = [syntaxErrorIn01()];
    const syntax = { ...typeError('01-loop-matmul', 14, "')' expected."), column: 25, code: 1005 };
    const board = buildBoard(katas, results, {
      root,
      cwd: root,
      typeCheck: { dir: `${root}/katas`, diagnostics: [syntax, tensorForNumber] },
    });
    expect(board).toContain("     katas/01-loop-matmul/matmul.ts:14:25  ')' expected.\n");
    expect(board).not.toContain('type error  katas/01-loop-matmul/matmul.ts:14:25');
    expect(board).toContain('type error  katas/01-loop-matmul/matmul.ts:12:20  TS2345');
    expect(board).not.toContain('):');
  });

  test('a check that did not run says so in one line, and the board still prints', () => {
    const board = buildBoard(katas, [file('01-loop-matmul', [['p', 'failed', 'nope']])], {
      root,
      typeCheck: { problem: 'did not finish within 20 s of the tests' },
    });
    expect(board).toContain(
      '   (type check did not run: did not finish within 20 s of the tests)\n',
    );
    expect(board).toContain('Next: 01-loop-matmul');
  });
});

/** Kata 01's test file failing to run on TypeScript's file(line,col) syntax error. */
function syntaxErrorIn01(): BoardFileResult {
  return {
    testFilePath: `${root}/katas/01-loop-matmul/x.test.ts`,
    testExecError: {
      message: "katas/01-loop-matmul/matmul.ts(14,25): error TS1005: ')' expected.",
      stack: '',
    },
    testResults: [],
  };
}
