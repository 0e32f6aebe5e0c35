// @ts-check
'use strict';
// CommonJS on purpose: the board reporter starts it as a child process, without a transform.

/**
 * The TypeScript errors in a learner's kata files. ts-jest transpiles file by file and does not
 * type-check, so `c.set([i, j], row.mul(col).sum())` (a Tensor where a number belongs) runs and
 * only shows up as a wrong number. The board reporter runs this file as a child process while
 * jest runs the tests, and prints what it finds under each kata's row.
 *
 *   node tools/jest/type-check.js <root> <file.ts>...   →   JSON { diagnostics: [...] } on stdout
 *
 * Only the given files are checked (the engine and the tests are not), with the repository's
 * tsconfig.json, so the errors are the ones an editor and `npm run typecheck` show. Reading the
 * engine, the standard library's and Node's type declarations takes most of the time (2-3 s of
 * CPU here, however few katas run), so Node's are read only when a kata file needs them.
 * TypeScript's incremental mode saves only the checking, so it measured no faster and is not
 * used. Instead the last result is kept in the
 * temp folder (like jest's own cache) with the size and time of every file the check read: when
 * none changed, the result is reused without loading TypeScript (0.2 s).
 */
const { spawn } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { clearTimeout, setTimeout } = require('node:timers');

const CACHE_ENTRIES = 16;

/**
 * The learner's files of the given katas: every `.ts` file in `<dir>/<id>/` but the tests.
 * `source` is KATA_SOURCE: unset or "katas", "solutions", or an absolute directory.
 * @param {string} root
 * @param {string | undefined} source
 * @param {readonly string[]} kataIds
 * @returns {string[]}
 */
function learnerFiles(root, source, kataIds) {
  const dir = kataDir(root, source);
  if (dir === undefined) return [];
  const files = [];
  for (const id of kataIds) {
    let names;
    try {
      names = fs.readdirSync(path.join(dir, id));
    } catch {
      continue;
    }
    for (const name of names.sort()) {
      if (name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.endsWith('.d.ts'))
        files.push(path.join(dir, id, name));
    }
  }
  return files;
}

/**
 * Where the judged kata files live, or undefined for a source the board does not check (the
 * mutant check's `variants:` copies).
 * @param {string} root
 * @param {string | undefined} source
 */
function kataDir(root, source) {
  if (!source || source === 'katas') return path.join(root, 'katas');
  if (source === 'solutions') return path.join(root, 'solutions');
  if (path.isAbsolute(source)) return source;
  return undefined;
}

/**
 * @typedef {{ file: string, line: number, column: number, code: number, message: string }} TypeDiagnostic
 * `file` absolute; `line` and `column` 1-based; `message` the whole chain, lines joined by "\n".
 */

/**
 * Type-checks `files` (absolute paths) with `<root>/tsconfig.json` and returns the errors located
 * in those files, in file and position order. The engine and other files they import are read for
 * their types but not checked themselves.
 * @param {string} root
 * @param {readonly string[]} files
 * @returns {TypeDiagnostic[]}
 */
function checkFiles(root, files) {
  return files.length === 0 ? [] : checkProgram(root, files).diagnostics;
}

/**
 * checkFiles, and every file the check read (the tsconfig, the files, the engine, the
 * declarations), for the cache.
 * @param {string} root
 * @param {readonly string[]} files
 */
function checkProgram(root, files) {
  const ts = require('typescript');
  const configPath = path.join(root, 'tsconfig.json');
  const parsed = ts.getParsedCommandLineOfConfigFile(
    configPath,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
      },
    },
  );
  if (parsed === undefined) throw new Error(`cannot read ${configPath}`);
  const options = { ...parsed.options, noEmit: true };
  // Node's declarations are a third of the check's work and kata files rarely use a Node global
  // (`console`, `process`): they are read only when a name or module is missing without them.
  // Kata files are not tests: jest's global types are never read.
  const lean = checkWith(ts, files, { ...options, types: [] });
  if (!lean.diagnostics.some((diagnostic) => MISSING_WITHOUT_NODE.has(diagnostic.code)))
    return { diagnostics: lean.diagnostics, inputs: [configPath, ...lean.inputs] };
  const types = options.types?.filter((name) => name !== 'jest');
  const full = checkWith(ts, files, { ...options, types });
  return { diagnostics: full.diagnostics, inputs: [configPath, ...full.inputs] };
}

/**
 * TypeScript's "cannot find" errors (a name, a module, a namespace, with or without a hint to
 * install @types/node): a kata file using a Node global gets one when Node's types are left out.
 */
const MISSING_WITHOUT_NODE = new Set([
  2304, 2307, 2503, 2552, 2580, 2581, 2582, 2583, 2584, 2591, 2592, 2593, 2792, 2867, 2868,
]);

/**
 * One program over `files` with these compiler options: the errors located in those files, and
 * the files it read.
 * @param {typeof import('typescript')} ts
 * @param {readonly string[]} files
 * @param {import('typescript').CompilerOptions} options
 */
function checkWith(ts, files, options) {
  const program = ts.createProgram([...files], options);
  const wanted = new Set(files.map((file) => path.resolve(file)));
  /** @type {TypeDiagnostic[]} */
  const found = [];
  for (const sourceFile of program.getSourceFiles()) {
    if (!wanted.has(path.resolve(sourceFile.fileName))) continue;
    const diagnostics = [
      ...program.getSyntacticDiagnostics(sourceFile),
      ...program.getSemanticDiagnostics(sourceFile),
    ];
    for (const diagnostic of diagnostics) {
      if (diagnostic.category !== ts.DiagnosticCategory.Error) continue;
      const { line, character } = sourceFile.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
      found.push({
        file: path.resolve(sourceFile.fileName),
        line: line + 1,
        column: character + 1,
        code: diagnostic.code,
        message: ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'),
      });
    }
  }
  found.sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column,
  );
  return { diagnostics: found, inputs: program.getSourceFiles().map((file) => file.fileName) };
}

/** @param {string} file size and modification time, or undefined when it is gone */
function stamp(file) {
  try {
    const stat = fs.statSync(file);
    return `${stat.size}:${stat.mtimeMs}`;
  } catch {
    return undefined;
  }
}

/**
 * checkFiles with the last result kept in `cacheDir` (one entry per set of files): reused when
 * every file the check read still has its size and modification time.
 * @param {string} root
 * @param {readonly string[]} files
 * @param {string} cacheDir
 * @param {typeof checkProgram} [check] the check itself (tests replace it)
 * @returns {TypeDiagnostic[]}
 */
function checkFilesCached(root, files, cacheDir, check = checkProgram) {
  if (files.length === 0) return [];
  const key = crypto
    .createHash('sha1')
    .update([root, ...files].join('\n'))
    .digest('hex');
  const cacheFile = path.join(cacheDir, `${key.slice(0, 16)}.json`);
  try {
    const cached = JSON.parse(fs.readFileSync(cacheFile, 'utf8'));
    if (Object.entries(cached.stamps).every(([file, was]) => stamp(file) === was))
      return cached.diagnostics;
  } catch {
    // no entry yet, or an unreadable one: check
  }
  // The learner's files are stamped before they are read: one saved during the check re-checks.
  const before = files.map((file) => [path.resolve(file), stamp(file)]);
  const { diagnostics, inputs } = check(root, files);
  try {
    const stamps = Object.fromEntries([
      ...inputs.map((file) => [path.resolve(file), stamp(file)]),
      ...before,
    ]);
    fs.mkdirSync(cacheDir, { recursive: true });
    fs.writeFileSync(cacheFile, JSON.stringify({ stamps, diagnostics }));
    pruneCache(cacheDir);
  } catch {
    // a read-only temp folder: no cache, same result
  }
  return diagnostics;
}

/** Keeps the newest few entries: one per set of katas run (all, one, a copy's). */
function pruneCache(cacheDir, keep = CACHE_ENTRIES) {
  const entries = fs
    .readdirSync(cacheDir)
    .map((name) => path.join(cacheDir, name))
    .map((file) => ({ file, time: fs.statSync(file).mtimeMs }))
    .sort((a, b) => b.time - a.time);
  for (const { file } of entries.slice(keep)) fs.rmSync(file, { force: true });
}

/** The cache folder: in the system's temp folder, like jest's own cache, one per repository. */
function defaultCacheDir(root) {
  const key = crypto.createHash('sha1').update(path.resolve(root)).digest('hex').slice(0, 12);
  return path.join(os.tmpdir(), `kata-type-check-${key}`);
}

/**
 * @typedef {{ diagnostics: TypeDiagnostic[] } | { problem: string }} TypeCheckOutcome
 * What the board shows: the errors, or in a few words why the check did not run.
 */

/**
 * Starts the check of `files` in a child process, so it runs on another core while jest runs
 * the tests (at normal priority: niced, it was starved on a busy machine and the board waited
 * for it). `outcome(graceMs)` waits for it, giving up (and stopping the child) `graceMs` after
 * it is called; `stop()` ends it early (a new watch run, say).
 * @param {string} root
 * @param {readonly string[]} files
 * @param {{ script?: string, args?: readonly string[] }} [options] what to run (tests replace it)
 */
function startTypeCheck(root, files, options = {}) {
  const script = options.script ?? path.join(__dirname, 'type-check.js');
  const child = spawn(process.execPath, [script, ...(options.args ?? [root, ...files])], {
    stdio: ['ignore', 'pipe', 'pipe'],
    windowsHide: true,
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
  /** @type {Promise<TypeCheckOutcome>} */
  const finished = new Promise((resolve) => {
    child.on('error', (error) => resolve({ problem: `could not start (${error.message})` }));
    child.on('close', (code, signal) => {
      if (code === 0) {
        try {
          resolve({ diagnostics: JSON.parse(stdout).diagnostics });
          return;
        } catch {
          // falls through to the problem below
        }
      }
      const why = lastLine(stderr) ?? (signal ? `stopped by ${signal}` : `exit code ${code}`);
      resolve({ problem: `crashed: ${why}` });
    });
  });
  const stop = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill();
  };
  return {
    stop,
    /** @param {number} graceMs */
    outcome(graceMs) {
      /** @type {NodeJS.Timeout | undefined} */
      let timer;
      /** @type {Promise<TypeCheckOutcome>} */
      const late = new Promise((resolve) => {
        timer = setTimeout(() => {
          stop();
          resolve({
            problem: `did not finish within ${Math.round(graceMs / 1000)} s of the tests`,
          });
        }, graceMs);
      });
      return Promise.race([finished, late]).finally(() => clearTimeout(timer));
    },
  };
}

/**
 * A check started before jest has loaded (by tools/test.js, in the same process), so that it
 * overlaps jest's start-up too; the board reporter takes it over when it wants the same files.
 * @type {{ key: string, run: ReturnType<typeof startTypeCheck> } | undefined}
 */
let prestarted;

/**
 * @param {string} root
 * @param {readonly string[]} files
 */
function prestartTypeCheck(root, files) {
  prestarted?.run.stop();
  prestarted =
    files.length > 0
      ? { key: [root, ...files].join('\n'), run: startTypeCheck(root, files) }
      : undefined;
}

/**
 * The prestarted check of exactly these files, or undefined; any other is stopped.
 * @param {string} root
 * @param {readonly string[]} files
 */
function takePrestarted(root, files) {
  const taken = prestarted;
  prestarted = undefined;
  if (taken === undefined) return undefined;
  if (taken.key === [root, ...files].join('\n')) return taken.run;
  taken.run.stop();
  return undefined;
}

/** The last meaningful line of a crash's output: an error's message, not its stack. */
function lastLine(text) {
  const lines = text.split('\n').filter((line) => line.trim() !== '' && !/^\s+at /.test(line));
  const error = lines.find((line) => /^\w*Error\b/.test(line));
  return error ?? lines[lines.length - 1];
}

if (require.main === module) {
  const [root, ...files] = process.argv.slice(2);
  const diagnostics = checkFilesCached(path.resolve(root), files, defaultCacheDir(root));
  process.stdout.write(`${JSON.stringify({ diagnostics })}\n`);
}

module.exports = {
  learnerFiles,
  kataDir,
  checkFiles,
  checkFilesCached,
  startTypeCheck,
  prestartTypeCheck,
  takePrestarted,
};
