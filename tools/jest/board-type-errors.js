'use strict';
// CommonJS on purpose: jest loads the board reporter, and so this file, without a transform.

/**
 * The type errors printed under a kata's row of the progress board (tools/jest/type-check.js
 * finds them). Tests judge a kata; a type error only explains, so it never changes a row's mark:
 *
 *    ✗ 01-loop-matmul       Matrix multiply with three loops                    3/5
 *        type error  katas/01-loop-matmul/matmul.ts:12:20  TS2345
 *        Argument of type 'Tensor' is not assignable to parameter of type 'number'.
 *        … 2 more type errors (npm run typecheck lists them all)
 */
const path = require('node:path');

const SHOWN_PER_KATA = 3;
const MESSAGE_LINES = 2;

function toPosix(file) {
  return file.split(path.sep).join('/');
}

/** `<dir>/<id>/file.ts` → `<id>`; a file outside `dir` belongs to no kata. */
function kataOfFile(file, dir) {
  const parts = toPosix(path.relative(dir, file)).split('/');
  return parts.length >= 2 && parts[0] !== '..' && parts[0] !== '' ? parts[0] : undefined;
}

/**
 * Diagnostics grouped by kata id. `dir` is the folder that holds the judged kata folders
 * (katas/, solutions/ or KATA_SOURCE's directory).
 */
function typeErrorsByKata(diagnostics, dir) {
  const byKata = new Map();
  for (const diagnostic of diagnostics) {
    const id = kataOfFile(diagnostic.file, dir);
    if (id === undefined) continue;
    if (!byKata.has(id)) byKata.set(id, []);
    byKata.get(id).push(diagnostic);
  }
  return byKata;
}

/** `katas/01-loop-matmul/matmul.ts:12:20`: relative to the root, where `npm test` runs. */
function typeErrorPlace(diagnostic, root) {
  const relative = toPosix(path.relative(root, diagnostic.file));
  const file = relative.startsWith('../') ? toPosix(diagnostic.file) : relative;
  return `${file}:${diagnostic.line}:${diagnostic.column}`;
}

/** Words into lines of at most `width`; more than `count` lines end in `…`. */
function wrap(text, width, count) {
  const lines = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line === '') line = word;
    else if (line.length + 1 + word.length <= width) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== '') lines.push(line);
  const shown = lines
    .slice(0, count)
    .map((l) => (l.length <= width ? l : `${l.slice(0, width - 1)}…`));
  if (lines.length > count) {
    const last = shown[count - 1];
    shown[count - 1] = `${last.slice(0, Math.min(last.length, width - 2))} …`;
  }
  return shown;
}

/**
 * The board lines for one kata's type errors, the first few with their place and TypeScript's
 * headline (the first line of its message), then how many more. `skip`: a place already shown
 * (a syntax error that stopped the kata from running), not repeated.
 * @param {{ file: string, line: number, column: number, code: number, message: string }[]} errors
 * @param {{ root: string, width: number, c: import('picocolors/types').Colors, skip?: string }} options
 */
function typeErrorLines(errors, { root, width, c, skip }) {
  // The board names a place outside the root relatively (`../copy/…`), this list absolutely.
  const relativePlace = (error) =>
    `${toPosix(path.relative(root, error.file))}:${error.line}:${error.column}`;
  const kept = errors.filter((error) => skip === undefined || relativePlace(error) !== skip);
  const lines = [];
  for (const error of kept.slice(0, SHOWN_PER_KATA)) {
    const place = typeErrorPlace(error, root);
    lines.push(`     ${c.yellow('type error')}  ${place}  ${c.dim(`TS${error.code}`)}`);
    const headline = error.message.split('\n')[0];
    // Under the place, at the same indent: TypeScript's common messages then fit in 80 columns.
    for (const line of wrap(headline, width - 5, MESSAGE_LINES)) lines.push(`     ${line}`);
  }
  const more = kept.length - SHOWN_PER_KATA;
  if (more > 0)
    lines.push(
      c.dim(`     … ${more} more type error${more === 1 ? '' : 's'} (npm run typecheck lists all)`),
    );
  return lines;
}

module.exports = { typeErrorsByKata, typeErrorLines, typeErrorPlace, SHOWN_PER_KATA };
