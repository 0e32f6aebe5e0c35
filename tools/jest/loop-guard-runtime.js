'use strict';
/**
 * Called from every loop of kata code (the jest transform in loop-guard-transform.js inserts the
 * calls). Throws once the current test's deadline has passed, so an endless loop fails the test
 * instead of hanging jest: synchronous code blocks the event loop and jest's testTimeout with it.
 * The deadline (process CPU time in µs) lives in a global slot that src/testing/loop-guard.ts
 * resets before each test.
 */
const GUARD_KEY = Symbol.for('kata.loopGuard');
const LOOP_TIMEOUT_MESSAGE = 'kata time limit reached inside a loop';
// The same budget src/testing/loop-guard.ts gives each test (KATA_TIME_LIMIT_MS overrides both).
const DEFAULT_LIMIT_MS = 5000;

// Reading the CPU clock on every iteration would slow real loops; every 1024th is plenty.
const CHECK_EVERY = 1024;
let count = 0;

function cpuMicros() {
  const { user, system } = process.cpuUsage();
  return user + system;
}

/**
 * A kata file's top-level code runs when the test file imports it, before src/testing has set up
 * any budget: a loop there starts one itself (src/testing adopts the same slot), so an endless
 * loop at the top of a kata file fails that test file instead of hanging the run.
 */
function startBudget() {
  const raw = Number(process.env.KATA_TIME_LIMIT_MS);
  const limitMs = Number.isFinite(raw) && raw > 0 ? raw : DEFAULT_LIMIT_MS;
  const state = { deadline: cpuMicros() + limitMs * 1000, tripped: false, timeouts: 0 };
  globalThis[GUARD_KEY] = state;
  return state;
}

function tick() {
  if (++count % CHECK_EVERY !== 0) return;
  const state = globalThis[GUARD_KEY] ?? startBudget();
  if (state.tripped || cpuMicros() > state.deadline) {
    state.tripped = true;
    throw new Error(`${LOOP_TIMEOUT_MESSAGE}: is there a loop that never ends?`);
  }
}

module.exports = { tick, LOOP_TIMEOUT_MESSAGE };
