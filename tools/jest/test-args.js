// @ts-check
'use strict';
/**
 * `npm test -- 02 expand-as --verbose`: the words before the first flag name katas (`02`, `2`,
 * `02-broadcast-matmul`, a short name or an alias) and become path patterns anchored at each
 * kata's folder; the rest are jest's own flags and pass through. Without the translation jest
 * would read `02` as a second project for `--selectProjects` and run every kata.
 */
const path = require('node:path');
const { findKata } = require('./catalogue-core');

/** @param {string} text */
function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A test path pattern that matches exactly one kata's folder: jest matches patterns against
 * absolute paths, so anchoring at the root keeps `katas/03-expand-as` from also matching a
 * `katas/03-expand-as-2`, or a solutions/ copy of the same name.
 * @param {string} id
 * @param {string} root
 */
function kataFolderPattern(id, root) {
  const folder = path.join(root, 'katas', id) + path.sep;
  return '^' + escapeRegExp(folder).replace(/\\\\|\//g, '[\\\\/]');
}

/**
 * The arguments for jest: the katas project, one anchored pattern per named kata, then the rest.
 * A word that names no kata but looks like a path (`katas/02`) is passed on as a pattern; any
 * other throws the catalogue's "unknown kata" error, which lists the katas.
 * @param {readonly string[]} args
 * @param {readonly { id: string, number: string, aliases: string[] }[]} katas
 * @param {string} root
 * @returns {string[]}
 */
function jestArgs(args, katas, root) {
  const firstFlag = args.findIndex((arg) => arg.startsWith('-'));
  const words = firstFlag === -1 ? args : args.slice(0, firstFlag);
  const rest = firstFlag === -1 ? [] : args.slice(firstFlag);
  const patterns = words.map((word) => {
    if (/[/\\.]/.test(word)) return word;
    return kataFolderPattern(findKata(word, katas).id, root);
  });
  const selected = patterns.length > 0 ? ['--testPathPatterns', ...patterns] : [];
  return ['--selectProjects', 'katas', ...selected, ...rest];
}

/**
 * `--no-pictures` is the katas' own flag, not jest's: it is taken out of the arguments (wherever it
 * stands) and turns the drawn counterexamples off (KATA_PICTURES=off, which jest's workers inherit).
 * @param {readonly string[]} args
 * @returns {{ args: string[], env: Record<string, string> }}
 */
function pictureOption(args) {
  const rest = args.filter((arg) => arg !== '--no-pictures');
  return { args: rest, env: rest.length < args.length ? { KATA_PICTURES: 'off' } : {} };
}

module.exports = { jestArgs, kataFolderPattern, pictureOption };
