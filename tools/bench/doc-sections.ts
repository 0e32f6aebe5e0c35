/**
 * Rewrites one marked section of a markdown file (between `<!-- name:start -->` and
 * `<!-- name:end -->`), leaving every other section, and whoever owns it, alone.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

export function replaceSection(doc: string, name: string, body: string): string {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const block = `${start}\n${body.trim()}\n${end}`;
  const from = doc.indexOf(start);
  const to = doc.indexOf(end);
  if (from === -1 || to === -1 || to < from) {
    return `${doc.trimEnd()}${doc.trim() ? '\n\n' : ''}${block}\n`;
  }
  return doc.slice(0, from) + block + doc.slice(to + end.length);
}

export function writeSections(file: string, sections: Record<string, string>): void {
  let doc = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  for (const [name, body] of Object.entries(sections)) doc = replaceSection(doc, name, body);
  writeFileSync(file, doc);
}
