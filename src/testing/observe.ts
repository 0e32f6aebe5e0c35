/** What a kata test observes about an answer besides its values: errors and memory layout. */
import type { Tensor } from '../tensor';
import { markAsCheckFailure } from './close';
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

/** A short description of what fn returned instead of throwing. */
function describeReturn(value: unknown): string {
  if (value === undefined) return 'it returned nothing';
  const text = typeof value === 'object' && value !== null ? String(value) : JSON.stringify(value);
  const oneLine = text.replace(/\s+/g, ' ');
  return `it returned ${oneLine.length > 60 ? `${oneLine.slice(0, 57)}…` : oneLine}`;
}

/**
 * Expects fn to throw an Error whose message is `expected` (or matches it, for a RegExp). When fn
 * returns instead, the failure says "did not throw" and what came back, not `Received: undefined`.
 */
export function expectThrows(fn: () => unknown, expected: string | RegExp): void {
  let returned: unknown;
  try {
    returned = fn();
  } catch (error) {
    if (isNotImplemented(error)) throw error;
    const message = error instanceof Error ? error.message : String(error);
    expect(message).toEqual(
      typeof expected === 'string' ? expected : expect.stringMatching(expected),
    );
    return;
  }
  const wanted = typeof expected === 'string' ? `"${expected}"` : `a message matching ${expected}`;
  const error = new Error(
    `expected an Error with ${wanted}, but it did not throw: ${describeReturn(returned)}`,
  );
  Error.captureStackTrace(error, expectThrows);
  throw markAsCheckFailure(error);
}
