/** A small matrix as coloured cells (blue negative, red positive), each cell's value in its title. */
import type { Tensor } from '../../src';
import { diverging, el, fmt } from './dom';

/** The values of a 0-, 1- or 2-d tensor as rows (a vector is one row). */
export function rows(t: Tensor): number[][] {
  const data = t.toArray();
  if (typeof data === 'number' || typeof data === 'boolean') return [[Number(data)]];
  if (t.dim() === 1) return [(data as number[]).map(Number)];
  return (data as number[][]).map((r) => r.map(Number));
}

export function heatmap(t: Tensor, scale: number, label: string): HTMLElement {
  const values = rows(t);
  const grid = el('div', {
    class: 'heatmap',
    'data-testid': label,
    style: `grid-template-columns: repeat(${values[0]?.length ?? 1}, auto)`,
  });
  for (const row of values)
    for (const v of row)
      grid.append(
        el('div', {
          title: fmt(v),
          'data-value': String(v),
          style: `background: ${diverging(v, scale)}`,
        }),
      );
  return grid;
}
