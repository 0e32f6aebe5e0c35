import fc from 'fast-check';
import { textWidth, wrapText } from './wrap';

describe('wrapText', () => {
  test('breaks at spaces so no line is longer than the width', () => {
    expect(wrapText('one two three four five', 9)).toBe('one two\nthree\nfour five');
  });

  test('keeps a code span whole, with its own spacing, even when it is too long', () => {
    const span = '`must match.  Target sizes: [2, 4]`';
    expect(wrapText(`it throws ${span} here`, 20)).toBe(`it throws\n${span}\nhere`);
  });

  test('keeps the newlines that are there', () => {
    expect(wrapText('a b\n\nc', 80)).toBe('a b\n\nc');
  });

  test('only moves the words: joining the lines gives the text back', () => {
    const word = fc.stringMatching(/^[a-z`]{1,12}$/);
    fc.assert(
      fc.property(
        fc.array(word, { maxLength: 30 }),
        fc.integer({ min: 1, max: 40 }),
        (ws, width) => {
          const text = ws.join(' ');
          const wrapped = wrapText(text, width);
          expect(wrapped.split('\n').join(' ')).toBe(text);
          const unbroken = /`/.test(text) ? Infinity : width;
          for (const line of wrapped.split('\n'))
            expect(line.length <= unbroken || !line.includes(' ')).toBe(true);
        },
      ),
    );
  });
});

describe('textWidth', () => {
  test('is the terminal width up to 80, and 80 when piped', () => {
    expect(textWidth({ columns: 60 })).toBe(60);
    expect(textWidth({ columns: 200 })).toBe(80);
    expect(textWidth({})).toBe(80);
  });
});
