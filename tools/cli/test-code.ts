import path from 'node:path';
/**
 * The index of the first line that quotes `title` as a string literal, or -1. A title built at
 * run time (`${name} leaves its inputs unchanged` inside `describe.each`) is found by its template
 * literal, each `${…}` standing for any text, when no line quotes it as it is.
 */
export function titleLineIndex(lines: readonly string[], title: string): number {
  const quoted = ["'", '"', '`'].map((quote) => quote + title + quote);
  const exact = lines.findIndex((line) => quoted.some((needle) => line.includes(needle)));
  if (exact >= 0) return exact;
  return lines.findIndex((line) => templatesIn(line).some((template) => template.test(title)));
}

/** Fewer fixed characters than this and a template would match almost any title. */
const TEMPLATE_MIN_TEXT = 8;

/** The template literals with placeholders on one line, as patterns for the titles they build. */
function templatesIn(line: string): RegExp[] {
  const patterns: RegExp[] = [];
  for (const [, body] of line.matchAll(/`((?:\\.|[^`\\])*)`/g)) {
    const texts = body.split(/\$\{[^}]*\}/);
    if (texts.length < 2 || texts.join('').length < TEMPLATE_MIN_TEXT) continue;
    const escaped = texts.map((text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    patterns.push(new RegExp(`^${escaped.join('[\\s\\S]*')}$`));
  }
  return patterns;
}

/**
 * The source of one test, for the `test_code` field of Exercism's results format: the statement
 * that registers the test, found by its title in the test file and followed until its brackets
 * balance. Titles built at run time cannot be found; the caller then gets null.
 */
export function extractTestCode(source: string, title: string, maxLines = 40): string | null {
  const lines = source.split('\n');
  const titleLine = titleLineIndex(lines, title);
  if (titleLine < 0) return null;
  // A title on its own line belongs to the call opened on the line above: start there.
  const opensCall =
    /\(\s*$/.test(lines[titleLine - 1] ?? '') && !/\(\s*['"`]/.test(lines[titleLine]);
  const start = opensCall ? titleLine - 1 : titleLine;

  let depth = 0;
  let opened = false;
  const taken: string[] = [];
  for (let i = start; i < lines.length && taken.length < maxLines; i++) {
    taken.push(lines[i]);
    for (const char of withoutStrings(lines[i])) {
      if (char === '(' || char === '{' || char === '[') {
        depth++;
        opened = true;
      } else if (char === ')' || char === '}' || char === ']') {
        depth--;
      }
    }
    if (opened && depth <= 0) return dedent(taken).join('\n');
  }
  return dedent(taken).join('\n') + (taken.length >= maxLines ? '\n// …' : '');
}

/** Blanks out string literals and line comments so brackets inside them are not counted. */
function withoutStrings(line: string): string {
  return line
    .replace(/\/\/.*$/, '')
    .replace(/'(?:\\.|[^'\\])*'|"(?:\\.|[^"\\])*"|`(?:\\.|[^`\\])*`/g, '""');
}

function dedent(lines: string[]): string[] {
  const indents = lines
    .filter((line) => line.trim() !== '')
    .map((line) => line.match(/^ */)![0].length);
  const common = indents.length === 0 ? 0 : Math.min(...indents);
  return lines.map((line) => line.slice(common));
}

/**
 * A jest test's `test_code` for the grading reports: its source when the test file can be read
 * and the title found there, else a comment naming the file and the test.
 */
export function testCodeOf(
  test: { title: string; fullName: string },
  testFile: string,
  source: string | null,
  root: string,
): string {
  const code = source === null ? null : extractTestCode(source, test.title);
  return code ?? `// ${path.relative(root, testFile).split(path.sep).join('/')}: ${test.fullName}`;
}
