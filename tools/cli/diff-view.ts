import { createTwoFilesPatch } from 'diff';
import type pc from 'picocolors';

type Colours = ReturnType<typeof pc.createColors>;

export interface FilePair {
  /** Label and text of the learner's file. */
  oldName: string;
  oldText: string;
  /** Label and text of the reference answer. */
  newName: string;
  newText: string;
}

/** A unified diff from the learner's file to the reference answer ('' when they are the same). */
export function unifiedDiff(pair: FilePair, context = 3): string {
  if (pair.oldText === pair.newText) return '';
  return createTwoFilesPatch(
    pair.oldName,
    pair.newName,
    pair.oldText,
    pair.newText,
    'yours',
    'reference',
    {
      context,
    },
  );
}

/** Colours a unified diff line by line, the way `git diff` does. */
export function colourDiff(patch: string, colours: Colours): string {
  return patch
    .split('\n')
    .filter((line) => !/^=+$/.test(line))
    .map((line) => {
      if (line.startsWith('---') || line.startsWith('+++') || line.startsWith('Index:'))
        return colours.bold(line);
      if (line.startsWith('@@')) return colours.cyan(line);
      if (line.startsWith('+')) return colours.green(line);
      if (line.startsWith('-')) return colours.red(line);
      if (line.startsWith('\\')) return colours.dim(line);
      return line;
    })
    .join('\n');
}
