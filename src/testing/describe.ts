import fc from 'fast-check';
import type { Tensor } from '../tensor';
import { flatValues, formatShape } from './read';

/** How many elements a counterexample shows before eliding the rest. */
const SHOWN_ELEMENTS = 24;

/** Significant digits in counterexamples; `KATA_PRECISION=full` shows every digit. */
const SIGNIFICANT_DIGITS = 4;

function fullPrecision(): boolean {
  return process.env.KATA_PRECISION === 'full';
}

function formatNumber(v: number): string {
  if (Number.isInteger(v) || !Number.isFinite(v) || fullPrecision()) return String(v);
  return String(Number(v.toPrecision(SIGNIFICANT_DIGITS)));
}

/** The strides of a fresh row-major tensor (a size-0 dim counts as 1, as in PyTorch). */
function rowMajorStrides(shape: readonly number[]): number[] {
  const strides = new Array<number>(shape.length);
  let step = 1;
  for (let d = shape.length - 1; d >= 0; d--) {
    strides[d] = step;
    step *= Math.max(shape[d], 1);
  }
  return strides;
}

/** Every stride as a fresh tensor would have it, size-1 dimensions included. */
function hasFreshStrides(shape: readonly number[], stride: readonly number[]): boolean {
  const fresh = rowMajorStrides(shape);
  return stride.every((s, d) => s === fresh[d]);
}

/**
 * A one-line description for counterexamples: `tensor(shape=[3,4], data=[1,2,…])`, plus the
 * stride (every dimension's, size-1 ones included) whenever it is not a fresh tensor's, and the
 * offset, so a learner sees that the input was transposed, expanded or a slice; the dtype when it
 * is not float32. Numbers show 4 significant digits.
 */
export function describeTensor(t: Tensor): string {
  const values = flatValues(t);
  const shown = values.slice(0, SHOWN_ELEMENTS).map(formatNumber);
  if (values.length > SHOWN_ELEMENTS) shown.push(`… ${values.length - SHOWN_ELEMENTS} more`);
  const parts = [`shape=${formatShape(t.shape)}`];
  const stride = t.stride() as number[];
  if (!hasFreshStrides(t.shape, stride)) parts.push(`stride=${formatShape(stride)}`);
  if (t.offset !== 0) parts.push(`offset=${t.offset}`);
  if (String(t.dtype) !== 'float32') parts.push(`dtype=${String(t.dtype)}`);
  parts.push(`data=[${shown.join(',')}]`);
  return `tensor(${parts.join(', ')})`;
}

/**
 * Gives a generated tensor a non-enumerable `[fc.toStringMethod]`, so fast-check prints it with
 * `describeTensor` in counterexamples; non-enumerable, so `toEqual` does not see it.
 */
export function readable<T extends Tensor>(t: T): T {
  Object.defineProperty(t, fc.toStringMethod, {
    value: () => describeTensor(t),
    enumerable: false,
    configurable: true,
  });
  return t;
}

/** Every tensor inside arrays and plain objects. */
function tensorsWithin(value: unknown): Tensor[] {
  if (Array.isArray(value)) return value.flatMap(tensorsWithin);
  if (typeof value !== 'object' || value === null) return [];
  if (typeof (value as Tensor).stride === 'function' && 'shape' in value) return [value as Tensor];
  if (Object.getPrototypeOf(value) !== Object.prototype) return [];
  return Object.values(value).flatMap(tensorsWithin);
}

/**
 * The line that says numbers were rounded, when any shown number of a tensor in `values` was;
 * undefined when nothing was rounded or full precision is on.
 */
export function precisionNote(values: unknown): string | undefined {
  if (fullPrecision()) return undefined;
  const rounded = tensorsWithin(values).some((t) =>
    flatValues(t)
      .slice(0, SHOWN_ELEMENTS)
      .some((v) => formatNumber(v) !== String(v)),
  );
  return rounded
    ? `(numbers rounded to ${SIGNIFICANT_DIGITS} significant digits; KATA_PRECISION=full shows every digit)`
    : undefined;
}
