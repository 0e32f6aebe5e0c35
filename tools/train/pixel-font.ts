/**
 * A 3x5 bitmap font: just the characters the loss chart writes (numbers and a few words), so the
 * PNG needs no font files. Unknown characters draw as blanks.
 */
import type { Canvas, Rgb } from './canvas';

const GLYPHS: Record<string, string> = {
  '0': '###|#.#|#.#|#.#|###',
  '1': '.#.|##.|.#.|.#.|###',
  '2': '###|..#|###|#..|###',
  '3': '###|..#|.##|..#|###',
  '4': '#.#|#.#|###|..#|..#',
  '5': '###|#..|###|..#|###',
  '6': '###|#..|###|#.#|###',
  '7': '###|..#|.#.|.#.|.#.',
  '8': '###|#.#|###|#.#|###',
  '9': '###|#.#|###|..#|###',
  '.': '...|...|...|...|.#.',
  '-': '...|...|###|...|...',
  '%': '#.#|..#|.#.|#..|#.#',
  a: '...|##.|..#|###|###',
  b: '#..|#..|###|#.#|###',
  c: '...|###|#..|#..|###',
  d: '..#|###|#.#|#.#|###',
  e: '...|###|###|#..|###',
  f: '.##|#..|###|#..|#..',
  g: '...|###|#.#|###|.##',
  h: '#..|#..|###|#.#|#.#',
  i: '.#.|...|.#.|.#.|.#.',
  k: '#..|#.#|##.|#.#|#.#',
  l: '##.|.#.|.#.|.#.|###',
  m: '...|###|###|#.#|#.#',
  n: '...|##.|#.#|#.#|#.#',
  o: '...|###|#.#|#.#|###',
  p: '...|###|#.#|###|#..',
  r: '...|###|#..|#..|#..',
  s: '...|###|##.|..#|###',
  t: '.#.|###|.#.|.#.|.##',
  u: '...|#.#|#.#|#.#|###',
  v: '...|#.#|#.#|#.#|.#.',
  w: '...|#.#|#.#|###|###',
  x: '...|#.#|.#.|.#.|#.#',
  y: '...|#.#|###|..#|###',
};

export const GLYPH_WIDTH = 3;
export const GLYPH_HEIGHT = 5;

/** Pixel width of `text` drawn at `scale` (one blank column between characters). */
export function textWidth(text: string, scale: number): number {
  return text.length === 0 ? 0 : (text.length * (GLYPH_WIDTH + 1) - 1) * scale;
}

/** Draws `text` with its top-left corner at (x, y), each font pixel a scale x scale square. */
export function drawText(
  canvas: Canvas,
  text: string,
  x: number,
  y: number,
  colour: Rgb,
  scale = 2,
): void {
  [...text.toLowerCase()].forEach((char, i) => {
    const rows = GLYPHS[char]?.split('|');
    if (!rows) return;
    const left = x + i * (GLYPH_WIDTH + 1) * scale;
    rows.forEach((row, r) =>
      [...row].forEach((cell, c) => {
        if (cell === '#') canvas.fillRect(left + c * scale, y + r * scale, scale, scale, colour);
      }),
    );
  });
}
