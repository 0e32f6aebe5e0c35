import fc from 'fast-check';
import { kataNumberOf, parameterNames, runKataProperty, runKataTest, timeoutMessage } from './kata';
import { FAILURE_KIND } from './failure-kind';
import { LOOP_TIMEOUT_MESSAGE } from './loop-guard';

function failureOf(run: () => void): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a failure');
}

const stub = (): number => {
  throw new Error('not implemented yet: matmul in katas/01-loop-matmul/matmul.ts');
};

describe('runKataProperty', () => {
  test('a property that holds passes quietly', () => {
    expect(() =>
      runKataProperty(
        'sum is commutative',
        [fc.integer(), fc.integer()],
        (a, b) => a + b === b + a,
      ),
    ).not.toThrow();
  });

  test("a stub's error becomes exactly its one line, with no stack", () => {
    const error = failureOf(() => runKataProperty('agrees', [fc.integer()], () => void stub()));
    expect(error.message).toBe('not implemented yet: matmul in katas/01-loop-matmul/matmul.ts');
    expect(error.stack).toBe(error.message);
  });

  test('a failure shows the assertion, the shrunk counterexample by name, and how to replay it', () => {
    const error = failureOf(() =>
      runKataProperty(
        'small sums',
        [fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 })],
        (left, right) => {
          expect(left + right).toBeLessThan(150);
        },
      ),
    );
    const lines = error.message.split('\n');
    expect(lines[0]).toContain('toBeLessThan');
    expect(error.message).toMatch(
      /Counterexample \(run \d+(, shrunk \d+ times)?\), the inputs as they were before the call:\n {2}left = \d+\n {2}right = \d+\n/,
    );
    expect(error.message).toMatch(
      /Replay: FC_SEED=-?\d+ FC_PATH="[\d:]+" npx jest src\/testing\/kata.test.ts -t "small sums"/,
    );
    expect(error.stack).toBe(error.message);
  });

  test('a predicate returning false says so', () => {
    const error = failureOf(() => runKataProperty('never', [fc.nat()], () => false));
    expect(error.message.split('\n')[0]).toBe('Property failed by returning false');
  });

  test('values print with their fc.toStringMethod (tensors print small)', () => {
    const labelled = fc
      .nat()
      .map((n) => Object.defineProperty({ n }, fc.toStringMethod, { value: () => `thing(${n})` }));
    const error = failureOf(() => runKataProperty('labels', [labelled], (x) => x.n < 0));
    expect(error.message).toContain('  x = thing(0)');
  });

  test('examples run before the random cases', () => {
    const seen: number[] = [];
    runKataProperty('examples first', [fc.integer({ min: 0, max: 9 })], (n) => void seen.push(n), {
      examples: [[42], [43]],
      numRuns: 5,
    });
    expect(seen.slice(0, 2)).toEqual([42, 43]);
    expect(seen).toHaveLength(5);
  });

  test('a hung loop becomes the timeout line, with the input it was running on', () => {
    const error = failureOf(() =>
      runKataProperty('spins', [fc.nat()], () => {
        throw new Error(`${LOOP_TIMEOUT_MESSAGE}: is there a loop that never ends?`);
      }),
    );
    expect(error.message.split('\n')[0]).toBe(
      'kata timed out in spins: is there a loop that never ends?',
    );
    expect(error.message).toContain('it was still running on:');
  });
});

describe('runKataTest', () => {
  test('a stub gives its one line', async () => {
    await expect(runKataTest('example', () => void stub())).rejects.toMatchObject({
      message: 'not implemented yet: matmul in katas/01-loop-matmul/matmul.ts',
      stack: 'not implemented yet: matmul in katas/01-loop-matmul/matmul.ts',
    });
  });

  test('other failures pass through untouched', async () => {
    const original = new Error('expected 3, got 4');
    await expect(
      runKataTest('example', () => {
        throw original;
      }),
    ).rejects.toBe(original);
  });
});

describe('how a test failed, for graders (FAILURE_KIND on the Error)', () => {
  const kindOf = (error: unknown) => (error as Record<string, unknown>)[FAILURE_KIND];

  test('a failed check is fail, in a property and in an example', async () => {
    const property = failureOf(() =>
      runKataProperty('checks', [fc.nat()], (n) => {
        expect(n).toBeLessThan(0);
      }),
    );
    expect(kindOf(property)).toBe('fail');
    expect(kindOf(failureOf(() => runKataProperty('false', [fc.nat()], () => false)))).toBe('fail');
    const example = await runKataTest('checks', () => {
      expect(1).toBe(2);
    }).catch((error: unknown) => error);
    expect(kindOf(example)).toBe('fail');
  });

  test('an error thrown by the code under test (or a stub, or a hung loop) is error', async () => {
    const thrown = failureOf(() =>
      runKataProperty('throws', [fc.nat()], () => {
        throw new TypeError('a.shape is undefined');
      }),
    );
    expect(kindOf(thrown)).toBe('error');
    expect(kindOf(failureOf(() => runKataProperty('stub', [fc.nat()], () => void stub())))).toBe(
      'error',
    );
    const example = await runKataTest('throws', () => {
      throw new RangeError('index 3 is out of bounds');
    }).catch((error: unknown) => error);
    expect(kindOf(example)).toBe('error');
    expect(Object.keys(example as object)).toContain(FAILURE_KIND);
  });
});

test('timeoutMessage names the kata from the test file', () => {
  expect(timeoutMessage('dot agrees', '/r/katas/02-broadcast-matmul/matmul.test.ts')).toBe(
    'kata 02 timed out in dot agrees: is there a loop that never ends?',
  );
  expect(kataNumberOf('/r/.mutant/03-expand-as/strides.test.ts')).toBe('03');
});

test('parameterNames reads simple parameter lists and falls back to positions', () => {
  expect(parameterNames((a: number, b: number) => a + b, 2)).toEqual(['a', 'b']);
  expect(
    parameterNames(function named(x: number) {
      return x;
    }, 1),
  ).toEqual(['x']);
  // a destructured parameter has no single name (parameterPatterns names its parts)
  expect(parameterNames(([a, b]: number[]) => a + b, 1)).toEqual(['arg1']);
  expect(parameterNames((a: number) => a, 2)).toEqual(['arg1', 'arg2']);
});
