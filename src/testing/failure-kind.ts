/**
 * How a kata test failed, set on the Error it fails with (src/testing/kata.ts): `fail` when a check
 * failed, `error` when the code under test threw or hung. An ordinary enumerable property, so
 * jest's JSON report keeps it in each test's `failureDetails` and a grader tells the two apart
 * without reading the message.
 */
export const FAILURE_KIND = 'kataFailure';

export type FailureKind = 'fail' | 'error';

/** Records how `error` failed a test, and returns it. */
export function withFailureKind<E extends Error>(error: E, kind: FailureKind): E {
  (error as E & { [FAILURE_KIND]?: FailureKind })[FAILURE_KIND] = kind;
  return error;
}
