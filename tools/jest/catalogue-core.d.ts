/** Types for catalogue-core.js (plain CommonJS so jest's reporter can load it untransformed). */
export interface Kata {
  /** `01-loop-matmul`: the folder name under katas/ and solutions/. */
  id: string;
  /** The two-digit prefix, `01`. */
  number: string;
  title: string;
  /** Stub files in katas/<id>/; the answers have the same names in solutions/<id>/. */
  files: string[];
  /** Test files in katas/<id>/. */
  tests: string[];
  /** The names each file exports. */
  exports: Record<string, string[]>;
  /** The lesson, e.g. `docs/01-loop-matmul.md`. */
  lesson: string;
  aliases: string[];
  points: number;
  /** Hints in order, gentlest first. */
  hints: string[];
}

export class CatalogueError extends Error {}
export const ID_PATTERN: RegExp;
export function validateKata(raw: unknown, file: string, dirName?: string): Kata;
export function loadCatalogue(root: string): Kata[];
export function findKata(query: string | number, katas: readonly Kata[]): Kata;
