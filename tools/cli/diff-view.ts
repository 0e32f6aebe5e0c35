import { createTwoFilesPatch } from 'diff';
import type pc from 'picocolors';
import { isUntouchedStub, unstartedIn } from './stub-text';

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

/** "a", "a and b", "a, b and c". */
function listed(names: readonly string[]): string {
  return names.length <= 1
    ? names.join('')
    : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/**
 * What `npm run compare` says about one file before (or instead of) the diff: that the learner
 * has not started it, so the whole answer is not spoiled; or which of its exports are still stubs.
 */
export function compareNote(
  file: string,
  exports: readonly string[],
  yoursText: string,
  kataNumber: string,
): { started: boolean; note?: string } {
  const pending = unstartedIn(yoursText).filter((name) => exports.includes(name));
  if (isUntouchedStub(yoursText, exports)) {
    return {
      started: false,
      note: `You have not started ${file} yet: ${listed(pending)} still throw "not implemented yet". Try it first (npm run hint -- ${kataNumber} helps); compare once you have an answer to check.`,
    };
  }
  if (pending.length === 0) return { started: true };
  return { started: true, note: `Still to write in ${file}: ${listed(pending)}.` };
}
