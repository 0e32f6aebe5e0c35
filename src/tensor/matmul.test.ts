import fc from 'fast-check';
import { arange, ones, randn, tensor, zeros } from './creation';
import { einsum } from './einsum';
import { cat, matmul, stack } from './functional';
import { manualSeed } from './random';
import { Tensor } from './tensor';
import { shapeArb, tensorOf, type Built } from './test/arbitraries';
import { naiveMatmul, numel, ravel, read, unravel } from './test/reference';

const dimArb = fc.integer({ min: 0, max: 6 });

/** (m x k) and (k x n) operands with random layouts (transposed storage, gaps, offsets). */
const pairArb = fc
  .tuple(dimArb, dimArb, dimArb)
  .chain(([m, k, n]) =>
    fc.tuple(tensorOf([m, k]), tensorOf([k, n]), fc.constant([m, k, n] as const)),
  );

describe('matmul agrees with the triple loop', () => {
  test('the lesson: [[1,2,1],[0,1,0],[2,3,4]] @ [[2,5],[6,7],[1,8]]', () => {
    const a = tensor([
      [1, 2, 1],
      [0, 1, 0],
      [2, 3, 4],
    ]);
    const b = tensor([
      [2, 5],
      [6, 7],
      [1, 8],
    ]);
    const expected = [
      [15, 27],
      [6, 7],
      [26, 63],
    ];
    expect(a.matmul(b).toArray()).toEqual(expected);
    expect(a.float().matmul(b.float()).toArray()).toEqual(expected);
    expect(a.double().mm(b.double()).toArray()).toEqual(expected);
  });

  test('on random shapes including 0 and 1 sized dims, any layout', () => {
    fc.assert(
      fc.property(pairArb, ([a, b, [m, k, n]]) => {
        const out = a.t.matmul(b.t);
        expect(out.shape).toEqual([m, n]);
        expect(read(out).values).toEqual(naiveMatmul(a.values, b.values, m, k, n));
      }),
    );
  });

  test('on transposed and expanded operands', () => {
    fc.assert(
      fc.property(pairArb, ([a, b, [m, k, n]]) => {
        const bt = b.t.t().contiguous().t(); // b with column-major storage
        expect(read(a.t.matmul(bt)).values).toEqual(naiveMatmul(a.values, b.values, m, k, n));
        if (m >= 1) {
          const expanded = a.t.index([0, 1]).expand(3, -1); // one row of a, three times
          expect(expanded.stride(0)).toBe(0);
          const rowValues = a.values.slice(0, k);
          const expected = naiveMatmul(
            [...rowValues, ...rowValues, ...rowValues],
            b.values,
            3,
            k,
            n,
          );
          expect(read(expanded.matmul(b.t)).values).toEqual(expected);
        }
      }),
    );
  });

  test('batched with broadcast batch dims and 1-D operands, as torch.matmul', () => {
    fc.assert(
      fc.property(
        fc
          .tuple(
            shapeArb(2, 2, 1),
            shapeArb(2, 2, 1),
            dimArb,
            dimArb,
            dimArb,
            fc.boolean(),
            fc.boolean(),
          )
          .chain(([ba, bb, m, k, n, vecA, vecB]) =>
            fc.tuple(
              tensorOf(vecA ? [k] : [...ba, m, k]),
              tensorOf(vecB ? [k] : [...bb.map((s, i) => (i === 0 ? 1 : s)), k, n]),
            ),
          ),
        ([a, b]) => {
          const out = a.t.matmul(b.t);
          expect(read(out)).toEqual(naiveBatched(a, b));
        },
      ),
    );
  });

  test('matmul never mutates its inputs', () => {
    fc.assert(
      fc.property(pairArb, ([a, b]) => {
        const before = [a.t.storage().data.slice(), b.t.storage().data.slice()];
        matmul(a.t, b.t);
        expect([a.t.storage().data, b.t.storage().data]).toEqual(before);
      }),
    );
  });

  test('int32 products and float64 products', () => {
    expect(
      tensor([[1, 2]])
        .matmul(tensor([[3], [4]]))
        .toArray(),
    ).toEqual([[11]]);
    expect(
      tensor([0.1, 0.2], { dtype: 'float64' })
        .matmul(tensor([0.3, 0.4], { dtype: 'float64' }))
        .item(),
    ).toBe(0.1 * 0.3 + 0.2 * 0.4);
    expect(arange(3).matmul(arange(3)).dim()).toBe(0);
  });

  test("errors name the sizes, in PyTorch's words", () => {
    expect(() => zeros(2, 3).matmul(zeros(4, 5))).toThrow(
      'mat1 and mat2 shapes cannot be multiplied (2x3 and 4x5)',
    );
    expect(() => zeros(3).matmul(zeros(4))).toThrow(
      'inconsistent tensor size, expected tensor [3] and src [4] to have the same number of elements, but got 3 and 4 elements respectively',
    );
    expect(() => zeros(2, 3).matmul(zeros(4))).toThrow(
      'size mismatch, got input (2), mat (2x3), vec (4)',
    );
    expect(() => zeros(2, 2, 3).matmul(zeros(3, 3, 4))).toThrow(
      'The size of tensor a (2) must match the size of tensor b (3) at non-singleton dimension 0',
    );
    expect(() => zeros(2, 3).matmul(zeros([3, 2], { dtype: 'float64' }))).toThrow(
      'expected m1 and m2 to have the same dtype, but got: float != double',
    );
    expect(() => tensor(1.5).matmul(zeros(2))).toThrow(
      'both arguments to matmul need to be at least 1D, but they are 0D and 1D',
    );
  });
});

function naiveBatched(a: Built, b: Built): { shape: number[]; values: number[] } {
  const aShape = a.shape.length === 1 ? [1, a.shape[0]] : a.shape;
  const bShape = b.shape.length === 1 ? [b.shape[0], 1] : b.shape;
  const [m, k] = aShape.slice(-2);
  const n = bShape[bShape.length - 1];
  const ba = aShape.slice(0, -2);
  const bb = bShape.slice(0, -2);
  const len = Math.max(ba.length, bb.length);
  const batch = Array.from({ length: len }, (_, i) => {
    const x = ba[ba.length - len + i] ?? 1;
    const y = bb[bb.length - len + i] ?? 1;
    return x === 1 ? y : x;
  });
  const values: number[] = [];
  for (let p = 0; p < numel(batch); p++) {
    const idx = unravel(p, batch);
    const pick = (own: number[], values: number[], rows: number, cols: number) => {
      const j = idx.slice(len - own.length).map((x, d) => (own[d] === 1 ? 0 : x));
      const start = (own.length ? ravel(j, own) : 0) * rows * cols;
      return values.slice(start, start + rows * cols);
    };
    values.push(...naiveMatmul(pick(ba, a.values, m, k), pick(bb, b.values, k, n), m, k, n));
  }
  const shape = [
    ...batch,
    ...(a.shape.length === 1 ? [] : [m]),
    ...(b.shape.length === 1 ? [] : [n]),
  ];
  return { shape, values };
}

describe('mm backward', () => {
  test("a transposed operand gets its gradient in its own layout, which the leaf keeps without a copy (PyTorch's mm_mat2_backward)", () => {
    fc.assert(
      fc.property(dimArb, dimArb, dimArb, fc.nat(), (m, k, n, seed) => {
        manualSeed(seed);
        // Linear's x @ w.t() with w stored [n, k], and a first operand stored column by column.
        const w = randn(n, k).requiresGrad_();
        const xT = randn(k, m).requiresGrad_();
        const g = randn(m, n);
        const contiguous = jest.spyOn(Tensor.prototype, 'contiguous');
        try {
          xT.t().mm(w.t()).backward(g);
          expect(contiguous).not.toHaveBeenCalled();
        } finally {
          contiguous.mockRestore();
        }
        // The same products in the same order as computing the dense gradient directly (mm itself
        // is checked against the triple loop above).
        expect(read(w.grad as Tensor)).toEqual(read(g.t().mm(xT.t())));
        expect(read(xT.grad as Tensor)).toEqual(read(w.t().mm(g.t())));
        expect((w.grad as Tensor).isContiguous() && (xT.grad as Tensor).isContiguous()).toBe(true);
      }),
    );
  });
});

describe('einsum', () => {
  test('ik,kj->ij is the matrix product, and implicit output works', () => {
    fc.assert(
      fc.property(pairArb, ([a, b, [m, k, n]]) => {
        const expected = naiveMatmul(a.values, b.values, m, k, n);
        expect(read(einsum('ik,kj->ij', a.t, b.t)).values).toEqual(expected);
        expect(read(einsum('ik,kj', a.t, b.t)).values).toEqual(expected);
        const transposed = einsum('ik,kj->ji', a.t, b.t);
        expect(read(transposed.t()).values).toEqual(expected);
      }),
    );
  });

  test('batch letters, sums over letters of one operand, diagonals, outer products', () => {
    const a = arange(24).float().view(2, 3, 4);
    const b = arange(40).float().view(2, 4, 5);
    expect(read(einsum('bik,bkj->bij', a, b))).toEqual(read(a.matmul(b)));
    expect(einsum('bik,bkj->', a, b).item()).toBe(a.matmul(b).sum().item());
    expect(einsum('ijk,x->i', a, ones(2)).toArray()).toEqual(a.sum([1, 2]).mul(2).toArray());
    const sq = arange(9).float().view(3, 3);
    expect(einsum('ii->i', sq).toArray()).toEqual([0, 4, 8]);
    expect(einsum('ii', sq).item()).toBe(12);
    expect(einsum('i,j->ij', arange(2).float(), arange(3).float()).toArray()).toEqual([
      [0, 0, 0],
      [0, 1, 2],
    ]);
    expect(einsum('i,i->', arange(3).float(), arange(3).float()).item()).toBe(5);
    expect(einsum('ij->ji', sq).toArray()).toEqual(sq.t().toArray());
    expect(read(einsum('...ik,...kj->...ij', a, b))).toEqual(read(a.matmul(b)));
    expect(read(einsum('...ik,kj', a, b.index(0)))).toEqual(read(a.matmul(b.index(0))));
    expect(einsum('b...->...', a).shape).toEqual([3, 4]);
  });

  test('errors', () => {
    expect(() => einsum('ij,jk->ik', zeros(2, 3), zeros(4, 5))).toThrow(
      'einsum(): operands do not broadcast',
    );
    expect(() => einsum('ijk,jk->ik', zeros(2, 3), zeros(3, 5))).toThrow(
      'einsum(): the number of subscripts in the equation (3) does not match the number of dimensions (2) for operand 0 and no ellipsis was given',
    );
    expect(() => einsum('ij,jk->iz', zeros(2, 3), zeros(3, 5))).toThrow(
      'einsum(): output subscript z does not appear in the equation for any input operand',
    );
  });
});

describe('cat and stack', () => {
  test('cat joins along a dim, stack along a new one', () => {
    const a = arange(6).view(2, 3);
    const b = arange(6, 12).view(2, 3);
    expect(cat([a, b]).toArray()).toEqual([
      [0, 1, 2],
      [3, 4, 5],
      [6, 7, 8],
      [9, 10, 11],
    ]);
    expect(cat([a, b], -1).shape).toEqual([2, 6]);
    expect(cat([a.t(), b.t()], 1).toArray()).toEqual(cat([a, b], 0).t().toArray());
    expect(stack([a, b]).shape).toEqual([2, 2, 3]);
    expect(stack([a, b], 2).index(1, 2).toArray()).toEqual([5, 11]);
    expect(cat([a, zeros(0)]).toArray()).toEqual(a.toArray());
    expect(cat([a, b.float()]).dtype).toBe('float32');
  });

  test('errors', () => {
    expect(() => cat([zeros(2, 3), zeros(2, 4)])).toThrow(
      'Sizes of tensors must match except in dimension 0. Expected size 3 but got size 4 for tensor number 1 in the list.',
    );
    expect(() => stack([zeros(2, 3), zeros(2, 4)])).toThrow(
      'stack expects each tensor to be equal size, but got [2, 3] at entry 0 and [2, 4] at entry 1',
    );
    expect(() => cat([])).toThrow('torch.cat(): expected a non-empty list of Tensors');
  });
});
