import { tensor, Tensor } from '../tensor';
import { comparisonPicture, pictureMode } from './pictures';
import { flatValues, formatShape, indicesOf } from './read';

// Read once: inside jest's sandbox every global lookup costs about half a microsecond, and
// elementsClose runs once per element of every compared tensor.
const { isNaN: isNaNNumber } = Number;
const { abs } = Math;

/** Nested arrays of numbers, as `tensor()` takes them. */
export type NestedNumbers = number | NestedNumbers[];
/** What closeness checks accept: a tensor, or numbers that `tensor()` turns into one. */
export type TensorLike = Tensor | NestedNumbers;

/** Marks errors thrown by assertClose as failed checks. */
export const CHECK_FAILURE = Symbol.for('kata.checkFailure');

/** The lessons' default tolerance (`test_close(a, b, eps=1e-5)`). */
export const DEFAULT_EPS = 1e-5;

/**
 * A tensor from a TensorLike. Plain numbers take the dtype of `like` when it is a float tensor
 * (so `[[0.1]]` compares equal to a float32 0.1 with eps 0), float64 otherwise, so that no
 * expected number is rounded before the comparison.
 */
export function asTensor(value: TensorLike, like?: Tensor): Tensor {
  if (value instanceof Tensor) return value;
  const dtype =
    like && (like.dtype === 'float32' || like.dtype === 'float64') ? like.dtype : 'float64';
  return tensor(value, { dtype });
}

/** Why two tensors are not close, or `null` when they are. */
export type Difference =
  | { kind: 'dtype'; actual: string; expected: string }
  | { kind: 'shape'; actual: number[]; expected: number[] }
  | { kind: 'value'; index: number[]; actual: number; expected: number };

/** One element pair is close: equal (also both NaN, or the same infinity) or within eps. */
export function elementsClose(actual: number, expected: number, eps: number): boolean {
  if (isNaNNumber(actual) || isNaNNumber(expected))
    return isNaNNumber(actual) && isNaNNumber(expected);
  return actual === expected || abs(actual - expected) <= eps;
}

/** The first place where `actual` and `expected` differ by more than eps (row-major order). */
export function firstDifference(
  actual: TensorLike,
  expected: TensorLike,
  eps = DEFAULT_EPS,
): Difference | null {
  const a = asTensor(actual, expected instanceof Tensor ? expected : undefined);
  const b = asTensor(expected, a);
  if (a.shape.length !== b.shape.length || a.shape.some((size, d) => size !== b.shape[d])) {
    return { kind: 'shape', actual: [...a.shape], expected: [...b.shape] };
  }
  const va = flatValues(a);
  const vb = flatValues(b);
  let position = 0;
  for (const index of indicesOf(a.shape)) {
    if (!elementsClose(va[position], vb[position], eps)) {
      return { kind: 'value', index, actual: va[position], expected: vb[position] };
    }
    position++;
  }
  return null;
}

/**
 * How assertClose and toBeCloseTensor compare. `checkDtype` (default true) also requires equal
 * dtypes when both sides are tensors, as torch.testing.assert_close does: float32 in, float32 out,
 * so an answer that allocates its result as int32 (truncating) or float64 fails.
 */
export interface CloseOptions {
  /** Prefixes the failure's first line, e.g. the case being checked. */
  message?: string;
  checkDtype?: boolean;
}

/** The dtype difference of two tensors, when both sides are tensors and the check is on. */
export function dtypeDifference(
  actual: TensorLike,
  expected: TensorLike,
  checkDtype = true,
): Difference | null {
  if (!checkDtype || !(actual instanceof Tensor) || !(expected instanceof Tensor)) return null;
  if (actual.dtype === expected.dtype) return null;
  return { kind: 'dtype', actual: actual.dtype, expected: expected.dtype };
}

/** Describes a difference in one line, e.g. `at index [1,0]: got 5, expected 4 (eps 0.00001)`. */
export function describeDifference(difference: Difference, eps: number): string {
  if (difference.kind === 'dtype') {
    return `dtypes differ: got ${difference.actual}, expected ${difference.expected}`;
  }
  if (difference.kind === 'shape') {
    return `shapes differ: got ${formatShape(difference.actual)}, expected ${formatShape(difference.expected)}`;
  }
  const { index, actual, expected } = difference;
  const gap = Number.isFinite(actual - expected)
    ? ` (difference ${Math.abs(actual - expected)} > eps ${eps})`
    : '';
  return `first difference at index ${formatShape(index)}: got ${actual}, expected ${expected}${gap}`;
}

/**
 * The lessons' `test_close`: true when the shapes match and every element is within eps
 * (NaN counts as equal to NaN only when both are NaN).
 */
export function testClose(actual: TensorLike, expected: TensorLike, eps = DEFAULT_EPS): boolean {
  return firstDifference(actual, expected, eps) === null;
}

/**
 * Throws an Error saying where `actual` and `expected` first differ, unless they are close. When
 * both are tensors their dtypes must match too (pass `{ checkDtype: false }` to compare values
 * only); a string as the last argument is the `message`.
 */
export function assertClose(
  actual: TensorLike,
  expected: TensorLike,
  eps = DEFAULT_EPS,
  options: string | CloseOptions = {},
): void {
  const { message, checkDtype } = typeof options === 'string' ? { message: options } : options;
  const a = asTensor(actual, expected instanceof Tensor ? expected : undefined);
  const b = asTensor(expected, a);
  const difference = dtypeDifference(actual, expected, checkDtype) ?? firstDifference(a, b, eps);
  if (difference === null) return;
  const summary = describeDifference(difference, eps);
  const picture = difference.kind === 'dtype' ? undefined : differencePicture(a, b, eps);
  const lines = [
    message ? `${message}: ${summary}` : summary,
    ...(picture === undefined
      ? [`got:      ${indent(String(a), 10)}`, `expected: ${indent(String(b), 10)}`]
      : [picture]),
  ];
  const error = new Error(lines.join('\n'));
  // The stack starts at the caller, so jest's code frame shows the test's line, not this one.
  Error.captureStackTrace(error, assertClose);
  throw markAsCheckFailure(error);
}

/**
 * Expected and got drawn side by side with the elements that differ by more than eps marked, or
 * undefined when pictures are off or the tensors are too big to draw (then the numbers are shown).
 */
function differencePicture(actual: Tensor, expected: Tensor, eps: number): string | undefined {
  const mode = pictureMode();
  if (mode === 'off') return undefined;
  const [got, want] = [flatValues(actual), flatValues(expected)];
  return comparisonPicture(
    expected,
    actual,
    (position) => !elementsClose(got[position], want[position], eps),
    mode,
  );
}

/**
 * Marks an Error as a failed check, so the kata helpers do not report it as an error thrown by
 * the code under test. (Not named AssertionError: jest would format it as node's assert.)
 */
export function markAsCheckFailure<E extends Error>(error: E): E {
  Object.defineProperty(error, CHECK_FAILURE, { value: true });
  return error;
}

/** Indents continuation lines, so a multi-line tensor stays aligned after a label. */
export function indent(text: string, width: number): string {
  return text.split('\n').join(`\n${' '.repeat(width)}`);
}
