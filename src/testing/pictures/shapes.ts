import { lineWidth, render, type Line } from './layout';
import { MAX_COLUMNS, painterFor, type PictureMode } from './style';

/** Two sizes clash when they differ and neither is 1 (a 1 stretches; a 0 does not). */
function clash(a: number | undefined, b: number | undefined): boolean {
  return a !== undefined && b !== undefined && a !== b && a !== 1 && b !== 1;
}

/**
 * Shapes lined up from the right, as broadcasting compares them, with every clashing column
 * marked and the rightmost clash (the one PyTorch's error names) called out:
 *
 *     dim   0  1  2
 *     a        2  3
 *     b     4  1  2
 *                 ^ 3 against 2 at dimension 2
 *
 * (dimensions numbered as in the result, which is how PyTorch's message numbers them)
 */
export function alignedShapesPicture(
  shapes: Record<string, readonly number[]>,
  mode: PictureMode,
): string | undefined {
  if (mode === 'off') return undefined;
  const names = Object.keys(shapes);
  const rank = Math.max(0, ...names.map((name) => shapes[name].length));
  // column d (0 = leftmost of the result) holds shape[d - (rank - shape.length)]
  const at = (name: string, d: number) => {
    const shape = shapes[name];
    const i = d - (rank - shape.length);
    return i >= 0 ? shape[i] : undefined;
  };
  const sizes = names.flatMap((name) => shapes[name].map(String));
  const width = Math.max(1, ...sizes.map((s) => s.length)) + 2;
  const labelWidth = Math.max(...names.map((name) => name.length)) + 2;
  const clashing = Array.from({ length: rank }, (_, d) =>
    names.some((x) => names.some((y) => clash(at(x, d), at(y, d)))),
  );
  const dims: Line = [
    { text: 'dim'.padEnd(labelWidth) },
    ...Array.from({ length: rank }, (_, d) => ({
      text: String(d).padStart(width),
      paint: 'dim' as const,
    })),
  ];
  const lines: Line[] = names.map((name) => [
    { text: name.padEnd(labelWidth), paint: 'title' },
    ...Array.from({ length: rank }, (_, d) => {
      const size = at(name, d);
      const text = (size === undefined ? '' : String(size)).padStart(width);
      return clashing[d] ? { text, paint: 'wrong' as const } : { text };
    }),
  ]);
  const rightmost = clashing.lastIndexOf(true);
  if (rightmost >= 0) {
    const sizesThere = names.map((name) => at(name, rightmost)).filter((s) => s !== undefined);
    const marks: Line = [{ text: ' '.repeat(labelWidth) }];
    for (let d = 0; d < rank; d++) {
      marks.push({ text: (clashing[d] ? '^' : '').padStart(width), paint: 'wrong' });
    }
    marks.push({
      text: ` ${sizesThere.join(' against ')} at dimension ${rightmost}`,
    });
    lines.push(marks);
  }
  const picture = [dims, ...lines];
  const widest = Math.max(...picture.map(lineWidth));
  return widest <= MAX_COLUMNS ? render(picture, painterFor(mode)) : undefined;
}
