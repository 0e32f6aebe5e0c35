import fc from 'fast-check';
import { arange, tensor, zeros } from './creation';
import { shapeArb, tensorArb, tensorOf } from './test/arbitraries';
import { numel, ravel, read, readByGet, unravel, type Ref } from './test/reference';
import type { IndexKey, Tensor } from './tensor';

/** A view must share its base's storage and read the same as its own contiguous copy. */
function checkView(view: Tensor, base: Tensor): void {
  expect(view.storage()).toBe(base.storage());
  const copy = view.contiguous();
  expect(copy.isContiguous()).toBe(true);
  expect(read(copy)).toEqual(read(view));
}

function naivePermute(a: Ref, dims: number[]): Ref {
  const shape = dims.map((d) => a.shape[d]);
  const values = Array.from({ length: numel(shape) }, (_, i) => {
    const idx = unravel(i, shape);
    const src = new Array<number>(dims.length);
    dims.forEach((d, j) => (src[d] = idx[j]));
    return a.values[ravel(src, a.shape)];
  });
  return { shape, values };
}

const permutationOf = (n: number) =>
  fc.shuffledSubarray(
    Array.from({ length: n }, (_, i) => i),
    { minLength: n, maxLength: n },
  );

describe('views share storage and agree with their contiguous copies', () => {
  test('permute and transpose reorder dims and strides, never data', () => {
    fc.assert(
      fc.property(
        tensorArb().chain((a) => fc.tuple(fc.constant(a), permutationOf(a.shape.length))),
        ([a, dims]) => {
          const p = a.t.permute(dims);
          checkView(p, a.t);
          expect(p.stride()).toEqual(dims.map((d) => a.t.stride(d)));
          expect(read(p)).toEqual(naivePermute(a, dims));
          if (a.shape.length >= 2) {
            const tr = a.t.transpose(0, -1);
            checkView(tr, a.t);
            const order = a.shape.map((_, i) => i);
            [order[0], order[order.length - 1]] = [order[order.length - 1], order[0]];
            expect(read(tr)).toEqual(naivePermute(a, order));
          }
        },
      ),
    );
  });

  test('view and reshape keep row-major order; reshape copies only when it must', () => {
    fc.assert(
      fc.property(tensorArb(), fc.integer({ min: 0, max: 3 }), (a, split) => {
        const flat = a.t.reshape(-1);
        expect(read(flat)).toEqual({ shape: [a.values.length], values: a.values });
        const n = a.values.length;
        const rows = [1, 2, 3, 4].filter((r) => n % r === 0)[split % 4] ?? 1;
        const r = a.t.reshape(rows, -1);
        expect(read(r).values).toEqual(a.values);
        if (a.t.isContiguous()) {
          checkView(a.t.view(rows, n / rows), a.t);
          expect(r.storage()).toBe(a.t.storage());
        }
      }),
    );
  });

  test('unsqueeze and squeeze add and remove size-1 dims with PyTorch strides', () => {
    fc.assert(
      fc.property(
        tensorArb().chain((a) =>
          fc.tuple(fc.constant(a), fc.integer({ min: -a.shape.length - 1, max: a.shape.length })),
        ),
        ([a, d]) => {
          const u = a.t.unsqueeze(d);
          checkView(u, a.t);
          const at = d < 0 ? d + a.shape.length + 1 : d;
          const shape = [...a.shape];
          shape.splice(at, 0, 1);
          expect(u.shape).toEqual(shape);
          expect(u.stride(at)).toBe(at < a.shape.length ? a.shape[at] * a.t.stride(at) : 1);
          expect(read(u).values).toEqual(a.values);
          expect(u.squeeze(d).shape).toEqual(a.shape);
          expect(u.squeeze().shape).toEqual(a.shape.filter((s) => s !== 1));
        },
      ),
    );
  });

  test('expand reads each source element many times through stride 0', () => {
    fc.assert(
      fc.property(
        shapeArb(3, 3).chain((shape) =>
          fc.tuple(
            tensorOf(shape.map((s, i) => (i % 2 === 0 ? 1 : s))),
            fc.constant(shape),
            fc.nat({ max: 2 }),
          ),
        ),
        ([a, shape, extra]) => {
          const target = [...new Array<number>(extra).fill(2), ...shape];
          const e = a.t.expand(target);
          checkView(e, a.t);
          expect(e.shape).toEqual(target);
          const broadcastDims = e.shape
            .map((s, d) => (d < extra || (a.shape[d - extra] === 1 && s !== 1) ? d : -1))
            .filter((d) => d >= 0);
          expect(broadcastDims.map((d) => e.stride(d))).toEqual(broadcastDims.map(() => 0));
          const values = Array.from({ length: numel(target) }, (_, i) => {
            const idx = unravel(i, target)
              .slice(extra)
              .map((x, d) => (a.shape[d] === 1 ? 0 : x));
            return a.values[ravel(idx, a.shape)];
          });
          expect(read(e).values).toEqual(values);
          if (a.shape.length > 0)
            expect(a.t.expand(2, ...a.shape.map(() => -1)).shape).toEqual([2, ...a.shape]);
        },
      ),
    );
  });

  test('the lesson: tensor([10,20,30]).expandAs(3x3) keeps a storage of 3 with stride [0, 1]', () => {
    const c = tensor([10, 20, 30]);
    const e = c.expandAs(zeros(3, 3));
    expect(e.storage().size).toBe(3);
    expect(e.storage()).toBe(c.storage());
    expect(e.stride()).toEqual([0, 1]);
    expect(e.toArray()).toEqual([
      [10, 20, 30],
      [10, 20, 30],
      [10, 20, 30],
    ]);
    expect(c.index(null, ':').shape).toEqual([1, 3]);
    expect(c.index(':', null).stride()).toEqual([1, 1]);
  });

  test('select and narrow pick the same elements as the naive index', () => {
    fc.assert(
      fc.property(
        tensorArb()
          .filter((a) => a.shape.length > 0 && a.shape.every((s) => s > 0))
          .chain((a) =>
            fc.tuple(
              fc.constant(a),
              fc.nat({ max: a.shape.length - 1 }),
              fc.nat({ max: 5 }),
              fc.nat({ max: 5 }),
            ),
          ),
        ([a, d, i0, len0]) => {
          const size = a.shape[d];
          const i = i0 % size;
          const sel = a.t.select(d, i);
          checkView(sel, a.t);
          const neg = a.t.select(d - a.shape.length, i - size);
          expect(read(neg)).toEqual(read(sel));
          const selected = read(sel).values.map((_, j) => {
            const idx = unravel(j, sel.shape);
            idx.splice(d, 0, i);
            return a.values[ravel(idx, a.shape)];
          });
          expect(read(sel).values).toEqual(selected);
          const len = len0 % (size - i + 1);
          const nar = a.t.narrow(d, i, len);
          checkView(nar, a.t);
          const narrowed = read(nar).values.map((_, j) => {
            const idx = unravel(j, nar.shape);
            idx[d] += i;
            return a.values[ravel(idx, a.shape)];
          });
          expect(read(nar).values).toEqual(narrowed);
        },
      ),
    );
  });

  test('index ranges follow Python slicing (clamped bounds, steps)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 7 }),
        fc.integer({ min: -9, max: 9 }),
        fc.integer({ min: -9, max: 9 }),
        fc.integer({ min: 1, max: 3 }),
        (n, start, end, step) => {
          const a = arange(n);
          const py: number[] = [];
          const clamp = (v: number) => Math.min(Math.max(v < 0 ? v + n : v, 0), n);
          for (let i = clamp(start); i < clamp(end); i += step) py.push(i);
          const v = a.index([start, end, step]);
          checkView(v, a);
          expect(v.toArray()).toEqual(py);
        },
      ),
    );
  });

  test('index mixes numbers, ":", null, "..." and ranges like PyTorch', () => {
    const a = arange(24).reshape(2, 3, 4);
    const keys: IndexKey[][] = [
      [1],
      [1, ':'],
      ['...', 2],
      [null, 0, '...', [1, 3]],
      [':', [0, 3, 2], -1],
    ];
    const expected = [
      { shape: [3, 4], first: 12 },
      { shape: [3, 4], first: 12 },
      { shape: [2, 3], first: 2 },
      { shape: [1, 3, 2], first: 1 },
      { shape: [2, 2], first: 3 },
    ];
    keys.forEach((k, i) => {
      const v = a.index(...k);
      checkView(v, a);
      expect(v.shape).toEqual(expected[i].shape);
      expect(read(v).values[0]).toBe(expected[i].first);
    });
    expect(a.index(1, ':').toArray()).toEqual(a.select(0, 1).toArray());
    expect(a.index(':', ':', 1).toArray()).toEqual([
      [1, 5, 9],
      [13, 17, 21],
    ]);
  });

  test('squeeze takes one dim, several dims or none; only size-1 dims go', () => {
    const a = zeros(1, 3, 1);
    expect(a.squeeze().shape).toEqual([3]);
    expect(a.squeeze(0).shape).toEqual([3, 1]);
    expect(a.squeeze(1).shape).toEqual([1, 3, 1]);
    expect(a.squeeze([0, -1]).shape).toEqual([3]);
    expect(a.squeeze().storage()).toBe(a.storage());
  });

  test('t() transposes matrices and leaves vectors alone', () => {
    const m = arange(6).view(2, 3);
    expect(m.t().shape).toEqual([3, 2]);
    expect(m.t().stride()).toEqual([1, 3]);
    expect(m.t().isContiguous()).toBe(false);
    expect(arange(3).t().shape).toEqual([3]);
    expect(m.T.toArray()).toEqual(m.t().toArray());
  });

  test('get and set reach single elements through any layout', () => {
    fc.assert(
      fc.property(tensorArb(), (a) => {
        expect(readByGet(a.t)).toEqual(a.values);
        expect(read(a.t).values).toEqual(a.values);
        if (a.values.length === 0) return;
        const idx = unravel(a.values.length - 1, a.shape);
        const copy = a.t.clone();
        copy.set(idx, 42);
        expect(copy.get(...idx)).toBe(42);
        expect(a.t.get(...idx)).toBe(a.values[a.values.length - 1]);
      }),
    );
  });
});

describe('view errors are worded like PyTorch', () => {
  test('shapes, dims and indices', () => {
    expect(() => arange(6).view(2, 4)).toThrow("shape '[2, 4]' is invalid for input of size 6");
    expect(() => arange(6).view(-1, -1)).toThrow('only one dimension can be inferred');
    expect(() => arange(6).view(2, 3).t().view(6)).toThrow(
      "view size is not compatible with input tensor's size and stride (at least one dimension spans across two contiguous subspaces). Use .reshape(...) instead.",
    );
    expect(() => tensor([1, 2, 3]).expand(2, 4)).toThrow(
      'The expanded size of the tensor (4) must match the existing size (3) at non-singleton dimension 1.  Target sizes: [2, 4].  Tensor sizes: [3]',
    );
    expect(() => zeros(2, 3).transpose(0, 2)).toThrow(
      'Dimension out of range (expected to be in range of [-2, 1], but got 2)',
    );
    expect(() => zeros(2, 3).unsqueeze(3)).toThrow(
      'Dimension out of range (expected to be in range of [-3, 2], but got 3)',
    );
    expect(() => zeros(3).index(5)).toThrow('index 5 is out of bounds for dimension 0 with size 3');
    expect(() => zeros(3).get(-4)).toThrow('index -4 is out of bounds for dimension 0 with size 3');
    expect(() => zeros(3).index(0, 0)).toThrow('too many indices for tensor of dimension 1');
    expect(() => zeros(3, 4).index(0, 9)).toThrow(
      'index 9 is out of bounds for dimension 1 with size 4',
    );
    expect(() => tensor(1).index(0)).toThrow('invalid index of a 0-dim tensor.');
    expect(() => zeros(3, 4).select(0, 3)).toThrow(
      'select(): index 3 out of range for tensor of size [3, 4] at dimension 0',
    );
    expect(() => zeros(5).narrow(0, 4, 2)).toThrow(
      'start (4) + length (2) exceeds dimension size (5).',
    );
    expect(() => zeros(2, 3).permute(0)).toThrow(
      'number of dimensions in the tensor input does not match the length of the desired ordering of dimensions i.e. input.dim() = 2 is not equal to len(dims) = 1',
    );
    expect(() => zeros(2, 3, 4).t()).toThrow(
      't() expects a tensor with <= 2 dimensions, but self is 3D',
    );
    expect(() => zeros(2).item()).toThrow('a Tensor with 2 elements cannot be converted to Scalar');
  });

  test('0-d tensors and empty tensors', () => {
    const s = tensor(5);
    expect(s.dim()).toBe(0);
    expect(s.item()).toBe(5);
    expect(s.unsqueeze(0).shape).toEqual([1]);
    expect(s.reshape(1, 1).shape).toEqual([1, 1]);
    expect(s.expand(2, 2).toArray()).toEqual([
      [5, 5],
      [5, 5],
    ]);
    const e = zeros(0, 3);
    expect(e.t().shape).toEqual([3, 0]);
    expect(e.reshape(3, 0, 2).shape).toEqual([3, 0, 2]);
    expect(e.sum(0).toArray()).toEqual([0, 0, 0]);
    expect(e.index([1, 5]).shape).toEqual([0, 3]);
  });
});
