'use strict';
// CommonJS on purpose: jest loads this file directly, without a transform.

/**
 * The kata catalogue: one `katas/<id>/kata.json` per kata, read and validated here.
 * Plain CommonJS so jest can load it from the board reporter without a transform;
 * tools/catalogue.ts wraps it with types for the CLI tools.
 */
const fs = require('node:fs');
const path = require('node:path');

class CatalogueError extends Error {
  constructor(message) {
    super(message);
    this.name = 'CatalogueError';
  }
}

const ID_PATTERN = /^(\d{2})-[a-z0-9]+(?:-[a-z0-9]+)*$/;

function fail(file, field, problem) {
  return new CatalogueError(`${file}: "${field}" ${problem}`);
}

function requireString(raw, field, file) {
  const value = raw[field];
  if (typeof value !== 'string' || value.trim() === '')
    throw fail(file, field, 'must be a non-empty string');
  return value;
}

function requireStrings(raw, field, file, { optional = false, nonEmpty = true } = {}) {
  const value = raw[field];
  if (value === undefined && optional) return [];
  if (
    !Array.isArray(value) ||
    value.some((item) => typeof item !== 'string' || item.trim() === '')
  ) {
    throw fail(file, field, 'must be an array of non-empty strings');
  }
  if (nonEmpty && value.length === 0) throw fail(file, field, 'must list at least one entry');
  return value;
}

function requirePlainFileNames(names, field, file) {
  for (const name of names) {
    if (path.isAbsolute(name) || name.split(/[\\/]/).includes('..')) {
      throw fail(file, field, `must name files inside the kata folder, got "${name}"`);
    }
  }
}

/** Checks one parsed kata.json; `file` is how errors name it, `dirName` its folder. */
function validateKata(raw, file, dirName) {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new CatalogueError(`${file}: must hold a JSON object`);
  }
  const id = requireString(raw, 'id', file);
  if (!ID_PATTERN.test(id)) throw fail(file, 'id', `must look like "01-loop-matmul", got "${id}"`);
  if (dirName !== undefined && id !== dirName)
    throw fail(file, 'id', `is "${id}" but the folder is "${dirName}"`);
  const title = requireString(raw, 'title', file);
  const files = requireStrings(raw, 'files', file);
  requirePlainFileNames(files, 'files', file);
  const tests = requireStrings(raw, 'tests', file);
  requirePlainFileNames(tests, 'tests', file);
  const exportsField = raw.exports;
  if (exportsField === null || typeof exportsField !== 'object' || Array.isArray(exportsField)) {
    throw fail(file, 'exports', 'must map each file to the names it exports');
  }
  const exportsMap = {};
  for (const name of Object.keys(exportsField)) {
    if (!files.includes(name))
      throw fail(file, 'exports', `names "${name}", which is not in "files"`);
    exportsMap[name] = requireStrings(exportsField, name, file);
  }
  const lesson = requireString(raw, 'lesson', file);
  const aliases = requireStrings(raw, 'aliases', file, { optional: true, nonEmpty: false });
  const points = raw.points;
  if (typeof points !== 'number' || !Number.isInteger(points) || points < 0) {
    throw fail(file, 'points', 'must be a whole number, 0 or more');
  }
  const hints = requireStrings(raw, 'hints', file);
  return {
    id,
    number: id.slice(0, 2),
    title,
    files,
    tests,
    exports: exportsMap,
    lesson,
    aliases,
    points,
    hints,
  };
}

/** Every kata under `<root>/katas`, sorted by id. Throws CatalogueError naming the bad file. */
function loadCatalogue(root) {
  const katasDir = path.join(root, 'katas');
  if (!fs.existsSync(katasDir)) throw new CatalogueError(`no katas folder at ${katasDir}`);
  const katas = [];
  for (const entry of fs.readdirSync(katasDir, { withFileTypes: true })) {
    if (!entry.isDirectory() || !/^\d/.test(entry.name)) continue;
    const relative = `katas/${entry.name}/kata.json`;
    const file = path.join(katasDir, entry.name, 'kata.json');
    if (!fs.existsSync(file))
      throw new CatalogueError(`${relative}: missing (every kata folder needs one)`);
    let raw;
    try {
      raw = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (error) {
      throw new CatalogueError(`${relative}: not valid JSON (${error.message})`);
    }
    katas.push(validateKata(raw, relative, entry.name));
  }
  katas.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  checkUnique(katas);
  return katas;
}

/** Numbers and aliases pick one kata each, so they must not repeat. */
function checkUnique(katas) {
  const seen = new Map();
  for (const kata of katas) {
    for (const key of [kata.number, ...kata.aliases.map((alias) => alias.toLowerCase())]) {
      const other = seen.get(key);
      if (other && other !== kata.id) {
        throw new CatalogueError(`katas/${kata.id}/kata.json: "${key}" is also used by ${other}`);
      }
      seen.set(key, kata.id);
    }
  }
}

function describeChoices(katas) {
  return katas
    .map((kata) => `  ${kata.id}${kata.aliases.length ? ` (${kata.aliases.join(', ')})` : ''}`)
    .join('\n');
}

/** The kata a learner means by `03`, `3`, `03-expand-as`, `expand-as` or an alias. */
function findKata(query, katas) {
  const wanted = String(query).trim().toLowerCase();
  const found = katas.find(
    (kata) =>
      kata.id === wanted ||
      (/^\d+$/.test(wanted) && Number(wanted) === Number(kata.number)) ||
      kata.id.slice(3) === wanted ||
      kata.aliases.some((alias) => alias.toLowerCase() === wanted),
  );
  if (found) return found;
  throw new CatalogueError(`unknown kata "${query}". The katas are:\n${describeChoices(katas)}`);
}

module.exports = { CatalogueError, validateKata, loadCatalogue, findKata, ID_PATTERN };
