'use strict';
// CommonJS on purpose: jest loads this file directly, without a transform.

/**
 * A jest reporter that prints the kata progress board after the run (see tools/jest/board.js).
 * Listed after 'default' in jest.config.ts, so the usual per-file output stays. It writes to
 * stderr, like jest's own reporter, so `jest --json` output on stdout stays parseable.
 * Options: { root } (default: jest's rootDir).
 *
 * ts-jest does not type-check, so while the tests run a child process type-checks the judged
 * files of the katas being run (tools/jest/type-check.js); the board shows its errors under each
 * kata's row. Runs for tools (`--json`) skip it: their callers read the results, not the board.
 */
const path = require('node:path');
const { loadCatalogue } = require('./jest/catalogue-core');
const { boardColour, buildBoard } = require('./jest/board');
const { kataDir, learnerFiles, startTypeCheck, takePrestarted } = require('./jest/type-check');

/** How long the board waits for an unfinished type check once the tests are done. */
const TYPE_CHECK_GRACE_MS = 20_000;

class BoardReporter {
  constructor(globalConfig, options = {}) {
    this.root = options.root ?? globalConfig.rootDir;
    /** A kata the board's next steps are about while it is unfinished (set by watch's reporter). */
    this.focus = undefined;
    this.globalConfig = globalConfig;
    /** The running type check: `{ dir, run }` (see startTypeCheck), or undefined. */
    this.typeCheck = undefined;
    /** Why the type check could not start, for the board. */
    this.typeCheckProblem = undefined;
  }

  onRunStart() {
    try {
      this.startTypeCheck();
    } catch (error) {
      // The tests still run and the board still prints; it says why the errors are missing.
      this.typeCheckProblem = `could not start (${error.message})`;
    }
  }

  /**
   * Starts checking the judged files of the katas this run selects (stopping an earlier check),
   * or takes over the same check `npm test` started before jest loaded (tools/test.js).
   */
  startTypeCheck() {
    this.typeCheck?.run.stop();
    this.typeCheck = undefined;
    const files = this.typeCheckFiles();
    const run = takePrestarted(this.root, files);
    if (files.length > 0)
      this.typeCheck = {
        dir: kataDir(this.root, process.env.KATA_SOURCE),
        run: run ?? startTypeCheck(this.root, files),
      };
  }

  /** The judged files of the katas this run selects; none for runs made by tools (--json). */
  typeCheckFiles() {
    const source = process.env.KATA_SOURCE;
    if (kataDir(this.root, source) === undefined || this.globalConfig.json) return [];
    let katas;
    try {
      katas = loadCatalogue(this.root);
    } catch {
      return []; // onRunComplete reports the catalogue problem
    }
    const ids = selectedKatas(katas, this.globalConfig, this.root).map((kata) => kata.id);
    return learnerFiles(this.root, source, ids);
  }

  /** The board's `typeCheck` option: the errors, why there are none, or undefined (not run). */
  async typeCheckOutcome() {
    const problem = this.typeCheckProblem;
    this.typeCheckProblem = undefined;
    if (problem !== undefined) return { problem };
    if (this.typeCheck === undefined) return undefined;
    const { dir, run } = this.typeCheck;
    this.typeCheck = undefined;
    const outcome = await run.outcome(TYPE_CHECK_GRACE_MS);
    return 'diagnostics' in outcome ? { dir, diagnostics: outcome.diagnostics } : outcome;
  }

  async onRunComplete(_contexts, results) {
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
    let typeCheck;
    try {
      typeCheck = await this.typeCheckOutcome();
    } catch (error) {
      typeCheck = { problem: error.message };
    }
    const board = buildBoard(katas, results.testResults, {
      root: this.root,
      source: process.env.KATA_SOURCE,
      color: boardColour(process.env, process.stderr),
      typeCheck,
      focus: this.focus,
    });
    if (board !== '') process.stderr.write(board);
  }
}

/**
 * The katas whose tests this run selects, read from jest's options as jest reads them: the katas
 * project selected, and a kata test file matching a test path pattern (or named, with
 * `--runTestsByPath`). Runs jest picks by other means (changed files, related tests) check all.
 */
function selectedKatas(katas, globalConfig, root) {
  const { selectProjects, ignoreProjects } = globalConfig;
  if (selectProjects?.length > 0 && !selectProjects.includes('katas')) return [];
  if (ignoreProjects?.includes('katas')) return [];
  if (globalConfig.onlyChanged || globalConfig.findRelatedTests || globalConfig.changedSince)
    return katas;
  const raw = globalConfig.testPathPatterns;
  const patterns = Array.isArray(raw) ? raw : (raw?.patterns ?? []);
  if (patterns.length === 0) return katas;
  const rootDir = globalConfig.rootDir ?? root;
  const matches = (file) =>
    patterns.some((pattern) =>
      globalConfig.runTestsByPath
        ? path.resolve(rootDir, pattern) === file
        : matchesTestPathPattern(pattern, file, rootDir),
    );
  return katas.filter((kata) =>
    kata.tests.some((test) => matches(path.join(root, 'katas', kata.id, test))),
  );
}

/** jest's own test (@jest/pattern): case-insensitive, against the relative or absolute path. */
function matchesTestPathPattern(pattern, file, rootDir) {
  let regex;
  try {
    regex = new RegExp(pattern.replace(/^\.[\\/]/, '^'), 'i');
  } catch {
    return false;
  }
  return regex.test(path.relative(rootDir, file)) || regex.test(file);
}

module.exports = BoardReporter;
module.exports.selectedKatas = selectedKatas;
