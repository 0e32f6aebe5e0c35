/**
 * How the tools tell a stub from an answer by its text: every function a stub leaves to the
 * learner throws `not implemented yet: NAME in …`.
 */

/**
 * The functions a kata file still leaves to the learner: every `not implemented yet: NAME in …`
 * it throws, by name (`MyRelu.forward` counts for `MyRelu`), in file order.
 */
export function unstartedIn(text: string): string[] {
  const names = [...text.matchAll(/not implemented yet: ([\w$]+)(?:\.[\w$]+)? in /g)].map(
    (match) => match[1],
  );
  return [...new Set(names)];
}

/** True when every export of the file still throws `not implemented yet`. */
export function isUntouchedStub(text: string, exports: readonly string[]): boolean {
  const pending = unstartedIn(text);
  return exports.length > 0 && exports.every((name) => pending.includes(name));
}
