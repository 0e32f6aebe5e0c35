import type { Tensor } from '../../tensor';
import { formatNumber } from '../describe';
import { flatValues, formatShape } from '../read';
import { besideEachOther, blockWidth, gridRows, render, type Block, type Line } from './layout';
import { MAX_COLUMNS, painterFor, type PictureMode } from './style';

/** Taller tensors stay text: a picture is for the small cases properties shrink to. */
const MAX_ROWS = 8;

/** A diff map (one character per element) is drawn for up to this many rows. */
const MAX_MAP_ROWS = 16;

/** The values of a tensor small enough in rank to draw, as rows (see gridRows). */
function rowsOf(t: Tensor): number[][] | undefined {
  return gridRows(t.shape, () => flatValues(t));
}

/**
 * One side of the comparison: its title, then its values in a grid; marked cells are bracketed
 * (and coloured with `paint`), so the difference shows without colour too.
 */
function valueGrid(
  title: string,
  rows: number[][],
  marked: (r: number, c: number) => boolean,
  paint: 'expected' | 'wrong',
  cellWidth: number,
): Block {
  const lines: Line[] = rows.map((row, r) =>
    row.flatMap((value, c) => {
      const text = formatNumber(value);
      const cell = marked(r, c) ? `[${text}]` : ` ${text} `;
      const padded = cell.padStart(cellWidth);
      return marked(r, c) ? [{ text: padded, paint }] : [{ text: padded }];
    }),
  );
  return [[{ text: title, paint: 'title' }], ...lines];
}

/** One character per element: `x` where got differs from expected, `.` where it agrees. */
function diffMap(rows: number[][], differs: (r: number, c: number) => boolean): Block {
  const lines: Line[] = rows.map((row, r) =>
    row.map((_, c) =>
      differs(r, c)
        ? { text: ' x', paint: 'wrong' as const }
        : { text: ' .', paint: 'dim' as const },
    ),
  );
  return [[{ text: 'where got differs from expected (x):', paint: 'title' }], ...lines];
}

/**
 * Expected and got side by side as grids of values, the differing elements marked, when both
 * are small 0-D, 1-D or 2-D tensors and the picture fits in 80 columns. Values too wide for that
 * give a diff map of equal shapes instead; anything larger gives undefined (the text says it).
 * `differs` is the comparison's own verdict for the element at a row-major position.
 */
export function comparisonPicture(
  expected: Tensor,
  got: Tensor,
  differs: (position: number) => boolean,
  mode: PictureMode,
): string | undefined {
  if (mode === 'off') return undefined;
  const want = rowsOf(expected);
  const have = rowsOf(got);
  if (!want || !have) return undefined;
  const sameShape = formatShape(expected.shape) === formatShape(got.shape);
  const columns = have[0].length;
  const marked = (r: number, c: number) => sameShape && differs(r * columns + c);
  if (Math.max(want.length, have.length) <= MAX_ROWS) {
    const cellWidth =
      Math.max(...[...want.flat(), ...have.flat()].map((v) => formatNumber(v).length)) + 3;
    const picture = besideEachOther([
      valueGrid(`expected ${formatShape(expected.shape)}`, want, marked, 'expected', cellWidth),
      valueGrid(`got ${formatShape(got.shape)}`, have, marked, 'wrong', cellWidth),
    ]);
    if (blockWidth(picture) <= MAX_COLUMNS) return render(picture, painterFor(mode));
  }
  if (!sameShape || have.length > MAX_MAP_ROWS || 2 * columns > MAX_COLUMNS) return undefined;
  return render(diffMap(have, marked), painterFor(mode));
}
