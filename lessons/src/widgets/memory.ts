/**
 * Memory and views (lessons 01 and 03): one storage of numbers, a view over it chosen by shape,
 * stride and offset, or made by the engine's view ops. Each view cell says which storage cell it
 * reads; `expand` shows stride 0 and no new storage.
 */
import { arange, asStrided, zeros, type IndexKey, type Tensor } from '../../../src';
import { el, field, input, parseInts, showingErrors, widgetHeader } from '../dom';
import { drawTensor } from '../tensor-view';

/** `1, :` → [1, ':']; `None` or `null` → null; `...`; `0:3` or `0:3:2` → [0, 3, 2]. */
export function parseIndex(text: string): IndexKey[] {
  return text.split(',').map((raw): IndexKey => {
    const part = raw.trim();
    if (part === ':' || part === '...') return part;
    if (part === 'None' || part === 'null') return null;
    if (part.includes(':'))
      return part.split(':').map((p) => (p.trim() === '' ? null : parseInts(p)[0]));
    return parseInts(part)[0];
  });
}

const ops: Record<string, { args: string; code: string; run: (t: Tensor, a: string) => Tensor }> = {
  't()': { args: '', code: 't.t()', run: (t) => t.t() },
  transpose: {
    args: '0, 1',
    code: 't.transpose(dim0, dim1)',
    run: (t, a) => t.transpose(...(parseInts(a) as [number, number])),
  },
  narrow: {
    args: '1, 1, 2',
    code: 't.narrow(dim, start, length)',
    run: (t, a) => t.narrow(...(parseInts(a) as [number, number, number])),
  },
  index: { args: '1, :', code: 't.index(...keys)', run: (t, a) => t.index(...parseIndex(a)) },
  unsqueeze: { args: '0', code: 't.unsqueeze(dim)', run: (t, a) => t.unsqueeze(parseInts(a)[0]) },
  expand: { args: '2, -1, -1', code: 't.expand(...sizes)', run: (t, a) => t.expand(parseInts(a)) },
  expandAs: {
    args: '2, 3, 4',
    code: 't.expandAs(zeros(shape))',
    run: (t, a) => t.expandAs(zeros(parseInts(a))),
  },
};

export function mountMemory(root: HTMLElement): void {
  widgetHeader(
    root,
    'Memory and views',
    'One storage, many views. Choose a shape, strides and an offset, or apply a view op to the view shown: ' +
      'every cell of the view says which storage cell it reads (hover to see it), and highlighted storage cells are the ones the view reads.',
  );
  const controls = el(
    'form',
    { class: 'controls', 'data-testid': 'layout' },
    field('storage size', 'size', '12'),
    field('shape', 'shape', '3, 4'),
    field('stride', 'stride', '4, 1'),
    field('offset', 'offset', '0'),
  );
  const opSelect = el(
    'select',
    { name: 'op' },
    ...Object.keys(ops).map((name) => el('option', { value: name, text: name })),
  );
  const opArgs = el('input', { name: 'args', value: '', size: '10' });
  const apply = el('button', {
    type: 'button',
    'data-testid': 'apply-op',
    text: 'apply to the view',
  });
  const opCode = el('code', { class: 'op-code' });
  const opForm = el(
    'div',
    { class: 'controls' },
    el('label', { class: 'field' }, 'view op ', opSelect),
    opCode,
    el('label', { class: 'field' }, 'arguments ', opArgs),
    apply,
  );
  const error = el('div', { class: 'error', 'data-testid': 'error', role: 'alert' });
  const facts = el('ul', { class: 'facts', 'data-testid': 'facts' });
  const picture = el('div', { class: 'picture' });
  const printed = el('pre', { class: 'printed', 'data-testid': 'printed' });
  error.hidden = true;
  root.append(controls, opForm, error, facts, picture, printed);

  // The storage is made once per size, so every view (and every expand) shares the same object.
  let base = arange(12).float();
  const baseFor = (size: number): Tensor => {
    if (base.numel() !== size) base = arange(size).float();
    return base;
  };

  const show = (view: Tensor, note: string): void => {
    facts.replaceChildren(
      el('li', {
        text: `shape [${view.shape.join(', ')}], stride() [${view.stride().join(', ')}], offset ${view.offset}`,
      }),
      el('li', { 'data-testid': 'contiguous', text: `isContiguous() ${view.isContiguous()}` }),
      el('li', {
        'data-testid': 'storage-size',
        text: `storage().size ${view.storage().size}, the same storage object as before: ${view.storage() === base.storage() ? 'yes' : 'no'}`,
      }),
      ...(note ? [el('li', { class: 'note', text: note })] : []),
    );
    picture.replaceChildren(drawTensor(view, { maxCells: 96 }));
    printed.textContent = view.toString();
  };

  const fromFields = (): void => {
    const view = showingErrors(error, () => {
      const size = parseInts(input(controls, 'size').value)[0];
      if (!(size > 0 && size <= 48)) throw new Error('storage size: pick 1 to 48 numbers');
      return asStrided(
        baseFor(size),
        parseInts(input(controls, 'shape').value),
        parseInts(input(controls, 'stride').value),
        parseInts(input(controls, 'offset').value)[0] ?? 0,
      );
    });
    if (view) show(view, '');
  };

  const applyOp = (): void => {
    const name = opSelect.value;
    const current = showingErrors(error, () =>
      asStrided(
        baseFor(parseInts(input(controls, 'size').value)[0]),
        parseInts(input(controls, 'shape').value),
        parseInts(input(controls, 'stride').value),
        parseInts(input(controls, 'offset').value)[0] ?? 0,
      ),
    );
    if (!current) return;
    const view = showingErrors(error, () => ops[name].run(current, opArgs.value));
    if (!view) return;
    input(controls, 'shape').value = view.shape.join(', ');
    input(controls, 'stride').value = view.stride().join(', ');
    input(controls, 'offset').value = String(view.offset);
    const zeroStrides = view.stride().filter((s) => s === 0).length;
    show(
      view,
      zeroStrides > 0
        ? `${name} made no new cells: ${zeroStrides} dimension(s) with stride 0 read the same storage again.`
        : `${name} made a new view of the same storage.`,
    );
  };

  const pickOp = (): void => {
    opArgs.value = ops[opSelect.value].args;
    opArgs.disabled = ops[opSelect.value].args === '';
    opCode.textContent = ops[opSelect.value].code;
  };
  controls.addEventListener('input', fromFields);
  controls.addEventListener('submit', (e) => e.preventDefault());
  opSelect.addEventListener('change', pickOp);
  apply.addEventListener('click', applyOp);
  pickOp();
  fromFields();
}
