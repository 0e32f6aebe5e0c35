import fc from 'fast-check';
import { hintsSection, kataMap, newHintsBlock } from './kata-docs';
import { markers, replaceBetween } from './markers';

const hints = markers('hints');

describe('replaceBetween', () => {
  test('replaces only what lies between the markers', () => {
    const text = 'before\n<!-- hints:start -->\nold\n<!-- hints:end -->\nafter\n';
    expect(replaceBetween(text, hints, 'new')).toBe(
      'before\n<!-- hints:start -->\nnew\n<!-- hints:end -->\nafter\n',
    );
  });

  test('keeps the text outside the markers, and is idempotent', () => {
    const safe = fc.string().filter((text) => !text.includes('<!--'));
    fc.assert(
      fc.property(safe, safe, safe, (before, old, body) => {
        const text = `${before}${hints.start}${old}${hints.end}${before}`;
        const once = replaceBetween(text, hints, body)!;
        expect(once.startsWith(before + hints.start)).toBe(true);
        expect(once.endsWith(hints.end + before)).toBe(true);
        expect(replaceBetween(once, hints, body)).toBe(once);
      }),
    );
  });

  test('null when there are no markers; an error when they are broken', () => {
    expect(replaceBetween('plain text', hints, 'x')).toBeNull();
    expect(() => replaceBetween(`${hints.start} only`, hints, 'x')).toThrow(/without/);
    expect(() => replaceBetween(`${hints.end} ${hints.start}`, hints, 'x')).toThrow(/before/);
    expect(() =>
      replaceBetween(`${hints.start}${hints.end}${hints.start}${hints.end}`, hints, 'x'),
    ).toThrow(/more than once/);
  });
});

const kata = {
  id: '03-expand-as',
  exports: { 'strides.ts': ['unsqueeze', 'expandAs'] },
  lesson: 'docs/03-expand-as.md',
  hints: ['first', 'second'],
};

test('the kata map has one row per kata with its exports and lesson link', () => {
  expect(kataMap([kata])).toBe(
    [
      '| # | kata | you write | lesson |',
      '|---|---|---|---|',
      '| 03 | expand as | `unsqueeze`, `expandAs` | [docs/03-expand-as.md](docs/03-expand-as.md) |',
    ].join('\n'),
  );
});

test('each hint folds into its own details block, in order', () => {
  const section = hintsSection(kata);
  expect(section.match(/<details>/g)).toHaveLength(2);
  expect(section.indexOf('Hint 1')).toBeLessThan(section.indexOf('Hint 2'));
  expect(section).toContain('<summary>Hint 2</summary>\n\nsecond\n\n</details>');
  expect(newHintsBlock(kata)).toContain(`${hints.start}\n${section}\n${hints.end}`);
});
