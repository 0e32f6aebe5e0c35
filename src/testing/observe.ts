/** What a kata test observes about an answer besides its values: errors and memory layout. */
import type { Tensor } from '../tensor';
import { isNotImplemented } from './kata';

/**
 * The message fn throws, or undefined when it returns. An unstarted stub's "not implemented yet"
 * error is rethrown, so the test fails with that one line instead of comparing messages.
 */
export function thrownMessage(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (isNotImplemented(error)) throw error;
    return error instanceof Error ? error.message : String(error);
  }
  return undefined;
}

/** Everything a caller can observe about a tensor: shape, strides, offset and values. */
export function snapshot(t: Tensor) {
  return { shape: [...t.shape], stride: [...t.stride()], offset: t.offset, values: t.toArray() };
}
