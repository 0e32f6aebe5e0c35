/**
 * A tensor drawn as its storage (a row of cells) and its view (a grid per 2-d slice), each view cell
 * showing its value and the storage position it reads: offset + Σ index·stride.
 */
import type { Tensor } from '../../src';
import { el, fmt } from './dom';

/** Every index of a shape, in row-major order. */
export function indices(shape: readonly number[]): number[][] {
  let out: number[][] = [[]];
  for (const size of shape) {
    const next: number[][] = [];
    for (const prefix of out) for (let i = 0; i < size; i++) next.push([...prefix, i]);
    out = next;
  }
  return out;
}

export function storagePosition(t: Tensor, index: readonly number[]): number {
  const stride = t.stride();
  return index.reduce((at, i, d) => at + i * stride[d], t.offset);
}

/** How many view elements read each storage cell. */
export function readCounts(t: Tensor): number[] {
  const counts = new Array<number>(t.storage().size).fill(0);
  for (const index of indices(t.shape)) counts[storagePosition(t, index)]++;
  return counts;
}

function storageRow(t: Tensor): HTMLElement {
  const counts = readCounts(t);
  const data = t.storage().data;
  const row = el('div', { class: 'storage', 'data-testid': 'storage' });
  for (let i = 0; i < data.length; i++) {
    const cell = el(
      'div',
      { class: counts[i] > 0 ? 'cell read' : 'cell', 'data-pos': String(i) },
      el('span', { class: 'value', text: fmt(Number(data[i])) }),
      el('span', { class: 'pos', text: String(i) }),
    );
    if (counts[i] > 1) cell.append(el('span', { class: 'count', text: `×${counts[i]}` }));
    row.append(cell);
  }
  return row;
}

function grid(t: Tensor, prefix: number[], hover: (pos: number | undefined) => void): HTMLElement {
  const inner = t.shape.slice(prefix.length);
  const rows = inner.length === 2 ? inner[0] : 1;
  const cols = inner.length === 0 ? 1 : inner[inner.length - 1];
  const table = el('div', { class: 'grid', style: `grid-template-columns: repeat(${cols}, auto)` });
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) {
      const index = [...prefix, ...(inner.length === 2 ? [r, c] : inner.length === 1 ? [c] : [])];
      const pos = storagePosition(t, index);
      const cell = el(
        'div',
        {
          class: 'cell',
          'data-pos': String(pos),
          'data-index': index.join(','),
          title: `[${index.join(', ')}] reads storage[${pos}]`,
        },
        el('span', { class: 'value', text: fmt(t.get(...index)) }),
        el('span', { class: 'pos', text: `@${pos}` }),
      );
      cell.addEventListener('mouseenter', () => hover(pos));
      cell.addEventListener('mouseleave', () => hover(undefined));
      table.append(cell);
    }
  return table;
}

export interface DrawOptions {
  label?: string;
  /** Draw the storage row too (default true). */
  storage?: boolean;
  /** Largest number of view elements drawn cell by cell. */
  maxCells?: number;
}

export function drawTensor(t: Tensor, options: DrawOptions = {}): HTMLElement {
  const box = el('div', { class: 'tensor-view' });
  if (options.label) box.append(el('div', { class: 'tensor-label', text: options.label }));
  box.append(
    el('div', {
      class: 'tensor-meta',
      text: `shape [${t.shape.join(', ')}] · stride [${t.stride().join(', ')}] · offset ${t.offset} · isContiguous() ${t.isContiguous()}`,
    }),
  );
  if (t.numel() > (options.maxCells ?? 144)) {
    box.append(el('div', { class: 'note', text: `${t.numel()} elements: too many to draw.` }));
    return box;
  }
  const storage = options.storage === false ? undefined : storageRow(t);
  const hover = (pos: number | undefined): void => {
    box.querySelectorAll('.hover').forEach((c) => c.classList.remove('hover'));
    if (pos !== undefined)
      box.querySelectorAll(`[data-pos="${pos}"]`).forEach((c) => c.classList.add('hover'));
  };
  if (storage)
    box.append(
      el('div', { class: 'row-label', text: `storage (${t.storage().size} numbers)` }),
      storage,
    );
  const lead = t.shape.slice(0, Math.max(0, t.dim() - 2));
  const slices = el('div', { class: 'slices', 'data-testid': 'view' });
  for (const prefix of indices(lead)) {
    const label = lead.length ? `[${[...prefix, ':', ':'].join(', ')}]` : 'view';
    slices.append(
      el(
        'div',
        { class: 'slice' },
        el('div', { class: 'row-label', text: label }),
        grid(t, prefix, hover),
      ),
    );
  }
  box.append(slices);
  return box;
}
