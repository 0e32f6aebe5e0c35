import fc from 'fast-check';
import path from 'node:path';
import { Tensor } from '../tensor';
// layout.ts is plain shape arithmetic: the engine's own rule, without counting it as an op
import { contiguousStrides } from '../tensor/layout';
import { CHECK_FAILURE } from './close';
import { precisionNote } from './describe';
import { type FailureKind, withFailureKind as withKind } from './failure-kind';
import { changedInputs, freshCopies, tensorsIn } from './fresh';
import { learnerLocation, stackAt } from './location';
import { isLoopTimeout, startLoopGuard } from './loop-guard';
import { explainMissingGradient } from './missing-gradient';
import { namedParts, parameterPatterns, type ParameterPattern } from './params';
import { pictureMode, viewPicture } from './pictures';
import { learnerFrame, repoRoot, withoutEngineFrames } from './stack';

/**
 * The katas' test helpers. They register ordinary jest tests (plain titles, no seed suffix, so
 * Stryker can pick tests by name) and turn failures into short messages a learner can act on:
 * a stub's `not implemented yet: …` becomes that one line; a property failure shows the shrunk
 * counterexample with tensors printed small, and how to replay it.
 */

/** The prefix of every stub's error: `not implemented yet: matmul in katas/01-loop-matmul/matmul.ts`. */
export const NOT_IMPLEMENTED = 'not implemented yet';

/** How many lines of the underlying assertion message a failure keeps. */
const MESSAGE_LINES = 14;

export interface KataPropertyOptions<Ts extends unknown[]> {
  /** Known cases (the lesson's worked numbers) run before the random ones. */
  examples?: Ts[];
  numRuns?: number;
}

export type Arbitraries<Ts extends unknown[]> = { [K in keyof Ts]: fc.Arbitrary<Ts[K]> };

/** An unstarted stub's error: its message starts with "not implemented yet". */
export function isNotImplemented(error: unknown): error is Error {
  return error instanceof Error && error.message.startsWith(NOT_IMPLEMENTED);
}

/** An Error jest prints as exactly its message: no stack, no code frame. */
function plainError(message: string): Error {
  const error = new Error(message);
  error.stack = message;
  return error;
}

function errorText(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

function firstLines(text: string, count: number): string {
  const lines = text.replace(/\s+$/, '').split('\n');
  if (lines.length <= count) return lines.join('\n');
  return [...lines.slice(0, count), `… (${lines.length - count} more lines)`].join('\n');
}

function currentTestPath(): string | undefined {
  return expect.getState().testPath ?? undefined;
}

/** `02` for katas/02-broadcast-matmul/matmul.test.ts (also under solutions/ or a copy). */
export function kataNumberOf(testPath: string | undefined): string | undefined {
  if (!testPath) return undefined;
  const dir = path.basename(path.dirname(testPath));
  return /^(\d+)-/.exec(dir)?.[1];
}

/** The line a hung loop fails with; the board reporter recognises it. */
export function timeoutMessage(testName: string, testPath = currentTestPath()): string {
  const kata = kataNumberOf(testPath);
  return `${kata ? `kata ${kata}` : 'kata'} timed out in ${testName}: is there a loop that never ends?`;
}

/**
 * The predicate's parameter names (`(a, b) => …` gives a, b), for labelling counterexamples; a
 * destructured parameter (`([a, b]) => …`) is named by position here: see parameterPatterns.
 */
export function parameterNames(fn: (...args: never[]) => unknown, count: number): string[] {
  return parameterPatterns(fn, count).map((pattern, i) =>
    pattern.kind === 'name' ? pattern.name : `arg${i + 1}`,
  );
}

function replayCommand(name: string, seed: number, fcPath: string): string {
  const testPath = currentTestPath();
  const file = testPath
    ? path.relative(process.cwd(), testPath).split(path.sep).join('/')
    : '<test file>';
  return `FC_SEED=${seed} FC_PATH="${fcPath}" npx jest ${file} -t "${titlePattern(name)}"`;
}

/** `FC_PATH` replays one shrunk case (together with the FC_SEED it came from). */
function replayPath(): string | undefined {
  const raw = process.env.FC_PATH;
  return raw === undefined || raw === '' ? undefined : raw;
}

/** A counterexample line longer than this lists its parts one per line. */
const ONE_LINE = 72;

/** fast-check's printing (tensors via their toStringMethod), with long tuples/records split. */
function formatValue(value: unknown): string {
  const flat = fc.stringify(value);
  if (flat.length <= ONE_LINE || value === null || typeof value !== 'object') return flat;
  if (Array.isArray(value))
    return `[\n${value.map((item) => `    ${fc.stringify(item)}`).join(',\n')},\n  ]`;
  if (Object.getPrototypeOf(value) !== Object.prototype || fc.toStringMethod in value) return flat;
  const entries = Object.entries(value as Record<string, unknown>);
  return `{\n${entries.map(([key, item]) => `    ${key}: ${fc.stringify(item)}`).join(',\n')},\n  }`;
}

/** At most this many inputs are drawn over their storage, so the message stays short. */
const VIEW_PICTURES = 2;

/**
 * One line per named part of the arguments: `  a = tensor(shape=[2,3], data=[…])`; an input that
 * is a view (strides not a fresh tensor's, an offset, or a storage larger than it) is also drawn
 * over its storage, when pictures are on and it fits.
 */
function describeArgs(patterns: readonly ParameterPattern[], values: readonly unknown[]): string {
  const mode = pictureMode();
  let pictures = 0;
  return namedParts(patterns, values)
    .map(([name, value]) => {
      const line = `  ${name} = ${formatValue(value)}`;
      if (!(value instanceof Tensor) || !isView(value) || pictures >= VIEW_PICTURES) return line;
      const picture = viewPicture(name, value, mode);
      if (picture === undefined) return line;
      pictures++;
      return `${line}\n${indent(picture, 4)}`;
    })
    .join('\n');
}

/**
 * A tensor that does not read its storage front to back: an offset, more storage than elements,
 * or strides other than a fresh tensor's on a dimension longer than 1 (a size-1 dimension's
 * stride is never used to read, so it alone does not earn a picture).
 */
function isView(t: Tensor): boolean {
  const fresh = contiguousStrides(t.shape);
  return (
    t.offset !== 0 ||
    t.storage().size !== t.numel() ||
    t.stride().some((stride, d) => t.shape[d] > 1 && stride !== fresh[d])
  );
}

/** Every line of `text` shifted right by `width` spaces. */
function indent(text: string, width: number): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? line : ' '.repeat(width) + line))
    .join('\n');
}

/** `a`, `out.g`… : the name a changed input has in the counterexample. */
function changedNames(patterns: readonly ParameterPattern[], paths: string[][]): string[] {
  return paths.flatMap((list, i) =>
    list.map((relative) => {
      const pattern = patterns[i];
      const element = /^\[(\d+)\](.*)$/.exec(relative);
      if (pattern.kind === 'array' && element) {
        const name = pattern.names[Number(element[1])];
        if (name) return name + element[2];
      }
      const key = /^\.([\w$]+)(.*)$/.exec(relative);
      if (pattern.kind === 'object' && key) {
        const entry = pattern.entries.find((e) => e.key === key[1]);
        return (entry?.name ?? key[1]) + key[2];
      }
      const base = pattern.kind === 'name' ? pattern.name : `arg${i + 1}`;
      return base + relative;
    }),
  );
}

/**
 * A stack that makes jest point at the declaration of the learner's function the test is about,
 * not at the test file's own line; undefined outside a kata's tests.
 */
function learnerStack(message: string, name: string): string | undefined {
  const location = learnerLocation(name, currentTestPath());
  return location ? stackAt(message, location) : undefined;
}

/** The first line of a failure caused by an error the learner's code threw at `thrownAt`. */
function causeText(cause: unknown, thrownAt: string | undefined): string {
  const text = firstLines(errorText(cause), MESSAGE_LINES);
  const explanation = explainMissingGradient(cause, thrownAt);
  return explanation ? `${explanation}\n(${text})` : text;
}

/** jest's -t takes a regular expression: escape the title so it matches itself. */
function titlePattern(name: string): string {
  return name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/"/g, '\\"');
}

/**
 * A failed check: jest's expect (it carries matcherResult), assertClose (CHECK_FAILURE) or
 * node:assert (AssertionError). Anything else was thrown by the code under test.
 */
function isAssertion(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  return (
    'matcherResult' in error ||
    CHECK_FAILURE in error ||
    (error instanceof Error && error.name === 'AssertionError')
  );
}

/**
 * Registers a jest test that checks `predicate` on values drawn from `arbitraries` (fixed global
 * seed from the setup file). The predicate fails by throwing (e.g. `expect`) or returning false.
 */
export function kataProperty<Ts extends [unknown, ...unknown[]]>(
  name: string,
  arbitraries: Arbitraries<Ts>,
  predicate: (...args: Ts) => boolean | void,
  options: KataPropertyOptions<Ts> = {},
): void {
  test(name, () => runKataProperty(name, arbitraries, predicate, options));
}

/** Runs one property now and throws a short Error if it fails (kataProperty's body). */
export function runKataProperty<Ts extends [unknown, ...unknown[]]>(
  name: string,
  arbitraries: Arbitraries<Ts>,
  predicate: (...args: Ts) => boolean | void,
  options: KataPropertyOptions<Ts> = {},
): void {
  // After a stub error or a hung loop, later runs (fast-check shrinking) fail at once.
  let stopped: { error: unknown; args?: Ts } | undefined;
  // The last failing run: the inputs fast-check drew and the copies the code under test received.
  let failing: { args: Ts; copies: Ts; kind: FailureKind } | undefined;
  const guarded = (...args: Ts): boolean | void => {
    if (stopped) throw stopped.error;
    // Every run gets fresh copies: nothing a wrong answer writes leaks into a later run, and the
    // originals stay as drawn for the counterexample.
    const copies = freshCopies(args);
    try {
      const result = predicate(...copies);
      if (result === false) failing = { args, copies, kind: 'fail' };
      return result;
    } catch (error) {
      if (isNotImplemented(error) || isLoopTimeout(error)) stopped = { error, args };
      failing = { args, copies, kind: isAssertion(error) ? 'fail' : 'error' };
      throw error;
    }
  };
  const property = (fc.property as (...args: unknown[]) => fc.IPropertyWithHooks<Ts>)(
    ...arbitraries,
    guarded,
  );
  const fcPath = replayPath();
  startLoopGuard();
  const details = fc.check(property, {
    ...(options.examples ? { examples: options.examples } : {}),
    ...(options.numRuns !== undefined ? { numRuns: options.numRuns } : {}),
    ...(fcPath !== undefined ? { path: fcPath } : {}),
  });
  if (!details.failed) return;

  if (stopped && isNotImplemented(stopped.error))
    throw withKind(plainError(errorText(stopped.error)), 'error');
  const patterns = parameterPatterns(
    predicate as (...args: never[]) => unknown,
    arbitraries.length,
  );
  if (stopped && isLoopTimeout(stopped.error)) {
    const input = stopped.args
      ? `\nit was still running on:\n${describeArgs(patterns, stopped.args)}`
      : '';
    throw withKind(plainError(timeoutMessage(name) + input), 'error');
  }
  if (details.interrupted && details.counterexample === null) {
    throw withKind(
      plainError(`${name}: stopped after ${details.numRuns} runs (time limit reached)`),
      'error',
    );
  }
  const cause = details.errorInstance ?? 'the property returned false';
  const shrunk = details.numShrinks > 0 ? `, shrunk ${details.numShrinks} times` : '';
  // An error the engine threw for the learner's code: say which line of theirs made the call.
  const thrownAt = isAssertion(cause) ? undefined : learnerFrame(cause);
  const counterexample = details.counterexample ?? [];
  const sameRun =
    failing !== undefined && failing.args.every((value, i) => value === counterexample[i]);
  const changed = sameRun
    ? changedNames(patterns, changedInputs(failing!.args, failing!.copies))
    : [];
  const described = describeArgs(patterns, counterexample);
  const note = precisionNote(tensorsIn(counterexample).map(([, t]) => t));
  const lines = [
    causeText(cause, thrownAt),
    ...(thrownAt ? [`(thrown at ${thrownAt})`] : []),
    '',
    `Counterexample (run ${details.numRuns}${shrunk}), the inputs as they were before the call:`,
    described,
    ...(changed.length > 0
      ? [`Your code changed ${changed.join(', ')}: it must leave its inputs as they were.`]
      : []),
    ...(note ? [note] : []),
    `Replay: ${replayCommand(name, details.seed, details.counterexamplePath ?? '')}`,
  ];
  const message = lines.join('\n');
  const error = withKind(plainError(message), failing?.kind ?? 'fail');
  // The learner's line that threw, or else the declaration of the function the test is about.
  error.stack = thrownAt
    ? `${message}\n    at ${path.resolve(repoRoot, thrownAt)}`
    : (learnerStack(message, name) ?? message);
  throw error;
}

/**
 * Registers an example-based jest test (the lesson's worked numbers, error cases) with the same
 * treatment of stubs and hung loops as kataProperty.
 */
export function kataTest(name: string, fn: () => void | Promise<void>): void {
  test(name, () => runKataTest(name, fn));
}

/** Runs one example-based test now (kataTest's body). */
export async function runKataTest(name: string, fn: () => void | Promise<void>): Promise<void> {
  startLoopGuard();
  try {
    await fn();
  } catch (error) {
    if (isNotImplemented(error)) throw withKind(plainError(errorText(error)), 'error');
    if (isLoopTimeout(error)) throw withKind(plainError(timeoutMessage(name)), 'error');
    if (!(error instanceof Error)) throw error;
    withKind(error, isAssertion(error) ? 'fail' : 'error');
    const thrownAt = isAssertion(error) ? undefined : learnerFrame(error);
    const explanation = explainMissingGradient(error, thrownAt);
    if (explanation) {
      const original = error.message;
      error.message = `${explanation}\n(${original})`;
      // jest prints the stack, which still starts with the old message
      if (typeof error.stack === 'string')
        error.stack = error.stack.replace(original, error.message);
    }
    if (thrownAt) throw withoutEngineFrames(error);
    // A check failed (or a test helper gave up): point at the learner's function, not the test.
    error.stack = learnerStack(error.message, name) ?? error.stack;
    throw error;
  }
}
