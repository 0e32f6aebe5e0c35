import { CatalogueError, type Kata, loadCatalogue } from '../catalogue';
import { CliError } from './errors';
import { REPO_ROOT } from './repo';

export type { Kata };

/** The two-digit prefix of an id as a number: "03-expand-as" → 3. Katas are ordered by it. */
export function kataNumber(id: string): number {
  return Number(id.slice(0, id.indexOf('-')));
}

/** The words after the number: "03-expand-as" → "expand-as". */
export function kataName(id: string): string {
  return id.slice(id.indexOf('-') + 1);
}

/** Every kata in the catalogue, in order; a broken kata.json becomes one clear message. */
export function loadKatas(root: string = REPO_ROOT): Kata[] {
  try {
    return loadCatalogue(root);
  } catch (error) {
    if (error instanceof CatalogueError)
      throw new CliError(`The kata catalogue is broken: ${error.message}`);
    throw error;
  }
}

/** For a tool's start-up, where the catalogue is needed to build the help text. */
export function loadKatasOrExit(root: string = REPO_ROOT): Kata[] {
  try {
    return loadKatas(root);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
