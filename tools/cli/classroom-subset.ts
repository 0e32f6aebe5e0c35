/**
 * The katas a Classroom workflow grades, when an instructor chose a subset
 * (`npm run classroom -- 01 02 03`): kept in a small file beside the workflow, so regenerating and
 * `npm run classroom -- --check` (in `npm run verify`) keep the subset instead of adding every kata
 * back. No file: every kata of the catalogue.
 */
import fs from 'node:fs';
import path from 'node:path';

export const SUBSET_PATH = '.github/classroom-katas.json';

interface SubsetFile {
  note: string;
  katas: string[];
}

/** The recorded subset's kata ids, or undefined when the workflow grades every kata. */
export function readSubset(root: string): string[] | undefined {
  const file = path.join(root, SUBSET_PATH);
  if (!fs.existsSync(file)) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${SUBSET_PATH} is not valid JSON: ${(error as Error).message}`);
  }
  const katas = (raw as Partial<SubsetFile>)?.katas;
  if (!Array.isArray(katas) || katas.length === 0 || !katas.every((id) => typeof id === 'string'))
    throw new Error(`${SUBSET_PATH} must hold { "katas": ["01-loop-matmul", …] }`);
  return katas;
}

/** Records a subset (or, with undefined, removes the record: every kata is graded). */
export function writeSubset(root: string, katas: readonly string[] | undefined): void {
  const file = path.join(root, SUBSET_PATH);
  if (katas === undefined) {
    fs.rmSync(file, { force: true });
    return;
  }
  const content: SubsetFile = {
    note: 'Written by `npm run classroom -- <katas>`: the katas the Classroom workflow grades. `npm run classroom -- --all` removes it.',
    katas: [...katas],
  };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(content, null, 2)}\n`);
}
