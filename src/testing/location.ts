/**
 * Where a kata test's failure points: the learner's function, not the test's own line. When a
 * check in a test file fails, jest shows the code around the first stack frame; a learner should
 * see their `export function mseGrad(…)`, the code the test judged.
 */
import fs from 'node:fs';
import path from 'node:path';

interface KataEntry {
  files: string[];
  exports: Record<string, string[]>;
}

export interface LearnerLocation {
  /** The export the test is about, e.g. `mseGrad`. */
  name: string;
  file: string;
  line: number;
  column: number;
}

function readEntry(kataDir: string): KataEntry | undefined {
  try {
    return JSON.parse(fs.readFileSync(path.join(kataDir, 'kata.json'), 'utf8')) as KataEntry;
  } catch {
    return undefined;
  }
}

/** The exports named in a test's title, earliest first (`matmulDot` before `matmul`). */
function exportsNamedIn(title: string, entry: KataEntry): { name: string; file: string }[] {
  const found: { name: string; file: string; at: number }[] = [];
  for (const [file, names] of Object.entries(entry.exports)) {
    for (const name of names) {
      const at = new RegExp(`(^|[^\\w$])${name}(?![\\w$])`).exec(title)?.index;
      if (at !== undefined) found.push({ name, file, at });
    }
  }
  return found.sort((a, b) => a.at - b.at);
}

/**
 * The file jest loads for `@kata/<id>/<file>` (the stub, the answer or a mutant copy); where that
 * alias is not mapped, the file beside the tests.
 */
function resolveKataFile(kataDir: string, file: string): string {
  try {
    return require.resolve(`@kata/${path.basename(kataDir)}/${file.replace(/\.ts$/, '')}`);
  } catch {
    return path.join(kataDir, file);
  }
}

/** The line and column of `export function name` (or class, const) in a source file. */
function declarationOf(file: string, name: string): { line: number; column: number } | undefined {
  let lines: string[];
  try {
    lines = fs.readFileSync(file, 'utf8').split('\n');
  } catch {
    return undefined;
  }
  const declaration = new RegExp(
    `^\\s*export\\s+(?:default\\s+)?(?:abstract\\s+)?(?:async\\s+)?(?:function\\*?|class|const|let)\\s+${name}(?![\\w$])`,
  );
  const index = lines.findIndex((line) => declaration.test(line));
  if (index < 0) return undefined;
  return { line: index + 1, column: lines[index].indexOf(name) + 1 };
}

/**
 * The learner's declaration a kata test is about: the first export of the kata named in the
 * test's title (or the kata's first export), in the file jest loaded for it. Undefined outside a
 * kata's test file.
 */
export function learnerLocation(
  title: string,
  testPath: string | undefined,
): LearnerLocation | undefined {
  if (!testPath) return undefined;
  const kataDir = path.dirname(testPath);
  if (!/^\d+-/.test(path.basename(kataDir))) return undefined;
  const entry = readEntry(kataDir);
  if (!entry) return undefined;
  const [first] = Object.entries(entry.exports).flatMap(([file, names]) =>
    names.map((name) => ({ name, file })),
  );
  const target = exportsNamedIn(title, entry)[0] ?? first;
  if (!target) return undefined;
  const file = resolveKataFile(kataDir, target.file);
  const at = declarationOf(file, target.name);
  return at ? { name: target.name, file, ...at } : undefined;
}

/** A stack that makes jest show the learner's declaration as the failure's location. */
export function stackAt(message: string, location: LearnerLocation): string {
  return `${message}\n    at ${location.name} (${location.file}:${location.line}:${location.column})`;
}
