// @ts-check
'use strict';
/**
 * Jest resolver for the katas project: kata code (katas/<id>/, solutions/<id>/, a mutant copy)
 * may use the engine only through its public API, `../../src` (and tests `../../src/testing`).
 * Importing an engine module directly (`../../src/tensor/layout`) would reach functions that
 * countOps does not see, and so slip past the technique checks: such an import resolves to a
 * module that throws, with a message that says what to import instead. (An error thrown by the
 * resolver itself would reach the learner as jest's unrelated "Cannot find module".)
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const repoRoot = path.resolve(__dirname, '..', '..');
const engineDir = path.join(repoRoot, 'src') + path.sep;
const allowed = [path.join(engineDir, 'index.ts'), path.join(engineDir, 'testing') + path.sep];
const variantPlaceholder = path.join(repoRoot, '.kata-variant') + path.sep;

/** `<repo>/<variant>/<rest>` for a mapped `<repo>/.kata-variant/<rest>` imported from a variant. */
function inVariant(request, basedir) {
  if (!request.startsWith(variantPlaceholder)) return request;
  const [variant] = path.relative(repoRoot, basedir).split(path.sep);
  return path.join(repoRoot, variant, request.slice(variantPlaceholder.length));
}

/** A folder of kata code: <root>/<NN-name>/ where <root> is not the engine or the tools. */
function isKataDir(dir) {
  const inside = path.relative(repoRoot, dir);
  if (inside.startsWith('src') || inside.startsWith('tools') || inside.includes('node_modules'))
    return false;
  return /^\d+-/.test(path.basename(dir));
}

/**
 * @param {string} request
 * @param {{ basedir: string, defaultResolver: (request: string, options: object) => string }} options
 */
module.exports = function resolveKataImport(request, options) {
  const resolved = options.defaultResolver(inVariant(request, options.basedir), options);
  if (!isKataDir(options.basedir) || !resolved.startsWith(engineDir)) return resolved;
  if (allowed.some((entry) => resolved === entry || resolved.startsWith(entry))) return resolved;
  const from = path.relative(repoRoot, options.basedir).split(path.sep).join('/');
  const message = `${from} imports '${request}': kata code uses the engine's public API only. Import from '../../src' instead.`;
  return throwingModule(message);
};

/** A module (written once per message) whose only statement throws `message`. */
function throwingModule(message) {
  const dir = path.join(os.tmpdir(), 'kata-forbidden-imports');
  fs.mkdirSync(dir, { recursive: true });
  const name = crypto.createHash('sha1').update(message).digest('hex').slice(0, 16);
  const file = path.join(dir, `forbidden-import-${name}.js`);
  if (!fs.existsSync(file))
    fs.writeFileSync(file, `throw new Error(${JSON.stringify(message)});\n`);
  return file;
}
