/**
 * Backward by hand (lessons 04 to 06): the lesson's two-layer network on a tiny batch the learner
 * edits, every gradient computed by the chain rule as the lesson writes it (`.g`) beside
 * autograd's, each drawn as a heatmap.
 */
import { grad, manualSeed, randn, tensor, type Tensor } from '../../../src';
import { el, fmt, showingErrors, widgetHeader } from '../dom';
import { heatmap } from '../heatmap';

export interface Network {
  inp: number[][];
  targ: number[];
  w1: number[][];
  b1: number[];
  w2: number[][];
  b2: number[];
}

/** The lesson's worked example: l1 lands exactly on relu's corner, so the gradient stops there. */
export const CORNER: Network = {
  inp: [[1, -1]],
  targ: [1],
  w1: [[1], [1]],
  b1: [0],
  w2: [[2]],
  b2: [0],
};

const round = (t: Tensor): unknown =>
  JSON.parse(
    JSON.stringify(t.toArray(), (_k, v) => (typeof v === 'number' ? Number(v.toFixed(2)) : v)),
  );

/** A batch of 3 inputs of width 2, 3 hidden units, weights from randn after manualSeed(seed). */
export function randomNetwork(seed: number): Network {
  manualSeed(seed);
  return {
    inp: round(randn(3, 2)) as number[][],
    targ: round(randn(3)) as number[],
    w1: round(randn(2, 3)) as number[][],
    b1: round(randn(3).mul(0.1)) as number[],
    w2: round(randn(3, 1)) as number[][],
    b2: [0],
  };
}

type Name = 'inp' | 'w1' | 'b1' | 'l1' | 'l2' | 'w2' | 'b2' | 'out';
export const NAMES: Name[] = ['out', 'w2', 'b2', 'l2', 'l1', 'w1', 'b1', 'inp'];

export interface Gradients {
  loss: number;
  byHand: Record<Name, Tensor>;
  autograd: Record<Name, Tensor>;
}

/** Forward, then backward twice: by hand with the lesson's formulas, and with the engine's autograd. */
export function gradients(net: Network): Gradients {
  const leaf = (v: unknown, requiresGrad: boolean): Tensor =>
    tensor(v as number[], { requiresGrad });
  const forward = (requiresGrad: boolean) => {
    const inp = leaf(net.inp, requiresGrad);
    const w1 = leaf(net.w1, requiresGrad);
    const b1 = leaf(net.b1, requiresGrad);
    const w2 = leaf(net.w2, requiresGrad);
    const b2 = leaf(net.b2, requiresGrad);
    const targ = tensor(net.targ);
    const l1 = inp.matmul(w1).add(b1);
    // relu(), not clampMin(0): their values agree, but autograd through clampMin passes the
    // gradient at exactly 0 (PyTorch's clamp does too), where the lesson's relu stops it.
    const l2 = l1.relu();
    const out = l2.matmul(w2).add(b2);
    const diff = out.squeeze(-1).sub(targ);
    return { inp, w1, b1, w2, b2, targ, l1, l2, out, diff, loss: diff.pow(2).mean() };
  };

  // By hand, as lessons 04 and 05 write it: each line reads the .g the line before wrote.
  const h = forward(false);
  h.out.g = h.diff.unsqueeze(-1).mul(2).div(h.targ.shape[0]);
  h.l2.g = h.out.g.matmul(h.w2.t());
  h.w2.g = h.l2.t().matmul(h.out.g);
  h.b2.g = h.out.g.sum(0);
  h.l1.g = h.l1.gt(0).float().mul(h.l2.g);
  h.inp.g = h.l1.g.matmul(h.w1.t());
  h.w1.g = h.inp.t().matmul(h.l1.g);
  h.b1.g = h.l1.g.sum(0);

  const a = forward(true);
  const found = grad(
    a.loss,
    NAMES.map((n) => a[n]),
  );
  const byHand = Object.fromEntries(NAMES.map((n) => [n, h[n].g as Tensor])) as Record<
    Name,
    Tensor
  >;
  const autograd = Object.fromEntries(NAMES.map((n, i) => [n, found[i] as Tensor])) as Record<
    Name,
    Tensor
  >;
  return { loss: h.loss.item(), byHand, autograd };
}

const FIELDS: (keyof Network)[] = ['inp', 'targ', 'w1', 'b1', 'w2', 'b2'];

function parseNetwork(form: HTMLElement): Network {
  const read = (name: keyof Network): unknown => {
    const text = (form.querySelector(`[name="${name}"]`) as HTMLInputElement).value.replace(
      /−/g,
      '-',
    );
    try {
      return JSON.parse(text);
    } catch {
      throw new Error(`${name}: write a nested list of numbers, such as [[1, -1], [0.5, 2]]`);
    }
  };
  return Object.fromEntries(FIELDS.map((f) => [f, read(f)])) as unknown as Network;
}

export function mountBackward(root: HTMLElement): void {
  widgetHeader(
    root,
    'Backward by hand, next to autograd',
    'inp → l1 = inp @ w1 + b1 → l2 = relu(l1) → out = l2 @ w2 + b2 → loss = mse(out, targ). ' +
      'Edit the batch or the weights: each row shows a gradient computed with the lesson’s formulas (.g) and by the engine’s autograd, in the order backward computes them.',
  );
  const form = el(
    'form',
    { class: 'controls network' },
    ...FIELDS.map((f) =>
      el(
        'label',
        { class: 'field' },
        `${f} `,
        el('input', { name: f, size: f === 'inp' || f === 'w1' ? '28' : '14' }),
      ),
    ),
  );
  const random = el('button', {
    type: 'button',
    'data-testid': 'random',
    text: 'random batch (seed 0)',
  });
  const corner = el('button', {
    type: 'button',
    'data-testid': 'corner',
    text: 'the lesson’s worked example',
  });
  const error = el('div', { class: 'error', 'data-testid': 'error', role: 'alert' });
  const loss = el('div', { class: 'result', 'data-testid': 'loss' });
  const graph = el('div', { class: 'graph', 'data-testid': 'graph' });
  const table = el('table', { class: 'gradients', 'data-testid': 'gradients' });
  error.hidden = true;
  root.append(form, el('div', { class: 'controls' }, random, corner), error, graph, loss, table);

  const fill = (net: Network): void => {
    for (const f of FIELDS)
      (form.querySelector(`[name="${f}"]`) as HTMLInputElement).value = JSON.stringify(
        net[f],
      ).replace(/,/g, ', ');
    update();
  };
  const update = (): void => {
    const result = showingErrors(error, () => gradients(parseNetwork(form)));
    if (!result) return;
    loss.textContent = `loss = ${fmt(result.loss)}`;
    drawGraph(graph, result);
    table.replaceChildren(
      el(
        'tr',
        {},
        el('th', { text: 'gradient' }),
        el('th', { text: 'by hand (.g)' }),
        el('th', { text: 'autograd' }),
        el('th', { text: 'max |difference|' }),
      ),
      ...NAMES.map((name) => {
        const hand = result.byHand[name];
        const auto = result.autograd[name];
        const scale = Math.max(hand.abs().max().item(), auto.abs().max().item());
        const diff = hand.sub(auto).abs().max().item();
        return el(
          'tr',
          { 'data-name': name },
          el(
            'th',
            {},
            el('code', { text: `${name}.g` }),
            el('div', { class: 'note', text: `[${hand.shape.join(', ')}]` }),
          ),
          el('td', {}, heatmap(hand, scale, `${name}-hand`)),
          el('td', {}, heatmap(auto, scale, `${name}-autograd`)),
          el('td', { class: 'diff', text: fmt(diff) }),
        );
      }),
    );
  };
  form.addEventListener('input', update);
  form.addEventListener('submit', (e) => e.preventDefault());
  random.addEventListener('click', () => fill(randomNetwork(0)));
  corner.addEventListener('click', () => fill(CORNER));
  fill(randomNetwork(0));
}

/** The network as a chain of tensors and the ops between them, each tensor with its .g by hand. */
function drawGraph(box: HTMLElement, { byHand, loss }: Gradients): void {
  const scale = Math.max(...NAMES.map((n) => byHand[n].abs().max().item()));
  const tensorNode = (name: Name): HTMLElement =>
    el(
      'div',
      { class: 'node tensor' },
      el('code', { text: `${name} [${byHand[name].shape.join(', ')}]` }),
      heatmap(byHand[name], scale, `${name}-graph`),
    );
  const op = (text: string, ...params: Name[]): HTMLElement =>
    el('div', { class: 'node op' }, el('div', { text }), ...params.map(tensorNode));
  const arrow = (): HTMLElement => el('span', { class: 'arrow', text: '→' });
  box.replaceChildren(
    tensorNode('inp'),
    arrow(),
    op('lin', 'w1', 'b1'),
    arrow(),
    tensorNode('l1'),
    arrow(),
    op('relu'),
    arrow(),
    tensorNode('l2'),
    arrow(),
    op('lin', 'w2', 'b2'),
    arrow(),
    tensorNode('out'),
    arrow(),
    op('mse with targ'),
    arrow(),
    el('div', { class: 'node tensor' }, el('code', { text: `loss ${fmt(loss)}` })),
  );
}
