/**
 * The kata catalogue, typed: every tool that lists, runs, hints or grades katas reads it here,
 * so there is no second list of katas anywhere. Each kata is described by `katas/<id>/kata.json`.
 */
import path from 'node:path';
import * as core from './jest/catalogue-core';

export type { Kata } from './jest/catalogue-core';
import type { Kata } from './jest/catalogue-core';

export { CatalogueError } from './jest/catalogue-core';

/** The repository root (this file lives in tools/). */
export const repoRoot = path.resolve(__dirname, '..');

/** Every kata, sorted by id. Throws a CatalogueError naming the file and field that is wrong. */
export function loadCatalogue(root: string = repoRoot): Kata[] {
  return core.loadCatalogue(root);
}

/** Finds a kata by `03`, `3`, `03-expand-as`, `expand-as` or an alias; unknown ids list the valid ones. */
export function findKata(query: string | number, katas: readonly Kata[] = loadCatalogue()): Kata {
  return core.findKata(query, katas);
}

/** Where a kata's files live: the learner's stubs, the reference answers, or a copy (absolute dir). */
export type KataSource = 'katas' | 'solutions' | string;

function sourceDir(source: KataSource, root: string): string {
  return path.isAbsolute(source) ? source : path.join(root, source);
}

/** Absolute paths of the files a learner edits (or their answers, with `source = 'solutions'`). */
export function kataFilePaths(
  kata: Kata,
  source: KataSource = 'katas',
  root: string = repoRoot,
): string[] {
  return kata.files.map((file) => path.join(sourceDir(source, root), kata.id, file));
}

/** Absolute paths of the kata's test files (always in katas/). */
export function kataTestPaths(kata: Kata, root: string = repoRoot): string[] {
  return kata.tests.map((file) => path.join(root, 'katas', kata.id, file));
}
