/**
 * The time limit for kata code. A learner's `while (i < n)` without `i++` blocks the event loop,
 * so jest's own testTimeout never fires and the run hangs. The katas' jest transform
 * (tools/jest/loop-guard-transform.js) makes every loop in kata code call a tick that throws once
 * the current test's budget is spent; this module starts the budget for each test.
 * Both sides meet through one global slot, so neither imports the other.
 *
 * The budget is CPU time of this process, not wall time: an endless loop burns CPU at full speed,
 * while a busy machine (CI, several jest workers on two cores) stretches wall time without
 * making correct code look hung.
 */

/** The message the tick throws; kataProperty/kataTest turn it into a readable line. */
export const LOOP_TIMEOUT_MESSAGE = 'kata time limit reached inside a loop';

/** CPU milliseconds a kata test may spend: far above any reference answer's needs. */
const DEFAULT_LIMIT_MS = 5000;
/** After one hang, later tests of the same file (likely the same loop) give up sooner. */
const AFTER_TIMEOUT_LIMIT_MS = 1000;

export interface LoopGuardState {
  /** Process CPU time (µs, user + system) after which a guarded loop throws. */
  deadline: number;
  tripped: boolean;
  /** How many tests of this file have hit the limit. */
  timeouts: number;
}

const GUARD_KEY = Symbol.for('kata.loopGuard');

function cpuMicros(): number {
  const { user, system } = process.cpuUsage();
  return user + system;
}

function limitMs(timeouts: number): number {
  const raw = Number(process.env.KATA_TIME_LIMIT_MS);
  const limit = Number.isFinite(raw) && raw > 0 ? raw : DEFAULT_LIMIT_MS;
  return timeouts > 0 ? Math.min(limit, AFTER_TIMEOUT_LIMIT_MS) : limit;
}

function state(): LoopGuardState {
  const slot = globalThis as unknown as Record<symbol, LoopGuardState | undefined>;
  slot[GUARD_KEY] ??= { deadline: cpuMicros() + limitMs(0) * 1000, tripped: false, timeouts: 0 };
  return slot[GUARD_KEY];
}

/** Starts a fresh time budget for the test about to run. */
export function startLoopGuard(): void {
  const s = state();
  if (s.tripped) s.timeouts++;
  s.deadline = cpuMicros() + limitMs(s.timeouts) * 1000;
  s.tripped = false;
}

export function isLoopTimeout(error: unknown): boolean {
  return error instanceof Error && error.message.startsWith(LOOP_TIMEOUT_MESSAGE);
}

// Installed on import: module-level code of a kata file gets a budget too, and every test in a
// file that uses the kata helpers (plain `test` included) starts with a fresh one.
state();
if (typeof beforeEach === 'function') beforeEach(startLoopGuard);
