import fs from 'node:fs';
import path from 'node:path';
import { SOLUTIONS_DIR } from './repo';

/**
 * One curated change to a reference answer, applied by exact text: a wrong answer from
 * solutions/<id>/mutants.json (the tests must fail it) or a correct alternative from
 * solutions/<id>/alternatives.json (another right way to write it: the tests must pass it).
 */
export interface Mutant {
  name: string;
  file: string;
  description: string;
  /** Exact text in the answer file… */
  find: string;
  /** …and what the wrong answer has instead. */
  replace: string;
}

/** Which list a curated change comes from, and so what the tests must do with it. */
export type MutantKind = 'mutant' | 'alternative';

const LIST_FILE: Record<MutantKind, string> = {
  mutant: 'mutants.json',
  alternative: 'alternatives.json',
};

/**
 * A kata's curated wrong answers (or, with kind 'alternative', its correct alternatives); a kata
 * without the file has none. Malformed files throw.
 */
export function readMutants(root: string, id: string, kind: MutantKind = 'mutant'): Mutant[] {
  const relative = `${SOLUTIONS_DIR}/${id}/${LIST_FILE[kind]}`;
  const file = path.join(root, relative);
  if (!fs.existsSync(file)) return [];
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${relative} is not valid JSON: ${(error as Error).message}`);
  }
  if (!Array.isArray(raw)) throw new Error(`${relative} must hold an array of ${kind}s`);
  return raw.map((entry, index) => {
    const fields = ['name', 'file', 'description', 'find', 'replace'] as const;
    for (const field of fields) {
      if (typeof entry?.[field] !== 'string')
        throw new Error(`${relative}[${index}]: "${field}" must be a string`);
    }
    return entry as Mutant;
  });
}

/** The answer with the mutant applied, or why it cannot be applied. */
export type Applied = { ok: true; text: string } | { ok: false; problem: string };

/**
 * Applies a mutant by exact text. The text must occur exactly once, so the mutant changes the
 * line its description talks about and nothing else, and it must actually change something.
 */
export function applyMutant(source: string, mutant: Mutant): Applied {
  if (mutant.find === mutant.replace)
    return { ok: false, problem: '"find" and "replace" are the same text' };
  const first = source.indexOf(mutant.find);
  if (mutant.find === '' || first < 0)
    return { ok: false, problem: `"find" text not found in ${mutant.file}` };
  const count = source.split(mutant.find).length - 1;
  if (count > 1)
    return {
      ok: false,
      problem: `"find" text occurs ${count} times in ${mutant.file}; make it unique`,
    };
  return {
    ok: true,
    text: source.slice(0, first) + mutant.replace + source.slice(first + mutant.find.length),
  };
}
