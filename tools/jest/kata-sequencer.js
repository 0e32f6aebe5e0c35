'use strict';
// CommonJS on purpose: jest loads this file directly, without a transform.

/**
 * Runs kata test files in id order (01 before 02 …), so a learner watching the output sees the
 * katas in the order the lessons teach them. Other files keep jest's default ordering after them.
 * jest.config.ts: `testSequencer: '<rootDir>/tools/jest/kata-sequencer.js'` (top level).
 */
const path = require('node:path');
const Sequencer = require('@jest/test-sequencer').default;

function kataKey(testPath) {
  const match = /[\\/]katas[\\/](\d+-[^\\/]+)[\\/]/.exec(testPath);
  return match ? match[1] : undefined;
}

/** Kata files first, in id order (then by file name); the rest keep the order they came in. */
function orderKataTests(tests) {
  const katas = tests.filter((test) => kataKey(test.path) !== undefined);
  const others = tests.filter((test) => kataKey(test.path) === undefined);
  const key = (test) => `${kataKey(test.path)}${path.sep}${path.basename(test.path)}`;
  katas.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  return [...katas, ...others];
}

class KataSequencer extends Sequencer {
  sort(tests) {
    return orderKataTests(super.sort(tests));
  }
}

KataSequencer.orderKataTests = orderKataTests;
module.exports = KataSequencer;
