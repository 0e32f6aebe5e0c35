'use strict';
// CommonJS on purpose: jest loads this file directly, without a transform.

/**
 * A jest reporter that prints the kata progress board after the run (see tools/jest/board.js).
 * Listed after 'default' in jest.config.ts, so the usual per-file output stays. It writes to
 * stderr, like jest's own reporter, so `jest --json` output on stdout stays parseable.
 * Options: { root } (default: jest's rootDir).
 */
const { loadCatalogue } = require('./jest/catalogue-core');
const { boardColour, buildBoard } = require('./jest/board');

class BoardReporter {
  constructor(globalConfig, options = {}) {
    this.root = options.root ?? globalConfig.rootDir;
  }

  onRunComplete(_contexts, results) {
    let katas;
    try {
      katas = loadCatalogue(this.root);
    } catch (error) {
      // A broken catalogue must not hide the test results: say what is wrong and carry on.
      katas = [];
      if (results.testResults.some((file) => /[\\/]katas[\\/]/.test(file.testFilePath))) {
        process.stderr.write(`\nKata catalogue problem: ${error.message}\n`);
      }
    }
    const board = buildBoard(katas, results.testResults, {
      root: this.root,
      source: process.env.KATA_SOURCE,
      color: boardColour(process.env, process.stderr),
    });
    if (board !== '') process.stderr.write(board);
  }
}

module.exports = BoardReporter;
