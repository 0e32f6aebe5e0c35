#!/usr/bin/env node
// `npm test`: every kata in course order with the progress board; `npm test -- 02` (or any kata's
// number, name or alias, several allowed) runs just those; jest's own flags follow them.
'use strict';
const path = require('node:path');
const { run } = require('jest');
const { CatalogueError, loadCatalogue } = require('./jest/catalogue-core');
const { jestArgs } = require('./jest/test-args');

const root = path.resolve(__dirname, '..');
let args;
try {
  args = jestArgs(process.argv.slice(2), loadCatalogue(root), root);
} catch (error) {
  if (!(error instanceof CatalogueError)) throw error;
  console.error(error.message);
  process.exit(1);
}
run(args);
