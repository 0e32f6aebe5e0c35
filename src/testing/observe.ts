/** What a kata test observes about an answer besides its values: errors and memory layout. */
import { Tensor } from '../tensor';
import { markAsCheckFailure } from './close';
import { isNotImplemented } from './kata';
import { alignedShapesPicture, pictureMode, viewComparisonPicture } from './pictures';

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
 * Adds a picture under a failed check's message (in the stack too, which jest prints). Drawing
 * never hides the failure: a picture that cannot be drawn is left out.
 */
function withPictureAdded(error: unknown, draw: () => string | undefined): unknown {
  if (!(error instanceof Error)) return error;
  let picture: string | undefined;
  try {
    picture = draw();
  } catch {
    picture = undefined;
  }
  if (picture === undefined) return error;
  const original = error.message;
  error.message = `${original}\n\n${picture}`;
  if (typeof error.stack === 'string') error.stack = error.stack.replace(original, error.message);
  return error;
}

/** What expectThrows draws when it fails: the shapes that should clash, lined up. */
export interface ThrowsOptions {
  shapes?: Record<string, readonly number[]>;
}

/**
 * Expects fn to throw an Error whose message is `expected` (or matches it, for a RegExp). When fn
 * returns instead, the failure says "did not throw" and what came back, not `Received: undefined`.
 * With `shapes`, a failure also draws them lined up from the right, the clash marked.
 */
export function expectThrows(
  fn: () => unknown,
  expected: string | RegExp,
  options: ThrowsOptions = {},
): void {
  const picture = () =>
    options.shapes ? alignedShapesPicture(options.shapes, pictureMode()) : undefined;
  let returned: unknown;
  try {
    returned = fn();
  } catch (error) {
    if (isNotImplemented(error)) throw error;
    const message = error instanceof Error ? error.message : String(error);
    try {
      expect(message).toEqual(
        typeof expected === 'string' ? expected : expect.stringMatching(expected),
      );
    } catch (failure) {
      throw withPictureAdded(failure, picture);
    }
    return;
  }
  const wanted = typeof expected === 'string' ? `"${expected}"` : `a message matching ${expected}`;
  const error = new Error(
    `expected an Error with ${wanted}, but it did not throw: ${describeReturn(returned)}`,
  );
  Error.captureStackTrace(error, expectThrows);
  throw withPictureAdded(markAsCheckFailure(error), picture);
}

/**
 * Runs the checks of a view (`check`), and when one fails draws the view the engine makes
 * (`expected`) next to the one the learner's code returned (`got`), over the storage of `source`:
 * which storage cell each element reads, and whether it is a copy.
 */
export function checkView(
  source: { name: string; tensor: Tensor },
  expected: Tensor,
  got: Tensor,
  check: () => void,
): void {
  try {
    check();
  } catch (error) {
    throw withPictureAdded(error, () =>
      got instanceof Tensor
        ? viewComparisonPicture(source, expected, got, pictureMode())
        : undefined,
    );
  }
}
