/**
 * Every differentiable op's backward closure agrees with finite differences (gradcheck), on random
 * float64 tensors of random shapes, in contiguous and non-contiguous layouts, and on pairs of shapes
 * that broadcast (so each closure must sum its gradient back to its input's shape).
 */
import fc from 'fast-check';
import { gradcheck } from './gradcheck';
import { arange, cat, einsum, stack, type Tensor } from '../tensor';
import {
  broadcastShapesArb,
  shapeArb,
  tensorArb,
  type LayoutKind,
  type Shape,
  type ValueKind,
} from '../testing';

// gradcheck costs two forward passes per input element and one backward pass per output element,
// so shapes stay small (at most 3 x 3 x 3) and each op gets a modest number of runs.
const RUNS = 10;
const SIZE = { maxDims: 3, maxSize: 3 };
// Stride-0 (expanded) inputs are excluded: finite differences cannot nudge one element of them.
const LAYOUTS: LayoutKind[] = ['contiguous', 'permuted', 'narrowed', 'stepped'];

const anyValue: ValueKind = fc.double({ min: -3, max: 3, noNaN: true });
const positive: ValueKind = fc.double({ min: 0.5, max: 3, noNaN: true });
// Away from the kinks of abs, relu and clampMin: finite differences across a kink disagree.
const awayFromKinks: ValueKind = fc
  .tuple(fc.boolean(), fc.double({ min: 0.4, max: 3, noNaN: true }))
  .map(([negative, v]) => (negative ? -v : v));

/** A float64 leaf that requires grad, of the given shape (or a random small one). */
function input(values: ValueKind = anyValue, shape?: Shape | fc.Arbitrary<Shape>) {
  return tensorArb({ ...SIZE, shape, values, dtype: 'float64', layout: LAYOUTS }).map((t) =>
    t.requiresGrad_(),
  );
}

function nonScalar(): fc.Arbitrary<Shape> {
  return shapeArb({ ...SIZE, minDims: 1 });
}

function holds<T>(arb: fc.Arbitrary<T>, check: (value: T) => boolean, numRuns = RUNS): void {
  fc.assert(fc.property(arb, check), { numRuns });
}

/**
 * Adds 0.001 * (row-major position) to small-integer values: every element differs from every other
 * by at least 0.001, far more than gradcheck's step, so max/min never sit on a tie.
 */
function distinct(x: Tensor): Tensor {
  const ramp = arange(x.numel(), { dtype: 'float64' })
    .mul(0.001)
    .reshape([...x.shape]);
  return x.add(ramp);
}
const smallInts: ValueKind = fc.integer({ min: -4, max: 4 });

describe('elementwise ops', () => {
  const cases: [string, (x: Tensor) => Tensor, ValueKind][] = [
    ['neg', (x) => x.neg(), anyValue],
    ['exp', (x) => x.exp(), anyValue],
    ['log', (x) => x.log(), positive],
    ['sqrt', (x) => x.sqrt(), positive],
    ['abs', (x) => x.abs(), awayFromKinks],
    ['relu', (x) => x.relu(), awayFromKinks],
    ['clampMin with a number', (x) => x.clampMin(0.1).add(x.clampMin(-0.2)), awayFromKinks],
    [
      'pow with a number exponent',
      (x) => x.pow(3).add(x.abs().pow(2.5)).add(x.pow(-1)),
      awayFromKinks,
    ],
    ['number operands', (x) => x.add(2).sub(1).mul(3).div(4).add(x.mul(x)), anyValue],
    ['a tensor used twice', (x) => x.mul(x).add(x), anyValue],
  ];
  for (const [name, fn, values] of cases) {
    test(`${name}: autograd agrees with finite differences`, () => {
      holds(input(values), (x) => gradcheck(fn, [x]));
    });
  }
});

describe('broadcasting binary ops sum the gradient back to each input shape', () => {
  const cases: [string, (a: Tensor, b: Tensor) => Tensor, ValueKind, ValueKind][] = [
    ['add', (a, b) => a.add(b), anyValue, anyValue],
    ['sub', (a, b) => a.sub(b), anyValue, anyValue],
    ['mul', (a, b) => a.mul(b), anyValue, anyValue],
    ['div', (a, b) => a.div(b), anyValue, awayFromKinks],
    ['pow with a tensor exponent', (a, b) => a.pow(b), positive, anyValue],
    ['clampMin with a tensor bound', (a, b) => a.clampMin(b), smallInts, fc.constant(0.5)],
  ];
  for (const [name, fn, aValues, bValues] of cases) {
    test(`${name}: autograd agrees with finite differences on broadcast shapes`, () => {
      const pair = broadcastShapesArb(SIZE).chain(({ a, b }) =>
        fc.tuple(input(aValues, a), input(bValues, b)),
      );
      holds(pair, ([a, b]) => gradcheck(fn, [a, b]));
    });
  }
});

describe('reductions', () => {
  // A dim of the input and a keepdim flag; the dim is taken modulo the rank.
  const withDim = fc.tuple(input(anyValue, nonScalar()), fc.nat(), fc.boolean());

  test('sum and mean of everything', () => {
    holds(input(), (x) => gradcheck((t) => t.sum().add(t.mean().mul(3)), [x]));
  });
  test('sum and mean over one dim, with and without keepdim', () => {
    holds(withDim, ([x, d, keep]) => {
      const dim = d % x.dim();
      return gradcheck((t) => t.sum(dim, keep).add(t.mean(dim, keep)), [x]);
    });
  });
  test('sum over several dims (negative ones too)', () => {
    holds(input(anyValue, shapeArb({ ...SIZE, minDims: 2 })), (x) =>
      gradcheck((t) => t.sum([0, -1], true), [x]),
    );
  });
  test('max and min of everything route the gradient to the extreme element', () => {
    holds(input(smallInts), (x) =>
      gradcheck((t) => distinct(t).max().add(distinct(t).min().mul(2)), [x]),
    );
  });
  test('max and min over one dim', () => {
    const arb = fc.tuple(input(smallInts, nonScalar()), fc.nat(), fc.boolean());
    holds(arb, ([x, d, keep]) => {
      const dim = d % x.dim();
      return gradcheck((t) => distinct(t).max(dim, keep).add(distinct(t).min(dim, keep)), [x]);
    });
  });
  // The unbiased estimators divide by n - 1, so every reduced dim has at least two elements; and
  // std has no derivative where all elements are equal (0 / 0, NaN in PyTorch too), hence distinct.
  const spreadInput = input(
    smallInts,
    shapeArb({ minDims: 1, maxDims: 2, minSize: 2, maxSize: 3 }),
  );
  test('std and var of everything', () => {
    holds(spreadInput, (x) => gradcheck((t) => distinct(t).std().add(t.var()), [x]));
  });
  test('std and var over one dim', () => {
    holds(fc.tuple(spreadInput, fc.nat(), fc.boolean()), ([x, d, keep]) => {
      const dim = d % x.dim();
      return gradcheck((t) => distinct(t).std(dim, keep).add(t.var(dim, keep)), [x]);
    });
  });
});

describe('views send the gradient back to the elements they show', () => {
  const matrix = input(anyValue, shapeArb({ minDims: 2, maxDims: 2, maxSize: 3 }));
  const cube = input(anyValue, fc.constant([2, 3, 2]));
  const cases: [string, fc.Arbitrary<Tensor>, (x: Tensor) => Tensor][] = [
    [
      't',
      matrix,
      (x) => x.t().mul(arange(x.numel(), { dtype: 'float64' }).reshape(x.shape[1], x.shape[0])),
    ],
    ['transpose', cube, (x) => x.transpose(0, 2).exp()],
    ['permute', cube, (x) => x.permute(2, 0, 1).mul(x.permute(2, 0, 1))],
    ['view and reshape', cube, (x) => x.contiguous().view(3, 4).exp().reshape([12]).mul(2)],
    ['unsqueeze and squeeze', cube, (x) => x.unsqueeze(1).exp().squeeze(1).unsqueeze(-1).squeeze()],
    ['expand', cube, (x) => x.index(':', ':', [0, 1]).expand(4, 2, 3, 2).exp()],
    ['expandAs', cube, (x) => x.sum(0, true).expandAs(x).mul(x)],
    ['select', cube, (x) => x.select(1, 2).exp().add(x.select(-1, 0).sum())],
    ['narrow', cube, (x) => x.narrow(1, 1, 2).exp()],
    [
      'index with numbers, ranges, null and ellipsis',
      cube,
      (x) => x.index(1, null, [0, 3, 2], '...').exp(),
    ],
    ['index a single element', cube, (x) => x.index(0, 2, 1).mul(x.index(1, 0, 0))],
    ['contiguous and clone', cube, (x) => x.transpose(0, 1).contiguous().clone().exp()],
    ['T and flatten', cube, (x) => x.T.flatten().exp()],
    ['squeeze of several dims', input(anyValue, [1, 3, 1, 2]), (x) => x.squeeze([0, 2]).exp()],
  ];
  for (const [name, arb, fn] of cases) {
    test(`${name}: autograd agrees with finite differences`, () => {
      holds(arb, (x) => gradcheck(fn, [x]));
    });
  }
});

describe('matmul', () => {
  const dims = fc.integer({ min: 1, max: 3 });
  test('matrix @ matrix', () => {
    const arb = fc
      .tuple(dims, dims, dims)
      .chain(([m, k, n]) => fc.tuple(input(anyValue, [m, k]), input(anyValue, [k, n])));
    holds(arb, ([a, b]) => gradcheck((x, y) => x.matmul(y), [a, b]));
  });
  test('batched with a broadcast batch dim', () => {
    const arb = fc
      .tuple(dims, dims, dims)
      .chain(([m, k, n]) => fc.tuple(input(anyValue, [2, m, k]), input(anyValue, [k, n])));
    holds(arb, ([a, b]) =>
      gradcheck((x, y) => [x.matmul(y), y.t().matmul(x.transpose(1, 2))], [a, b]),
    );
  });
  test('vector @ matrix and matrix @ vector', () => {
    const arb = fc
      .tuple(dims, dims)
      .chain(([m, k]) =>
        fc.tuple(input(anyValue, [m, k]), input(anyValue, [k]), input(anyValue, [m])),
      );
    holds(arb, ([a, v, u]) => gradcheck((x, p, q) => [x.matmul(p), q.matmul(x)], [a, v, u]));
  });
  test('mm and bmm', () => {
    const arb = fc
      .tuple(dims, dims, dims)
      .chain(([m, k, n]) => fc.tuple(input(anyValue, [2, m, k]), input(anyValue, [2, k, n])));
    holds(arb, ([a, b]) =>
      gradcheck((x, y) => [x.bmm(y), x.select(0, 1).mm(y.select(0, 0))], [a, b]),
    );
  });
  test('einsum: a product, a batched product, a diagonal and a full sum', () => {
    const arb = fc
      .tuple(dims, dims, dims)
      .chain(([m, k, n]) =>
        fc.tuple(input(anyValue, [2, m, k]), input(anyValue, [2, k, n]), input(anyValue, [k, k])),
      );
    holds(
      arb,
      ([a, b, c]) =>
        gradcheck(
          (x, y, z) => [
            einsum('ik,kj->ij', x.select(0, 0), y.select(0, 1)),
            einsum('bik,bkj->bij', x, y),
            einsum('ii->i', z),
            einsum('ij->', z),
          ],
          [a, b, c],
        ),
      5, // four einsums per case: fewer cases
    );
  });
  test('vector @ vector', () => {
    const arb = dims.chain((k) => fc.tuple(input(anyValue, [k]), input(anyValue, [k])));
    holds(arb, ([a, b]) => gradcheck((x, y) => x.matmul(y), [a, b]));
  });
});

describe('joining', () => {
  const parts = fc.tuple(dims3(), fc.nat()).chain(([sizes, d]) => {
    const dim = d % 2;
    const shapeWith = (n: number): Shape => (dim === 0 ? [n, 2] : [2, n]);
    return fc.tuple(fc.constant(dim), ...sizes.map((n) => input(anyValue, shapeWith(n))));
  });
  test('cat splits the gradient between its inputs', () => {
    holds(parts, ([dim, ...xs]) => gradcheck((...ts) => cat(ts, dim).exp(), xs));
  });
  test('stack', () => {
    const same = fc.tuple(
      input(anyValue, [2, 3]),
      input(anyValue, [2, 3]),
      fc.integer({ min: -3, max: 2 }),
    );
    holds(same, ([a, b, dim]) => gradcheck((x, y) => stack([x, y], dim).exp(), [a, b]));
  });
});

function dims3(): fc.Arbitrary<number[]> {
  return fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 3 });
}
