import { kataName } from './katas';

/** What the generated documentation needs to know about a kata. */
export interface DocumentedKata {
  id: string;
  exports: Record<string, string[]>;
  lesson: string;
  hints: string[];
}

/** The README's kata map: one row per kata, linking its lesson. */
export function kataMap(katas: readonly DocumentedKata[]): string {
  const rows = katas.map((kata) => {
    const names = Object.values(kata.exports)
      .flat()
      .map((name) => `\`${name}\``)
      .join(', ');
    return `| ${kata.id.slice(0, 2)} | ${kataName(kata.id).replace(/-/g, ' ')} | ${names} | [${kata.lesson}](${kata.lesson}) |`;
  });
  return ['| # | kata | you write | lesson |', '|---|---|---|---|', ...rows].join('\n');
}

/**
 * A lesson's hints, each folded in its own `<details>` so a reader opens one at a time: the same
 * order as `npm run hint`. Blank lines around the text let Markdown render inside the HTML block.
 */
export function hintsSection(kata: DocumentedKata): string {
  return kata.hints
    .map(
      (hint, index) => `<details>\n<summary>Hint ${index + 1}</summary>\n\n${hint}\n\n</details>`,
    )
    .join('\n\n');
}

/** Appended to a lesson that has no hint markers yet. */
export function newHintsBlock(kata: DocumentedKata): string {
  return `\n## Hints\n\n<!-- hints:start -->\n${hintsSection(kata)}\n<!-- hints:end -->\n`;
}
