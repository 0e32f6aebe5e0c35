import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildBoard } from './board';
import { loadCatalogue } from './catalogue-core';
import {
  checkFiles,
  checkFilesCached,
  learnerFiles,
  prestartTypeCheck,
  startTypeCheck,
  takePrestarted,
  type TypeCheckOutcome,
  type TypeDiagnostic,
} from './type-check';
interface Reporter {
  onRunStart(): void;
  onRunComplete(contexts: unknown, results: { testResults: object[] }): Promise<void>;
  startTypeCheck(): void;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const BoardReporter = require('../board-reporter') as {
  new (globalConfig: object, options?: object): Reporter;
  selectedKatas: (katas: object[], globalConfig: object, root: string) => { id: string }[];
};
const { selectedKatas } = BoardReporter;

const root = path.resolve(__dirname, '..', '..');
const katas = loadCatalogue(root);
const ids = katas.map((kata) => kata.id);

// Reading the engine and the type declarations takes a few seconds, more on a busy machine.
const CHECK_TIMEOUT = 60_000;

describe('the type check of the judged files', () => {
  let scratch: string;
  let copy: string;
  let outcome: TypeCheckOutcome;

  // One check (in a child process, as the board reporter runs it) over every stub, every
  // solution, and a copy of kata 01 with the mistake the board is for: a Tensor where `set`
  // takes a number. The copy sits beside a link to the engine, so its `../../src` import works.
  beforeAll(async () => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'kata-type-check-'));
    copy = path.join(scratch, 'copy');
    fs.mkdirSync(path.join(copy, '01-loop-matmul'), { recursive: true });
    fs.symlinkSync(path.join(root, 'src'), path.join(scratch, 'src'), 'dir');
    fs.writeFileSync(
      path.join(copy, '01-loop-matmul', 'matmul.ts'),
      [
        "import { Tensor, zeros } from '../../src';",
        '',
        'export function matmul(a: Tensor, b: Tensor): Tensor {',
        '  const c = zeros(a.shape[0], b.shape[1]);',
        '  for (let i = 0; i < a.shape[0]; i++)',
        '    for (let j = 0; j < b.shape[1]; j++)',
        "      c.set([i, j], a.index(i, ':').mul(b.index(':', j)).sum());",
        '  return c;',
        '}',
        '',
      ].join('\n'),
    );
    const files = [
      ...learnerFiles(root, 'katas', ids),
      ...learnerFiles(root, 'solutions', ids),
      ...learnerFiles(root, copy, ['01-loop-matmul']),
    ];
    outcome = await startTypeCheck(root, files).outcome(CHECK_TIMEOUT);
  }, CHECK_TIMEOUT + 5_000);

  afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

  test('every stub and every solution as shipped has no type error', () => {
    expect(outcome).toHaveProperty('diagnostics');
    const shipped = 'diagnostics' in outcome ? outcome.diagnostics : [];
    expect(shipped.filter((d) => !d.file.startsWith(copy))).toEqual([]);
  });

  test('a Tensor passed where a number belongs shows under its kata’s row', () => {
    const board = buildBoard(
      katas,
      [
        {
          testFilePath: path.join(root, 'katas', '01-loop-matmul', 'matmul.test.ts'),
          testResults: [{ title: 'lesson example', status: 'failed', failureMessages: ['NaN'] }],
        },
      ],
      { root, source: copy, typeCheck: { dir: copy, ...outcome } },
    );
    const place = `${path.join(copy, '01-loop-matmul', 'matmul.ts')}:7:21`;
    expect(board).toMatch(/ ✗ 01-loop-matmul .* 0\/1\n {5}type error {2}(.*) {2}TS2345\n/);
    expect(board).toContain(`type error  ${place}  TS2345\n`);
    expect(board).toContain(
      "     Argument of type 'Tensor' is not assignable to parameter of type",
    );
  });

  test(
    'a kata file may use Node’s globals (console, process) as in an editor',
    () => {
      const debug = path.join(copy, '09-debugging', 'debug.ts');
      fs.mkdirSync(path.dirname(debug), { recursive: true });
      fs.writeFileSync(
        debug,
        [
          "import { tensor } from '../../src';",
          "if (process.env.DEBUG) console.log(tensor([1, 2]).sum().item() + 'x');",
          'const slip: number = tensor([1]);',
          '',
        ].join('\n'),
      );
      const found = checkFiles(root, [debug]);
      expect(found.map((d) => `${d.line}:${d.column} TS${d.code}`)).toEqual(['3:7 TS2322']);
    },
    CHECK_TIMEOUT,
  );

  test('all the learner files of the given katas, without the tests, from the judged folder', () => {
    expect(learnerFiles(root, undefined, ['01-loop-matmul', '03-expand-as'])).toEqual([
      path.join(root, 'katas', '01-loop-matmul', 'matmul.ts'),
      path.join(root, 'katas', '03-expand-as', 'strides.ts'),
    ]);
    expect(learnerFiles(root, 'solutions', ['07-init'])).toEqual([
      path.join(root, 'solutions', '07-init', 'init.ts'),
    ]);
    expect(learnerFiles(root, 'variants:.mutant-v', ['07-init'])).toEqual([]);
  });
});

test('a result is reused until a file the check read changes', () => {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'kata-type-check-'));
  try {
    const kataFile = path.join(scratch, 'matmul.ts');
    const engineFile = path.join(scratch, 'engine.d.ts');
    fs.writeFileSync(kataFile, 'let x: string = 5;\n');
    fs.writeFileSync(engineFile, 'export {};\n');
    const found: TypeDiagnostic = { file: kataFile, line: 1, column: 5, code: 2322, message: 'no' };
    const check = jest.fn(() => ({ diagnostics: [found], inputs: [kataFile, engineFile] }));
    const cache = path.join(scratch, 'cache');
    expect(checkFilesCached(root, [kataFile], cache, check)).toEqual([found]);
    expect(checkFilesCached(root, [kataFile], cache, check)).toEqual([found]);
    expect(check).toHaveBeenCalledTimes(1);
    fs.writeFileSync(engineFile, 'export const y = 1;\n');
    checkFilesCached(root, [kataFile], cache, check);
    expect(check).toHaveBeenCalledTimes(2);
    fs.writeFileSync(kataFile, 'let x = 5;\n');
    checkFilesCached(root, [kataFile], cache, check);
    expect(check).toHaveBeenCalledTimes(3);
    // another set of files has its own entry
    checkFilesCached(root, [engineFile], cache, check);
    expect(check).toHaveBeenCalledTimes(4);
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
});

describe('a check that cannot finish', () => {
  let scratch: string;
  beforeAll(() => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'kata-type-check-'));
    fs.writeFileSync(path.join(scratch, 'crash.js'), "throw new Error('no tsconfig.json');\n");
    fs.writeFileSync(path.join(scratch, 'hang.js'), 'setInterval(() => {}, 1000);\n');
  });
  afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

  test('a crash is reported in a few words', async () => {
    const run = startTypeCheck(root, [], { script: path.join(scratch, 'crash.js'), args: [] });
    expect(await run.outcome(CHECK_TIMEOUT)).toEqual({
      problem: 'crashed: Error: no tsconfig.json',
    });
  });

  test('a check still running after the grace period is stopped', async () => {
    const run = startTypeCheck(root, [], { script: path.join(scratch, 'hang.js'), args: [] });
    expect(await run.outcome(300)).toEqual({
      problem: 'did not finish within 0 s of the tests',
    });
  });
});

test('npm test’s early check is taken over only for the same files', async () => {
  const [one, two] = learnerFiles(root, 'katas', ids);
  prestartTypeCheck(root, [one]);
  expect(takePrestarted(root, [two])).toBeUndefined();
  expect(takePrestarted(root, [one])).toBeUndefined(); // the other one was stopped
  prestartTypeCheck(root, [one]);
  const run = takePrestarted(root, [one]);
  expect(run).toBeDefined();
  run?.stop();
  expect(await run?.outcome(CHECK_TIMEOUT)).toHaveProperty('problem');
});

describe('selectedKatas: the katas a jest run will judge, from its options', () => {
  const config = (extra: object) => ({ rootDir: root, selectProjects: [], ...extra });
  const chosen = (extra: object) => selectedKatas(katas, config(extra), root).map((k) => k.id);

  test('npm test: every kata', () => {
    expect(chosen({ testPathPatterns: [] })).toEqual(ids);
  });

  test('npm test -- 02 05: the anchored folder patterns of test-args.js', () => {
    const { jestArgs } = jest.requireActual('./test-args');
    const args: string[] = jestArgs(['02', '05'], katas, root);
    const patterns = args.slice(args.indexOf('--testPathPatterns') + 1);
    expect(chosen({ testPathPatterns: patterns })).toEqual(['02-broadcast-matmul', '05-lin-grad']);
  });

  test('jest 30’s TestPathPatterns object, a plain pattern, and --runTestsByPath', () => {
    expect(chosen({ testPathPatterns: { patterns: ['expand'] } })).toEqual(['03-expand-as']);
    expect(
      chosen({ runTestsByPath: true, testPathPatterns: ['katas/07-init/init.test.ts'] }),
    ).toEqual(['07-init']);
  });

  test('none when the katas project is not selected', () => {
    expect(chosen({ selectProjects: ['engine'] })).toEqual([]);
    expect(chosen({ ignoreProjects: ['katas'] })).toEqual([]);
  });
});

test('the board still prints, saying why, when the type check cannot start', async () => {
  class Broken extends BoardReporter {
    override startTypeCheck() {
      throw new Error('no child processes here');
    }
  }
  const reporter = new Broken({ rootDir: root });
  const written: string[] = [];
  const write = jest.spyOn(process.stderr, 'write').mockImplementation((text) => {
    written.push(String(text));
    return true;
  });
  try {
    reporter.onRunStart();
    await reporter.onRunComplete(new Set(), {
      testResults: [
        {
          testFilePath: path.join(root, 'katas', '01-loop-matmul', 'matmul.test.ts'),
          testResults: [{ title: 'lesson example', status: 'failed', failureMessages: ['x'] }],
        },
      ],
    });
  } finally {
    write.mockRestore();
  }
  const board = written.join('');
  expect(board).toMatch(/ ✗ 01-loop-matmul .* 0\/1\n/);
  expect(board).toContain('(type check did not run: could not start (no child processes here))');
});
