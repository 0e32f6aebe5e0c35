import type { Paint, Painter } from './style';

/**
 * Pictures are laid out as blocks of lines of segments, measured before any colour is added, so
 * colour codes never count towards the width.
 */
export interface Segment {
  text: string;
  paint?: Paint;
}
export type Line = Segment[];
export type Block = Line[];

export function lineWidth(line: Line): number {
  return line.reduce((width, segment) => width + segment.text.length, 0);
}

export function blockWidth(block: Block): number {
  return Math.max(0, ...block.map(lineWidth));
}

/** Blocks side by side, top-aligned, `gap` spaces apart. */
export function besideEachOther(blocks: Block[], gap = 4): Block {
  const height = Math.max(0, ...blocks.map((block) => block.length));
  const widths = blocks.map(blockWidth);
  return Array.from({ length: height }, (_, row) =>
    blocks.flatMap((block, i) => {
      const line = block[row] ?? [];
      const last = i === blocks.length - 1;
      const padding = last ? 0 : widths[i] - lineWidth(line) + gap;
      return padding > 0 ? [...line, { text: ' '.repeat(padding) }] : line;
    }),
  );
}

/** Every line shifted right by `width` spaces. */
export function indented(block: Block, width: number): Block {
  return block.map((line) => [{ text: ' '.repeat(width) }, ...line]);
}

/** The block as text, painted, without trailing spaces. */
export function render(block: Block, paint: Painter): string {
  return block
    .map((line) =>
      line
        .map((segment) => (segment.paint ? paint(segment.text, segment.paint) : segment.text))
        .join('')
        .replace(/\s+$/, ''),
    )
    .join('\n');
}

/**
 * One number per element of a 0-D, 1-D or 2-D tensor (row-major) as the rows a grid draws;
 * undefined for more dimensions or no elements, which are not drawn.
 */
export function gridRows(
  shape: readonly number[],
  perElement: () => number[],
): number[][] | undefined {
  if (shape.length > 2 || shape.includes(0)) return undefined;
  const flat = perElement();
  const columns = shape.length === 2 ? shape[1] : flat.length;
  return Array.from({ length: flat.length / columns }, (_, r) =>
    flat.slice(r * columns, (r + 1) * columns),
  );
}
