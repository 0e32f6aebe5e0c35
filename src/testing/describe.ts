import fc from 'fast-check';
import type { Tensor } from '../tensor';
// layout.ts is plain shape arithmetic: the engine's own rule, without counting it as an op
import { contiguousStrides } from '../tensor/layout';
import { flatValues, formatShape } from './read';

/** How many elements a counterexample shows before eliding the rest. */
const SHOWN_ELEMENTS = 24;

/** Significant digits in counterexamples; `KATA_PRECISION=full` shows every digit. */
const SIGNIFICANT_DIGITS = 4;

function fullPrecision(): boolean {
  return process.env.KATA_PRECISION === 'full';
}

/** A number as counterexamples show it: 4 significant digits unless KATA_PRECISION=full. */
export function formatNumber(v: number): string {
  if (Number.isInteger(v) || !Number.isFinite(v) || fullPrecision()) return String(v);
  return String(Number(v.toPrecision(SIGNIFICANT_DIGITS)));
}

/** Every stride as a fresh tensor would have it, size-1 dimensions included. */
function hasFreshStrides(shape: readonly number[], stride: readonly number[]): boolean {
  const fresh = contiguousStrides(shape);
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

/**
 * The line that says numbers were rounded, when any shown number of these tensors was; undefined
 * when nothing was rounded or full precision is on.
 */
export function precisionNote(tensors: readonly Tensor[]): string | undefined {
  if (fullPrecision()) return undefined;
  const rounded = tensors.some((t) =>
    flatValues(t)
      .slice(0, SHOWN_ELEMENTS)
      .some((v) => formatNumber(v) !== String(v)),
  );
  return rounded
    ? `(numbers rounded to ${SIGNIFICANT_DIGITS} significant digits; KATA_PRECISION=full shows every digit)`
    : undefined;
}
