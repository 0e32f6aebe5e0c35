import fc from 'fast-check';
import type { Tensor } from '../tensor';
import { flatValues, formatShape } from './read';

/** How many elements a counterexample shows before eliding the rest. */
const SHOWN_ELEMENTS = 24;

function formatNumber(v: number): string {
  if (Number.isInteger(v) || !Number.isFinite(v)) return String(v);
  return String(Number(v.toPrecision(6)));
}

function isContiguousStride(shape: readonly number[], stride: readonly number[]): boolean {
  let expected = 1;
  for (let d = shape.length - 1; d >= 0; d--) {
    if (shape[d] !== 1 && stride[d] !== expected) return false;
    expected *= shape[d];
  }
  return true;
}

/**
 * A one-line description for counterexamples: `tensor(shape=[3,4], data=[1,2,…])`, plus the
 * stride and offset when the tensor is a non-contiguous view (a learner needs to know the input
 * was transposed or expanded) and the dtype when it is not float32.
 */
export function describeTensor(t: Tensor): string {
  const values = flatValues(t);
  const shown = values.slice(0, SHOWN_ELEMENTS).map(formatNumber);
  if (values.length > SHOWN_ELEMENTS) shown.push(`… ${values.length - SHOWN_ELEMENTS} more`);
  const parts = [`shape=${formatShape(t.shape)}`];
  const stride = t.stride() as number[];
  if (!isContiguousStride(t.shape, stride)) parts.push(`stride=${formatShape(stride)}`);
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
