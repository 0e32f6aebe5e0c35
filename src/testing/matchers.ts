import type { MatcherFunction } from 'expect';
import type { TensorLike } from './close';

/** The lessons' default tolerance (kept here too: close.ts is loaded only when the matcher runs). */
const DEFAULT_EPS = 1e-5;

/**
 * close.ts loads the engine. Every test file registers this matcher (a jest setup file), so it
 * is required on first use: tests that never compare tensors (the tools') run without the engine.
 */
function closeModule(): typeof import('./close') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('./close');
}

/**
 * `expect(t).toBeCloseTensor(expected, eps?, { checkDtype? })`: dtypes equal (when `expected` is a
 * tensor; `checkDtype: false` skips it), shapes equal and every element within eps.
 * On failure it prints the first differing index with both values, then both tensors.
 * Registered for every test file by tools/jest/matchers.ts.
 */
const toBeCloseTensor: MatcherFunction<
  [expected: TensorLike, eps?: number, options?: { checkDtype?: boolean }]
> = function (received, expected, eps = DEFAULT_EPS, options = {}) {
  const hint = this.utils.matcherHint('toBeCloseTensor', undefined, 'expected', {
    isNot: this.isNot,
    secondArgument: eps === DEFAULT_EPS ? undefined : 'eps',
  });
  const { asTensor, describeDifference, dtypeDifference, firstDifference, indent } = closeModule();
  const actual = asTensor(received as TensorLike);
  const wanted = asTensor(expected, actual);
  const difference =
    dtypeDifference(received as TensorLike, expected, options.checkDtype) ??
    firstDifference(actual, wanted, eps);
  const both = () =>
    [
      `Received: ${this.utils.RECEIVED_COLOR(indent(String(actual), 10))}`,
      `Expected: ${this.utils.EXPECTED_COLOR(indent(String(wanted), 10))}`,
    ].join('\n');
  if (difference === null) {
    return {
      pass: true,
      message: () => `${hint}\n\nExpected the tensors to differ by more than ${eps}\n\n${both()}`,
    };
  }
  return {
    pass: false,
    message: () => `${hint}\n\n${describeDifference(difference, eps)}\n\n${both()}`,
  };
};

expect.extend({ toBeCloseTensor });

// The type parameters must repeat the originals exactly for the declarations to merge.
declare module 'expect' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface Matchers<R extends void | Promise<void>, T = unknown> {
    /** Dtypes and shapes equal, every element within eps (default 1e-5); NaN matches only NaN. */
    toBeCloseTensor(expected: TensorLike, eps?: number, options?: { checkDtype?: boolean }): R;
  }
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace jest {
    // eslint-disable-next-line @typescript-eslint/no-unused-vars, @typescript-eslint/no-empty-object-type
    interface Matchers<R, T = {}> {
      /** Dtypes and shapes equal, every element within eps (default 1e-5); NaN matches only NaN. */
      toBeCloseTensor(expected: TensorLike, eps?: number, options?: { checkDtype?: boolean }): R;
    }
  }
}
