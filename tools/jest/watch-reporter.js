'use strict';
// CommonJS on purpose: jest loads this file directly, without a transform.

/**
 * The reporter `npm run watch` runs jest with, in place of jest's default reporter: jest's usual
 * output (failures, console output) for ONE kata, then the progress board over EVERY kata.
 * A run may test only some katas (a save re-runs the kata on screen); the other katas' results
 * come from earlier runs of the same watch session, kept in a state file, so the board never
 * forgets them. It is the board reporter with those two changes, so whatever the board learns to
 * show (its rows, what to do next) shows in watch too.
 *
 * Set by tools/watch.ts through the environment (jest's CLI cannot pass reporter options):
 *   KATA_WATCH_STATE  the state file: read before the run, written after it
 *   KATA_WATCH_SHOW   the kata whose output to show; unset: the first kata not yet done
 *   KATA_WATCH_RUN    a run number, written back so the watcher knows this run got to the end
 * Options in jest's config ({ stateFile, show, run }) take precedence over the variables.
 */
const fs = require('node:fs');
const path = require('node:path');
const { DefaultReporter } = require('@jest/reporters');
const BoardReporter = require('../board-reporter');
const { loadCatalogue } = require('./catalogue-core');
const { kataIdOfTestFile, kataStatuses } = require('./board');

/** The kata id of a test file's absolute path, or undefined for a file outside katas/. */
function kataOf(root, testFilePath) {
  return kataIdOfTestFile(path.relative(root, testFilePath));
}

/** This run's file results over the earlier ones: a file tested again replaces its old result. */
function mergeResults(earlier, current) {
  const byFile = new Map(earlier.map((file) => [file.testFilePath, file]));
  for (const file of current) byFile.set(file.testFilePath, file);
  return [...byFile.values()];
}

/** The status of every kata in the catalogue (and any kata folder without a kata.json). */
function statusesOf(ids, results, root) {
  const ran = kataStatuses(results, root);
  const all = new Set([...ids, ...ran.keys()]);
  return Object.fromEntries([...all].map((id) => [id, ran.get(id) ?? 'not-run']));
}

function readState(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return { results: [] }; // the first run of the session
  }
}

class WatchReporter extends BoardReporter {
  constructor(globalConfig, options = {}) {
    super(globalConfig, options);
    this.stateFile = options.stateFile ?? process.env.KATA_WATCH_STATE;
    this.show = options.show ?? (process.env.KATA_WATCH_SHOW || undefined);
    this.run = options.run ?? process.env.KATA_WATCH_RUN;
    this.jestOutput = new DefaultReporter(globalConfig);
    this.finished = [];
  }

  onTestResult(test, testResult, aggregatedResults) {
    super.onTestResult?.(test, testResult, aggregatedResults);
    // Held back: which kata to show is known only once every file has finished.
    this.finished.push({ test, testResult, aggregatedResults });
  }

  async onRunComplete(contexts, results) {
    const earlier = this.stateFile ? (readState(this.stateFile).results ?? []) : [];
    const merged = mergeResults(earlier, results.testResults);
    let ids = [];
    try {
      ids = loadCatalogue(this.root).map((kata) => kata.id);
    } catch {
      // The board says what is wrong with the catalogue; the katas that ran still show.
    }
    const status = statusesOf(ids, merged, this.root);
    const order = Object.keys(status).sort();
    const shown = this.show ?? order.find((id) => status[id] !== 'done');

    for (const { test, testResult, aggregatedResults } of this.finished) {
      if (kataOf(this.root, testResult.testFilePath) === shown)
        this.jestOutput.onTestResult(test, testResult, aggregatedResults);
    }
    this.jestOutput.onRunComplete();
    // The board's "Next" names the kata on screen, not only the first unfinished one.
    this.focus = shown;
    // Awaited: the board waits for its type check, and jest must not exit before it prints.
    await super.onRunComplete(contexts, { ...results, testResults: merged });

    if (this.stateFile) {
      const state = { run: this.run, shown: shown ?? null, status, results: merged };
      // Written whole, then renamed: a run stopped for a newer one never leaves half a file.
      const partial = `${this.stateFile}.${process.pid}`;
      fs.writeFileSync(partial, JSON.stringify(state));
      fs.renameSync(partial, this.stateFile);
    }
  }
}

WatchReporter.statusesOf = statusesOf;
WatchReporter.mergeResults = mergeResults;
module.exports = WatchReporter;
