/**
 * Broadcasting (lessons 02 and 03): two shapes lined up on the right, the rule applied dimension by
 * dimension, both operands expanded to the result's shape as stride-0 views of their own storage,
 * and the result. A clash is highlighted at the dimension the engine's error names.
 */
import { arange, broadcastShapes, type Tensor } from '../../../src';
import { el, field, input, parseInts, showingErrors, widgetHeader } from '../dom';
import { drawTensor } from '../tensor-view';

export interface DimRule {
  /** Dimension of the result, counted from the left. */
  dim: number;
  a?: number;
  b?: number;
  rule: string;
  clash: boolean;
}

/** The rule, one result dimension at a time (sizes lined up on the right; missing counts as 1). */
export function broadcastRules(a: readonly number[], b: readonly number[]): DimRule[] {
  const n = Math.max(a.length, b.length);
  return Array.from({ length: n }, (_, dim): DimRule => {
    const sa = a[dim - (n - a.length)];
    const sb = b[dim - (n - b.length)];
    const ea = sa ?? 1;
    const eb = sb ?? 1;
    const missing = (name: string): string => `${name} has no dimension here: it counts as 1`;
    if (ea === eb) {
      const note = sa === undefined ? missing('a') : sb === undefined ? missing('b') : 'equal';
      return { dim, a: sa, b: sb, rule: `${note}: size ${ea}`, clash: false };
    }
    if (ea === 1)
      return {
        dim,
        a: sa,
        b: sb,
        rule: `${sa === undefined ? missing('a') : 'a is 1'}: a is stretched to ${eb} (stride 0)`,
        clash: false,
      };
    if (eb === 1)
      return {
        dim,
        a: sa,
        b: sb,
        rule: `${sb === undefined ? missing('b') : 'b is 1'}: b is stretched to ${ea} (stride 0)`,
        clash: false,
      };
    return { dim, a: sa, b: sb, rule: `${ea} vs ${eb}: neither is 1, no broadcast`, clash: true };
  });
}

export function mountBroadcast(root: HTMLElement): void {
  widgetHeader(
    root,
    'Broadcasting',
    'Two shapes lined up on the right. Each column applies the rule; the operands are then expanded to the result shape ' +
      'as views with stride 0 (no copy), and added. Try a clash such as [2, 3] and [2, 4].',
  );
  const controls = el(
    'form',
    { class: 'controls' },
    field('shape of a', 'a', '3, 1'),
    field('shape of b', 'b', '4'),
  );
  const table = el('table', { class: 'align', 'data-testid': 'alignment' });
  const error = el('div', { class: 'error', 'data-testid': 'error', role: 'alert' });
  const result = el('div', { class: 'result', 'data-testid': 'result-shape' });
  const pictures = el('div', { class: 'picture operands' });
  error.hidden = true;
  root.append(controls, table, error, result, pictures);

  const update = (): void => {
    pictures.replaceChildren();
    result.textContent = '';
    const shapes = showingErrors(error, () => {
      const a = parseInts(input(controls, 'a').value);
      const b = parseInts(input(controls, 'b').value);
      if ([...a, ...b].some((s) => s < 0 || s > 6) || a.length > 4 || b.length > 4)
        throw new Error('pick sizes from 0 to 6, up to 4 dimensions');
      return { a, b };
    });
    if (!shapes) {
      table.replaceChildren();
      return;
    }
    const { a, b } = shapes;
    const rules = broadcastRules(a, b);
    // The engine decides; its message names the clashing dimension, which the table then marks.
    const A = arange(a.reduce((p, s) => p * s, 1))
      .float()
      .reshape(a);
    const B = arange(b.reduce((p, s) => p * s, 1))
      .float()
      .mul(10)
      .reshape(b);
    const out = showingErrors(error, () => {
      broadcastShapes(a, b);
      return A.add(B);
    });
    const named = /at non-singleton dimension (\d+)/.exec(error.textContent ?? '')?.[1];
    drawRules(table, rules, out?.shape, named === undefined ? undefined : Number(named));
    if (!out) return;
    result.textContent = `result shape [${out.shape.join(', ')}]`;
    const expand = (t: Tensor, name: string, values: string): HTMLElement =>
      drawTensor(t.expand(out.shape), {
        label: `${name}.expand([${out.shape.join(', ')}]) — ${name} = ${values}`,
      });
    pictures.append(
      expand(A, 'a', `arange(${A.numel()}).reshape([${a.join(', ')}])`),
      expand(B, 'b', `arange(${B.numel()}).mul(10).reshape([${b.join(', ')}])`),
      drawTensor(out, { label: 'a.add(b): a new tensor, its own storage' }),
    );
  };
  controls.addEventListener('input', update);
  controls.addEventListener('submit', (e) => e.preventDefault());
  update();
}

function drawRules(
  table: HTMLTableElement,
  rules: DimRule[],
  out: readonly number[] | undefined,
  named?: number,
): void {
  const row = (
    label: string,
    cells: (string | number | undefined)[],
    cls = '',
  ): HTMLTableRowElement =>
    el(
      'tr',
      { class: cls },
      el('th', { text: label }),
      ...cells.map((c, dim) =>
        el('td', {
          class: dim === named ? 'clash' : rules[dim].clash ? 'conflict' : '',
          'data-dim': String(dim),
          text: c === undefined ? '' : String(c),
        }),
      ),
    );
  table.replaceChildren(
    row(
      'dimension',
      rules.map((r) => r.dim),
      'dims',
    ),
    row(
      'a',
      rules.map((r) => r.a),
    ),
    row(
      'b',
      rules.map((r) => r.b),
    ),
    row(
      'result',
      out ? [...out] : rules.map((r) => (r.clash ? '✗' : Math.max(r.a ?? 1, r.b ?? 1))),
      'out',
    ),
    row(
      'rule',
      rules.map((r) => r.rule),
      'rule',
    ),
  );
}
