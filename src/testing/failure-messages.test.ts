/**
 * What a kata failure shows (rules a learner relies on): the inputs as they were before the
 * learner's code ran, reproducible runs, readable names and numbers, "did not throw", a location
 * in the learner's file, and a missing gradient named.
 */
import fc from 'fast-check';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fromStorage, tensor, Tensor } from '../tensor';
import { describeTensor, readable } from './describe';
import { learnerLocation } from './location';
import { explainMissingGradient } from './missing-gradient';
import { assertClose } from './close';
import { checkView, expectThrows } from './observe';
import { parameterPatterns } from './params';
import { runKataProperty } from './kata';

const f32 = (values: number[]) => readable(tensor(values, { dtype: 'float32' }));

function failureOf(run: () => void): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a failure');
}

describe('the counterexample shows the inputs as they were before the call', () => {
  test('an input the code overwrote prints with its original values, and the message names it', () => {
    const error = failureOf(() =>
      runKataProperty('zeroes its input', [fc.constant(null).map(() => f32([1, 2, 3]))], (t) => {
        t.mul_(0); // a wrong answer that writes into its input
        expect(t.sum().item()).toBe(6);
      }),
    );
    expect(error.message).toContain('t = tensor(shape=[3], data=[1,2,3])');
    expect(error.message).toContain('Your code changed t: it must leave its inputs as they were.');
  });

  test('an input left alone is not reported as changed', () => {
    const error = failureOf(() =>
      runKataProperty('never', [fc.constant(null).map(() => f32([1]))], (t) => t.sum().item() < 0),
    );
    expect(error.message).not.toContain('Your code changed');
  });
});

describe('every run gets fresh inputs', () => {
  test('what one run writes into a shared example does not reach the next run', () => {
    const shared = f32([5]);
    const seen: number[] = [];
    runKataProperty(
      'sees fresh values',
      [fc.constant(shared)],
      (t) => {
        seen.push(t.get(0));
        t.set([0], 0);
      },
      { numRuns: 3 },
    );
    expect(seen).toEqual([5, 5, 5]);
    expect(shared.get(0)).toBe(5);
  });

  test('a copy keeps the view: same shape, strides and offset, views of one storage still share', () => {
    const base = tensor([1, 2, 3, 4, 5, 6], { dtype: 'float32' });
    const view = fromStorage(base.storage(), [2, 2], [1, 3], 1);
    runKataProperty('keeps layouts', [fc.constant({ base, view })], ({ base: b, view: v }) => {
      expect(b).not.toBe(base);
      expect([v.shape, v.stride(), v.offset]).toEqual([[2, 2], [1, 3], 1]);
      expect(v.storage()).toBe(b.storage());
    });
  });

  test('replaying the printed seed and path reproduces the printed counterexample exactly', () => {
    const property = (): void =>
      runKataProperty(
        'small products',
        [fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 3, maxLength: 3 })],
        (values) => {
          const t = f32(values);
          t.mul_(2);
          expect(t.abs().sum().item()).toBeLessThan(120);
        },
      );
    const first = failureOf(property).message;
    const [, seed, fcPath] = /FC_SEED=(-?\d+) FC_PATH="([\d:]*)"/.exec(first)!;
    const previous = fc.readConfigureGlobal();
    process.env.FC_PATH = fcPath;
    fc.configureGlobal({ ...previous, seed: Number(seed) });
    try {
      const replay = failureOf(property).message;
      const counterexample = (text: string) => /values = .*/.exec(text)![0];
      expect(counterexample(replay)).toBe(counterexample(first));
    } finally {
      delete process.env.FC_PATH;
      fc.configureGlobal(previous);
    }
  });
});

describe('names, strides and numbers', () => {
  test("inputs are named by the predicate's destructured parameters", () => {
    const error = failureOf(() =>
      runKataProperty(
        'names',
        [
          fc.constant(null).map(() => [f32([1]), f32([2])]),
          fc.constant<{ inp: number; w: number }>({ inp: 3, w: 4 }),
        ],
        ([a, b], { inp, w }) => a === b && inp === w,
      ),
    );
    expect(error.message).toMatch(/ {2}a = tensor\(shape=\[1\], data=\[1\]\)\n {2}b = tensor/);
    expect(error.message).toMatch(/ {2}inp = 3\n {2}w = 4/);
  });

  test('parameterPatterns reads plain, array, object, aliased and defaulted parameters', () => {
    expect(
      parameterPatterns(
        // eslint-disable-next-line @typescript-eslint/no-unused-vars
        (x: number, [a, , c]: number[], { inp, w: weight }: { inp: 1; w: 2 }, y = 3) => 0,
        4,
      ),
    ).toEqual([
      { kind: 'name', name: 'x' },
      { kind: 'array', names: ['a', undefined, 'c'] },
      {
        kind: 'object',
        entries: [
          { key: 'inp', name: 'inp' },
          { key: 'w', name: 'weight' },
        ],
      },
      { kind: 'name', name: 'y' },
    ]);
  });

  test('a view prints the stride of every dimension, size-1 ones included', () => {
    const base = tensor([1, 2, 3], { dtype: 'float32' });
    // a size-1 dimension with a stride no fresh tensor has (a fresh [1, 3] has [3, 1])
    expect(describeTensor(fromStorage(base.storage(), [1, 3], [1, 1]))).toBe(
      'tensor(shape=[1,3], stride=[1,1], data=[1,2,3])',
    );
    expect(describeTensor(fromStorage(base.storage(), [1, 3]))).toBe(
      'tensor(shape=[1,3], data=[1,2,3])',
    );
  });

  test('numbers show 4 significant digits, and the message says how to see them all', () => {
    const error = failureOf(() =>
      runKataProperty('thirds', [fc.constant(null).map(() => f32([1 / 3]))], () => false),
    );
    expect(error.message).toContain('data=[0.3333]');
    expect(error.message).toContain('KATA_PRECISION=full shows every digit');
    process.env.KATA_PRECISION = 'full';
    try {
      expect(describeTensor(f32([1 / 3]))).toBe(`tensor(shape=[1], data=[${Math.fround(1 / 3)}])`);
    } finally {
      delete process.env.KATA_PRECISION;
    }
  });

  test('an expected error that never came reads "did not throw" with what came back', () => {
    expect(() => expectThrows(() => f32([1]), 'mat1 and mat2 shapes cannot be multiplied')).toThrow(
      /^expected an Error with "mat1 and mat2 shapes cannot be multiplied", but it did not throw: it returned tensor\(\[1\.\]\)/,
    );
    expect(() => expectThrows(() => undefined, /\S/)).toThrow(/did not throw: it returned nothing/);
    expect(() =>
      expectThrows(() => {
        throw new Error('boom');
      }, 'boom'),
    ).not.toThrow();
  });
});

describe('where a failure points', () => {
  const repo = path.resolve(__dirname, '..', '..');

  test("a kata test's failure points at the learner's function named in the title", () => {
    const location = learnerLocation(
      'mseGrad sets inp.g to the gradient autograd finds',
      path.join(repo, 'katas', '04-mse-grad', 'mse.test.ts'),
    );
    expect(location).toMatchObject({
      name: 'mseGrad',
      file: path.join(repo, 'katas', '04-mse-grad', 'mse.ts'),
    });
    const source = fs.readFileSync(location!.file, 'utf8').split('\n');
    expect(source[location!.line - 1]).toMatch(/export function mseGrad\(/);
  });

  test('the longer export wins where one name contains another (matmulDot, not matmul)', () => {
    const location = learnerLocation(
      'matmulDot leaves its inputs unchanged',
      path.join(repo, 'katas', '02-broadcast-matmul', 'matmul.test.ts'),
    );
    expect(location?.name).toBe('matmulDot');
  });

  test('outside a kata there is no learner location', () => {
    expect(
      learnerLocation('anything', path.join(repo, 'src', 'testing', 'x.test.ts')),
    ).toBeUndefined();
  });
});

describe('a backward pass in the wrong order names the missing gradient', () => {
  test('reading a method of an unset .g names that .g', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kata-'));
    const file = path.join(dir, 'lin.ts');
    fs.writeFileSync(file, 'x\n  inp.g = out.g!.matmul(w.t());\n');
    const error = failureOf(() => {
      const out: { g?: Tensor } = {};
      out.g!.matmul(f32([1]));
    });
    expect(explainMissingGradient(error, `${file}:2:19`)).toMatch(
      /^out\.g was not set yet when .*lin\.ts:2:19 ran\. Backward runs from the loss back to the input/,
    );
    fs.rmSync(dir, { recursive: true });
  });

  test("the engine's error for an undefined operand names the op, and the line's .g", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kata-'));
    const file = path.join(dir, 'lin.ts');
    fs.writeFileSync(file, '  inp.g = inp.gt(0).float().mul(out.g);\n');
    const error = failureOf(() => f32([1]).mul(undefined as unknown as Tensor));
    expect(error.message).toBe(
      "mul(): argument 'other' (position 1) must be Tensor or number, not undefined",
    );
    expect(explainMissingGradient(error, `${file}:1:5`)).toMatch(/^out\.g was not set yet/);
    fs.rmSync(dir, { recursive: true });
  });

  test('other errors are left alone', () => {
    expect(explainMissingGradient(new Error('shapes differ'), 'x.ts:1:1')).toBeUndefined();
  });
});

describe('pictures of the counterexample (KATA_PICTURES=plain: the text a log or NO_COLOR shows)', () => {
  const before = process.env.KATA_PICTURES;
  beforeAll(() => {
    process.env.KATA_PICTURES = 'plain';
  });
  afterAll(() => {
    if (before === undefined) delete process.env.KATA_PICTURES;
    else process.env.KATA_PICTURES = before;
  });

  test('an input that is a view is drawn over its storage, the cells it reads marked', () => {
    const storage = f32([1, 2, 3, 4, 5, 6]);
    const error = failureOf(() =>
      runKataProperty(
        'never',
        [fc.constant(null).map(() => readable(storage.view(2, 3).t()))],
        (t) => t.sum().item() < 0,
      ),
    );
    expect(error.message).toContain(
      [
        '  t = tensor(shape=[3,2], stride=[1,3], data=[1,4,2,5,3,6])',
        '    cell          0  1  2  3  4  5',
        '    storage of t  1  2  3  4  5  6',
        '    read          ^  ^  ^  ^  ^  ^',
        '',
        '    the cell each element of t [3,2] reads (stride [1,3])',
        '      0   3',
      ].join('\n'),
    );
  });

  test('a fresh input, or one whose only odd stride is on a size-1 dimension, is not drawn', () => {
    const oddUnitStride = readable(fromStorage(f32([1, 2]).storage(), [1, 2], [7, 1], 0));
    const error = failureOf(() =>
      runKataProperty('never', [fc.constant(oddUnitStride)], (t) => t.sum().item() < 0),
    );
    expect(error.message).toContain('stride=[7,1]');
    expect(error.message).not.toContain('storage of');
  });

  test('a wrong value is drawn as expected | got with the element marked', () => {
    const error = failureOf(() =>
      runKataProperty('doubles', [fc.constant(null).map(() => f32([1, 2]))], (t) => {
        assertClose(t.mul(2), f32([2, 5]));
      }),
    );
    expect(error.message).toContain(
      ['expected [2]    got [2]', '  2  [5]          2  [4]'].join('\n'),
    );
  });

  test('an expected clash that was not reported draws the shapes lined up from the right', () => {
    const error = failureOf(() =>
      expectThrows(() => [2, 3], 'The size of tensor a (3) must match', {
        shapes: { a: [3], b: [2, 2] },
      }),
    );
    expect(error.message).toContain(
      ['dim  0  1', 'a       3', 'b    2  2', '        ^ 3 against 2 at dimension 1'].join('\n'),
    );
  });

  test('a view check that fails draws the expected view next to the one returned', () => {
    const t = f32([10, 20, 30]);
    const copy = t.expand(2, 3).contiguous();
    const error = failureOf(() =>
      checkView({ name: 't', tensor: t }, t.expand(2, 3), copy, () => {
        expect(copy.stride()).toStrictEqual([0, 1]);
      }),
    );
    expect(error.message).toContain('got: a copy with its own cells, stride [3,1]');
    expect(error.stack).toContain('got: a copy with its own cells, stride [3,1]');
  });

  test('--no-pictures (KATA_PICTURES=off) shows the numbers instead', () => {
    process.env.KATA_PICTURES = 'off';
    try {
      const error = failureOf(() => assertClose(f32([2, 4]), f32([2, 5])));
      expect(error.message).toContain('got:      tensor(');
      expect(error.message).not.toContain('expected [2]');
    } finally {
      process.env.KATA_PICTURES = 'plain';
    }
  });
});
