import type pc from 'picocolors';
import { wrapText } from './wrap';

type Colours = ReturnType<typeof pc.createColors>;

export interface HintViewInput {
  id: string;
  title: string;
  lesson: string;
  hints: readonly string[];
  /** Hints revealed before this call, and after it. */
  seenBefore: number;
  seenNow: number;
  width: number;
}

/**
 * What `npm run hint` prints: every revealed hint, the new ones bright and the ones seen before
 * dimmed, then what to do next. Asking again once every hint is out says so instead of
 * pretending the last hint is new.
 */
export function hintView(input: HintViewInput, colours: Colours): string {
  const { id, lesson, hints, seenBefore, seenNow, width } = input;
  const total = hints.length;
  const number = id.slice(0, 2);
  const lines = [colours.bold(`${id}: ${input.title}`)];
  hints.slice(0, seenNow).forEach((hint, index) => {
    const label = `Hint ${index + 1} of ${total}`;
    const text = wrapText(hint, width);
    lines.push(
      '',
      ...(index >= seenBefore
        ? [colours.bold(colours.cyan(label)), text]
        : [colours.dim(label), colours.dim(text)]),
    );
  });
  const footer =
    seenNow < total
      ? [`Next hint (${seenNow + 1} of ${total}): npm run hint -- ${number}`, `Lesson: ${lesson}`]
      : [
          seenBefore === total ? `No more hints: that is all ${total}.` : 'That was the last hint.',
          `Lesson: ${lesson}   The answer: npm run compare -- ${number}`,
        ];
  lines.push('', ...footer.map((line) => colours.dim(line)));
  return lines.join('\n');
}
