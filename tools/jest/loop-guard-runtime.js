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

// Reading the CPU clock on every iteration would slow real loops; every 1024th is plenty.
const CHECK_EVERY = 1024;
let count = 0;

function tick() {
  if (++count % CHECK_EVERY !== 0) return;
  const state = globalThis[GUARD_KEY];
  if (state === undefined) return;
  const { user, system } = process.cpuUsage();
  if (state.tripped || user + system > state.deadline) {
    state.tripped = true;
    throw new Error(`${LOOP_TIMEOUT_MESSAGE}: is there a loop that never ends?`);
  }
}

module.exports = { tick, LOOP_TIMEOUT_MESSAGE };
