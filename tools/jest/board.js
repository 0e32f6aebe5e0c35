'use strict';
// CommonJS on purpose: jest loads this file directly, without a transform.

/**
 * The progress board printed after a kata run: one line per kata, then what to do next.
 * `buildBoard` is pure (catalogue + jest results in, text out) so it can be unit tested;
 * tools/board-reporter.js feeds it from jest.
 */
const path = require('node:path');
const { createColors } = require('picocolors');
const { typeErrorLines, typeErrorsByKata } = require('./board-type-errors');

const WIDTH = 80;
const MESSAGE_LINES = 4;
const LOOP_HINT = 'is there a loop that never ends?';

/** `katas/<id>/...` → `<id>`, for a test file path relative to the repository root. */
function kataIdOfTestFile(relativePath) {
  const parts = relativePath.split(/[\\/]/);
  return parts[0] === 'katas' && parts.length > 2 ? parts[1] : undefined;
}

function toPosix(file) {
  return file.split(path.sep).join('/');
}

function stripAnsi(text) {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}

function truncate(text, width) {
  return text.length <= width ? text : `${text.slice(0, Math.max(0, width - 1))}…`;
}

/** The first few meaningful lines of a jest failure: no stack frames, no matcher hint line. */
function shortMessage(raw, lines = MESSAGE_LINES, width = WIDTH - 4) {
  const kept = stripAnsi(raw)
    .replace(/^(?:Assertion)?Error: /, '')
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line) => line.trim() !== '' && !/^\s+at /.test(line) && !/^\s*expect\(/.test(line))
    // Code-frame markers (`~~~`, `^`) only make sense with the original alignment.
    .filter((line) => !/^[\s~^|]*$/.test(line));
  // Keep relative indentation (a tensor's rows line up under its first row).
  const margin = Math.min(...kept.map((line) => line.length - line.trimStart().length));
  const shown = kept.slice(0, lines).map((line) => truncate(line.slice(margin), width));
  if (kept.length > lines) shown.push('…');
  return shown;
}

const LOCATION_PATTERNS = [
  /((?:[A-Za-z]:)?[^\s:()'"]+\.[cm]?[jt]sx?)(?::(\d+):(\d+)|\((\d+),(\d+)\))/g, // file.ts:12:5 or file.ts(12,5)
  /((?:[A-Za-z]:)?[^\s:()'"]+\.[cm]?[jt]sx?): [^\n]*?\((\d+):(\d+)\)/g, // babel: file.ts: msg (12:5)
];

/** The harness's own files and dependencies: a stack frame there is not where the mistake is. */
function isHarnessFile(relative) {
  return relative.startsWith('tools/') || relative.split('/').includes('node_modules');
}

/**
 * The place (`file:line:col`, relative to the root) a syntax error, compile error or stack trace
 * points at, preferring the learner's files over the harness's own frames, and the text after
 * it. Jest prints paths relative to the directory it runs in (`cwd`).
 */
function findErrorLocation(message, root, cwd = process.cwd()) {
  const text = stripAnsi(message);
  const found = [];
  for (const pattern of LOCATION_PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      const file = toPosix(path.relative(root, path.resolve(cwd, match[1])));
      found.push({
        where: `${file}:${match[2] ?? match[4]}:${match[3] ?? match[5]}`,
        file,
        index: match.index,
        rest: text.slice(match.index + match[0].length),
      });
    }
    if (found.length > 0) break;
  }
  return found.find((place) => !isHarnessFile(place.file)) ?? found[0];
}

/** Just the `file:line:col` of an error, or undefined. */
function errorLocation(message, root, cwd) {
  return findErrorLocation(message, root, cwd)?.where;
}

/**
 * Why a test file could not run, in a few lines: where (when the error says), and what. A
 * compiler error starts with its place, so "what" is the text after it; for a thrown error
 * (an endless loop at the top of a kata file, say) it is the message above the stack.
 */
function describeExecError(message, root, cwd) {
  const location = findErrorLocation(message, root, cwd);
  const firstLineEnd = stripAnsi(message).indexOf('\n');
  const placeLeads = location && (firstLineEnd === -1 || location.index < firstLineEnd);
  if (isTimeout(message))
    return { where: location?.where, what: [`hung while loading: ${LOOP_HINT}`] };
  // TypeScript: `file.ts(15,25): error TS1005: …`; babel: `file.ts: … (15:25)` then ` - …`
  const what = placeLeads ? location.rest.replace(/^\s*[-:]\s*/, '') : message;
  return { where: location?.where, what: shortMessage(what, 3) };
}

function isTimeout(message) {
  return message.includes(LOOP_HINT) || /Exceeded timeout of \d+ ?ms/.test(message);
}

/** Groups jest's per-file results by kata id, counting passed and failed tests. */
function collect(testResults, root) {
  const byKata = new Map();
  for (const file of testResults) {
    const relative = toPosix(path.relative(root, file.testFilePath));
    const id = kataIdOfTestFile(relative);
    if (id === undefined) continue;
    const entry = byKata.get(id) ?? { passed: 0, failed: 0, failures: [], execErrors: [] };
    byKata.set(id, entry);
    if (file.testExecError) {
      const message =
        file.testExecError.message || file.failureMessage || String(file.testExecError);
      // A thrown error's stack starts with its message: keep it once, with the frames.
      const stack = file.testExecError.stack ?? '';
      entry.execErrors.push({
        file: relative,
        message: stack.includes(message) ? stack : `${message}\n${stack}`,
      });
      continue;
    }
    for (const test of file.testResults ?? []) {
      if (test.status === 'passed') entry.passed++;
      if (test.status !== 'failed') continue;
      entry.failed++;
      entry.failures.push({ title: test.title, message: (test.failureMessages ?? []).join('\n') });
    }
  }
  return byKata;
}

function sourceLabel(source) {
  if (source === 'solutions') return 'the reference answers in solutions/ (KATA_SOURCE=solutions)';
  if (source && source !== 'katas') return `the copy in ${source} (KATA_SOURCE)`;
  return 'your code in katas/';
}

function editDir(source) {
  if (!source || source === 'katas') return 'katas';
  return source;
}

function statusOf(entry) {
  if (!entry) return 'not-run';
  if (entry.execErrors.length > 0) return 'broken';
  if (entry.passed + entry.failed === 0) return 'not-run';
  return entry.failed === 0 ? 'done' : 'failing';
}

/**
 * Each kata's state from jest's file results, as its board row marks it: 'done', 'failing',
 * 'broken' or 'not-run', keyed by kata id (katas with no file in the results are absent).
 */
function kataStatuses(testResults, root) {
  return new Map([...collect(testResults, root)].map(([id, entry]) => [id, statusOf(entry)]));
}

function kataLines(kata, entry, options, c, idWidth) {
  const status = statusOf(entry);
  const mark = {
    done: c.green('✓'),
    failing: c.red('✗'),
    broken: c.red('!'),
    'not-run': c.dim('·'),
  }[status];
  const count =
    status === 'broken'
      ? 'could not run'
      : status === 'not-run'
        ? 'not run'
        : `${entry.passed}/${entry.passed + entry.failed}`;
  const titleWidth = WIDTH - 3 - idWidth - 2 - 2 - count.length;
  const title = truncate(kata.title, titleWidth).padEnd(titleWidth);
  const colourCount =
    status === 'done' ? c.green(count) : status === 'not-run' ? c.dim(count) : c.red(count);
  const row = ` ${mark} ${kata.id.padEnd(idWidth)}  ${c.dim(title)}  ${colourCount}`;
  const typeErrors = status === 'not-run' ? [] : (options.typeErrors?.get(kata.id) ?? []);
  const typeOptions = { root: options.root, width: WIDTH, c };
  if (status !== 'broken') return [row, ...typeErrorLines(typeErrors, typeOptions)];
  // Every broken kata says where it broke, even when it is not the next one to do.
  const { where, what } = describeExecError(entry.execErrors[0].message, options.root, options.cwd);
  // The row is narrow: the compiler's error code can go, the board below repeats it.
  const detail = [where, what[0]?.replace(/^error TS\d+:\s*/, '')].filter(Boolean).join('  ');
  return [
    row,
    c.red(`     ${truncate(detail || entry.execErrors[0].file, WIDTH - 5)}`),
    ...typeErrorLines(typeErrors, { ...typeOptions, skip: where }),
  ];
}

function nextSteps(kata, entry, options, c) {
  const lines = ['', c.bold(truncate(`Next: ${kata.id}  ${kata.title}`, WIDTH))];
  const dir = editDir(options.source);
  for (const file of kata.files) lines.push(`  edit  ${toPosix(path.join(dir, kata.id, file))}`);
  lines.push(`  read  ${kata.lesson}`);
  if (entry.execErrors.length > 0) {
    const { file, message } = entry.execErrors[0];
    const { where, what } = describeExecError(message, options.root, options.cwd);
    lines.push(c.red(`  ${file} could not run.`));
    if (where) lines.push(c.red(`  The error is at ${where}:`));
    for (const line of what) lines.push(`    ${line}`);
    if (options.otherKatasRan)
      lines.push(c.dim('  (the other katas still ran: fix this file and run again)'));
  } else {
    const first = entry.failures[0];
    if (isTimeout(first.message)) {
      // Two lines, so a long test title cannot push the question off the edge.
      lines.push(
        c.red(`  ${truncate(`kata ${kata.number} timed out in ${first.title}`, WIDTH - 2)}`),
      );
      lines.push(c.red(`    ${LOOP_HINT}`));
    } else {
      lines.push(`  first failing: ${c.yellow(truncate(first.title, WIDTH - 17))}`);
      for (const line of shortMessage(first.message)) lines.push(`    ${line}`);
    }
    if (options.typeErrors?.has(kata.id))
      lines.push(
        c.yellow('  type errors above often explain a failing test: a wrong number, a NaN'),
      );
  }
  lines.push(c.dim(`  stuck? npm run hint -- ${kata.number}`));
  return lines;
}

/** Colour for a terminal, plain text for pipes, files and CI logs; NO_COLOR and FORCE_COLOR win. */
function boardColour(env, stream) {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return stream.isTTY === true;
}

/**
 * The board text. `katas`: the catalogue in order; `testResults`: jest's per-file results
 * (`testFilePath`, `testExecError`, `testResults[].{title,status,failureMessages}`);
 * `root`: the repository root; `cwd`: where jest runs (default process.cwd());
 * `source`: KATA_SOURCE; `color`: use ANSI colours; `typeCheck`: the type errors in the judged
 * files (`{ dir, diagnostics }`, `dir` the folder of kata folders) or why there are none
 * (`{ problem }`), shown under the katas that ran.
 * Returns '' when no kata test ran (engine-only runs print nothing).
 */
function buildBoard(katas, testResults, options) {
  const c = createColors(Boolean(options.color));
  const byKata = collect(testResults, options.root);
  if (byKata.size === 0) return '';
  const known = new Set(katas.map((kata) => kata.id));
  const extra = [...byKata.keys()]
    .filter((id) => !known.has(id))
    .map((id) => ({
      id,
      number: id.slice(0, 2),
      title: '(no kata.json)',
      files: [],
      lesson: `docs/${id}.md`,
    }));
  const all = [...katas, ...extra].sort((a, b) => (a.id < b.id ? -1 : 1));
  const ran = all.filter((kata) => statusOf(byKata.get(kata.id)) !== 'not-run');
  const shown = ran.length === all.length || ran.length === 0 ? all : ran;
  const idWidth = Math.max(...shown.map((kata) => kata.id.length));

  const typeCheck = options.typeCheck;
  if (typeCheck && 'diagnostics' in typeCheck)
    options = { ...options, typeErrors: typeErrorsByKata(typeCheck.diagnostics, typeCheck.dir) };
  const lines = ['', c.bold(`Kata progress: judging ${sourceLabel(options.source)}`)];
  for (const kata of shown)
    lines.push(...kataLines(kata, byKata.get(kata.id), options, c, idWidth));
  if (typeCheck && 'problem' in typeCheck)
    lines.push(c.dim(`   (type check did not run: ${truncate(typeCheck.problem, WIDTH - 30)})`));
  const done = ran.filter((kata) => statusOf(byKata.get(kata.id)) === 'done');
  const notRun = all.length - ran.length;
  if (notRun > 0 && shown !== all)
    lines.push(
      c.dim(
        `   (${notRun} other kata${notRun === 1 ? '' : 's'} not run; \`npm test\` runs them all)`,
      ),
    );

  // `focus` (watch's kata on screen) is the next step while it is unfinished; else the first one.
  const isUnfinished = (kata) => statusOf(byKata.get(kata.id)) !== 'done';
  const unfinished =
    ran.find((kata) => kata.id === options.focus && isUnfinished(kata)) ?? ran.find(isUnfinished);
  if (unfinished) {
    lines.push(
      '',
      `${done.length} of ${ran.length} kata${ran.length === 1 ? '' : 's'} ${ran.length === 1 ? 'passes' : 'pass'}.`,
    );
    const otherKatasRan = ran.length > 1;
    lines.push(
      ...nextSteps(unfinished, byKata.get(unfinished.id), { ...options, otherKatasRan }, c),
    );
  } else if (ran.length === all.length) {
    lines.push('', c.green(c.bold(`All ${all.length} katas pass.`)));
    lines.push('Next: the capstone trains a digit classifier on MNIST with the engine:');
    lines.push('  npm run train      (read docs/capstone.md)');
  } else {
    // The kata after the last one run: a learner working through them in order goes there next.
    // After the last kata, the capstone: whether the katas not run pass, this run cannot know.
    const last = ran[ran.length - 1].id;
    const next = all.find((kata) => kata.id > last);
    lines.push('', c.green(`${ran.map((kata) => kata.id).join(', ')}: all pass.`));
    if (next) lines.push(`Next kata: ${next.id}  (npm run kata -- ${next.number})`);
    else {
      lines.push('Next: the capstone trains your model on real digits:');
      lines.push(
        '  npm run train -- --model katas   (read docs/capstone.md; npm test shows every kata)',
      );
    }
  }
  return `${lines.join('\n')}\n\n`;
}

module.exports = {
  boardColour,
  buildBoard,
  kataStatuses,
  shortMessage,
  errorLocation,
  describeExecError,
  kataIdOfTestFile,
  WIDTH,
};
