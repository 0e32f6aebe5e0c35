#!/usr/bin/env node
// `npm test`: every kata in course order with the progress board; `npm test -- 02` (or any kata's
// number, name or alias, several allowed) runs just those; jest's own flags follow them, and
// `--no-pictures` shows counterexamples as numbers only.
'use strict';
const path = require('node:path');
const { run } = require('jest');
const { CatalogueError, loadCatalogue } = require('./jest/catalogue-core');
const { jestArgs, pictureOption } = require('./jest/test-args');

const root = path.resolve(__dirname, '..');
const pictures = pictureOption(process.argv.slice(2));
Object.assign(process.env, pictures.env);
let args;
try {
  args = jestArgs(pictures.args, loadCatalogue(root), root);
} catch (error) {
  if (!(error instanceof CatalogueError)) throw error;
  console.error(error.message);
  process.exit(1);
}
run(args);
