import type { Tensor } from '../../tensor';
import { formatNumber } from '../describe';
import { indicesOf, formatShape } from '../read';
import { besideEachOther, blockWidth, gridRows, render, type Block, type Line } from './layout';
import { MAX_COLUMNS, painterFor, type PictureMode } from './style';

/** Longer storages stay text. */
const MAX_CELLS = 16;
const MAX_ROWS = 8;

/** The storage cell each element of a 0-D, 1-D or 2-D view reads, as rows. */
function cellRows(t: Tensor): number[][] | undefined {
  const stride = t.stride();
  return gridRows(t.shape, () =>
    [...indicesOf(t.shape)].map((index) =>
      index.reduce((cell, i, d) => cell + i * stride[d], t.offset),
    ),
  );
}

/** `stride [0,1]`, with the offset when it is not 0. */
function layoutOf(t: Tensor): string {
  const offset = t.offset === 0 ? '' : ` offset ${t.offset}`;
  return `stride ${formatShape(t.stride())}${offset}`;
}

/**
 * The storage as one row of numbered cells, the cells in `read` marked with a caret below
 * (and coloured).
 */
function storageRow(label: string, t: Tensor, read: ReadonlySet<number>): Block | undefined {
  const data = t.storage().data;
  if (data.length === 0 || data.length > MAX_CELLS) return undefined;
  const texts = Array.from(data, (v) => formatNumber(Number(v)));
  const width = Math.max(...texts.map((text) => text.length), String(data.length - 1).length) + 2;
  const numbers: Line = [{ text: 'cell'.padEnd(label.length) }];
  const values: Line = [{ text: label, paint: 'title' }];
  const marks: Line = [{ text: 'read'.padEnd(label.length) }];
  texts.forEach((text, cell) => {
    const isRead = read.has(cell);
    numbers.push({ text: String(cell).padStart(width), paint: 'dim' });
    values.push(
      isRead ? { text: text.padStart(width), paint: 'read' } : { text: text.padStart(width) },
    );
    marks.push({ text: (isRead ? '^' : '').padStart(width), paint: 'read' });
  });
  return [numbers, values, marks];
}

/** A grid of storage cell numbers; marked cells bracketed and painted `paint`. */
function cellGrid(
  title: string,
  rows: number[][],
  marked: (r: number, c: number) => boolean,
  paint: 'expected' | 'wrong' | 'read',
): Block {
  const width = Math.max(...rows.flat().map((cell) => String(cell).length)) + 3;
  const lines: Line[] = rows.map((row, r) =>
    row.map((cell, c) =>
      marked(r, c)
        ? { text: `[${cell}]`.padStart(width), paint }
        : { text: ` ${cell} `.padStart(width) },
    ),
  );
  return [[{ text: title, paint: 'title' }], ...lines];
}

function fits(block: Block, rows: number): boolean {
  return blockWidth(block) <= MAX_COLUMNS && rows <= MAX_ROWS;
}

/**
 * A view drawn over its memory: the storage as a row of cells with the cells the view reads
 * marked, and under it the cell each element reads. A stride-0 dimension shows as repeated
 * cells: nothing was copied. Undefined when it would not fit in 80 columns.
 */
export function viewPicture(name: string, t: Tensor, mode: PictureMode): string | undefined {
  if (mode === 'off') return undefined;
  const rows = cellRows(t);
  if (!rows) return undefined;
  const label = `storage of ${name}`;
  const row = storageRow(label, t, new Set(rows.flat()));
  if (!row) return undefined;
  const grid = cellGrid(
    `the cell each element of ${name} ${formatShape(t.shape)} reads (${layoutOf(t)})`,
    rows,
    () => false,
    'read',
  );
  const picture = [...row, [], ...grid];
  return fits(picture, rows.length) ? render(picture, painterFor(mode)) : undefined;
}

/**
 * The view a function should have returned next to the one it did, as the storage cells their
 * elements read, over the storage of `source` (the tensor both should view). Cells that differ
 * are marked; a result with storage of its own is called a copy.
 */
export function viewComparisonPicture(
  source: { name: string; tensor: Tensor },
  expected: Tensor,
  got: Tensor,
  mode: PictureMode,
): string | undefined {
  if (mode === 'off') return undefined;
  const want = cellRows(expected);
  const have = cellRows(got);
  if (!want || !have) return undefined;
  const copy = got.storage() !== source.tensor.storage();
  const sameShape = formatShape(expected.shape) === formatShape(got.shape);
  const differs = (r: number, c: number) => sameShape && want[r][c] !== have[r][c];
  const label = `storage of ${source.name}`;
  const row = storageRow(label, source.tensor, new Set(want.flat()));
  if (!row) return undefined;
  const gotTitle = copy
    ? `got: a copy with its own cells, ${layoutOf(got)}`
    : `got ${layoutOf(got)}`;
  const grids = besideEachOther([
    // a copy reads none of the source's cells: all of its cells are marked
    cellGrid(`expected ${layoutOf(expected)}`, want, (r, c) => !copy && differs(r, c), 'expected'),
    cellGrid(gotTitle, have, (r, c) => copy || differs(r, c), 'wrong'),
  ]);
  const picture = [...row, [], [{ text: 'the cell each element reads:' }], ...grids];
  return fits(picture, Math.max(want.length, have.length))
    ? render(picture, painterFor(mode))
    : undefined;
}
