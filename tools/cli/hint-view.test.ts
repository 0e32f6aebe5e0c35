import pc from 'picocolors';
import { type HintViewInput, hintView } from './hint-view';

const plain = pc.createColors(false);
const kata = {
  id: '03-expand-as',
  title: 'Strides',
  lesson: 'docs/03-expand-as.md',
  hints: ['first', 'second', 'third'],
  width: 80,
};
const view = (seenBefore: number, seenNow: number) =>
  hintView({ ...kata, seenBefore, seenNow } satisfies HintViewInput, plain);

describe('hintView', () => {
  test('shows the hints revealed so far and how to get the next one', () => {
    const text = view(1, 2);
    expect(text).toContain('Hint 1 of 3\nfirst');
    expect(text).toContain('Hint 2 of 3\nsecond');
    expect(text).not.toContain('third');
    expect(text).toContain('Next hint (3 of 3): npm run hint -- 03');
  });

  test('the third hint says it was the last one and points at the answer', () => {
    const text = view(2, 3);
    expect(text).toContain('That was the last hint.');
    expect(text).toContain('npm run compare -- 03');
  });

  test('asking again after the last hint says there are no more', () => {
    expect(view(3, 3)).toContain('No more hints: that is all 3.');
  });

  test('new hints stand out and hints seen before are dimmed', () => {
    const colours = pc.createColors(true);
    const text = hintView({ ...kata, seenBefore: 1, seenNow: 2 }, colours);
    expect(text).toContain(colours.dim('first'));
    expect(text).toContain(colours.bold(colours.cyan('Hint 2 of 3')));
    expect(text).not.toContain(colours.dim('second'));
  });

  test('long hints are wrapped to the width', () => {
    const long = 'word '.repeat(40).trim();
    const text = hintView({ ...kata, hints: [long], seenBefore: 0, seenNow: 1, width: 30 }, plain);
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(64);
    expect(text.split('\n').filter((line) => line.startsWith('word')).length).toBeGreaterThan(5);
  });
});
