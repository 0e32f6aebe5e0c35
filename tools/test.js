#!/usr/bin/env node
// `npm test`: every kata in course order with the progress board; `npm test -- 02` (or any kata's
// number, name or alias, several allowed) runs just those; jest's own flags follow them, and
// `--no-pictures` shows counterexamples as numbers only.
'use strict';
const path = require('node:path');
const { run } = require('jest');
const { CatalogueError, loadCatalogue } = require('./jest/catalogue-core');
const { jestArgs, pictureOption } = require('./jest/test-args');
const { learnerFiles, prestartTypeCheck } = require('./jest/type-check');
const { selectedKatas } = require('./board-reporter');

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
// The board's type check starts now rather than once jest has loaded its config, so it overlaps
// jest's start-up too (the board reporter takes it over). With jest flags, which can change what
// runs, the reporter starts it itself.
if (pictures.args.every((arg) => !arg.startsWith('-'))) {
  const at = args.indexOf('--testPathPatterns');
  const patterns = at === -1 ? [] : args.slice(at + 1);
  const config = { rootDir: root, selectProjects: ['katas'], testPathPatterns: patterns };
  const ids = selectedKatas(loadCatalogue(root), config, root).map((kata) => kata.id);
  prestartTypeCheck(root, learnerFiles(root, process.env.KATA_SOURCE, ids));
}
run(args);
