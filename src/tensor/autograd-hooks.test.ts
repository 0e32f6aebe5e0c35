import fc from 'fast-check';
import { noGrad } from '../autograd/graph';
import { arange, ones, tensor, zeros } from './creation';
import { einsum } from './einsum';
import { cat, stack } from './functional';
import { sumToShape } from './ops/grad-shape';
import { broadcastPairArb, tensorOf } from './test/arbitraries';
import { naiveReduce, read } from './test/reference';
import type { Tensor } from './tensor';

const leaf = (t: Tensor) => t.double().detach().requiresGrad_();

describe('ops record their backward on the tape', () => {
  test("grad_fn names are PyTorch's", () => {
    const x = leaf(ones(2, 2));
    const names: [Tensor, string][] = [
      [x.add(1), 'AddBackward0'],
      [x.sub(x), 'SubBackward0'],
      [x.mul(2), 'MulBackward0'],
      [x.div(2), 'DivBackward0'],
      [x.pow(2), 'PowBackward0'],
      [x.pow(x), 'PowBackward1'],
      [x.neg(), 'NegBackward0'],
      [x.exp(), 'ExpBackward0'],
      [x.log(), 'LogBackward0'],
      [x.sqrt(), 'SqrtBackward0'],
      [x.abs(), 'AbsBackward0'],
      [x.relu(), 'ReluBackward0'],
      [x.clampMin(0), 'ClampMinBackward0'],
      [x.sum(), 'SumBackward0'],
      [x.sum(0), 'SumBackward1'],
      [x.mean(), 'MeanBackward0'],
      [x.max(), 'MaxBackward1'],
      [x.max(0), 'MaxBackward0'],
      [x.std(), 'StdBackward0'],
      [x.var(), 'VarBackward0'],
      [x.mm(x), 'MmBackward0'],
      [x.view(4), 'ViewBackward0'],
      [x.t(), 'TBackward0'],
      [x.transpose(0, 1), 'TransposeBackward0'],
      [x.permute(1, 0), 'PermuteBackward0'],
      [x.unsqueeze(0), 'UnsqueezeBackward0'],
      [x.unsqueeze(0).squeeze(0), 'SqueezeBackward1'],
      [x.expand(3, 2, 2), 'ExpandBackward0'],
      [x.select(0, 1), 'SelectBackward0'],
      [x.narrow(0, 0, 1), 'SliceBackward0'],
      [x.clone(), 'CloneBackward0'],
      [x.float(), 'ToCopyBackward0'],
      [cat([x, x]), 'CatBackward0'],
    ];
    for (const [t, name] of names) {
      expect(t.gradFn?.name).toBe(name);
      expect(t.requiresGrad).toBe(true);
      expect(t.isLeaf).toBe(false);
    }
  });

  test('nothing is recorded without requiresGrad, under noGrad, or for bool and int results', () => {
    const x = leaf(ones(2));
    expect(ones(2).add(1).gradFn).toBeNull();
    expect(noGrad(() => x.add(1)).requiresGrad).toBe(false);
    expect(x.gt(0).requiresGrad).toBe(false);
    expect(x.argmax().requiresGrad).toBe(false);
    expect(x.int().requiresGrad).toBe(false);
    expect(x.detach().requiresGrad).toBe(false);
    expect(x.detach().storage()).toBe(x.storage());
  });

  test('the .g slot is never touched by the engine', () => {
    const x = leaf(ones(2));
    const marker = zeros(1);
    x.g = marker;
    x.mul(x).sum().backward();
    expect(x.g).toBe(marker);
  });
});

describe('gradients of broadcasting ops sum back to each input shape', () => {
  test('sumToShape agrees with the naive sum over broadcast dims', () => {
    fc.assert(
      fc.property(
        broadcastPairArb().chain(([sa, sb]) => fc.tuple(tensorOf(sa), fc.constant(sb))),
        ([a, target]) => {
          // Sum a (shape sa) down to the dims a target shape would have broadcast into.
          const out = a.shape;
          if (target.length > out.length) return;
          const lead = out.length - target.length;
          const ok = target.every((s, i) => s === 1 || s === out[i + lead]);
          if (!ok) return;
          const dims = out.map((_, d) => d).filter((d) => d < lead || target[d - lead] === 1);
          const expected =
            dims.length === 0
              ? a.values
              : naiveReduce(a, dims, true, (b) => b.reduce((s, x) => s + x, 0)).values;
          const got = sumToShape(a.t, target);
          expect(got.shape).toEqual(target);
          expect(read(got).values).toEqual(expected);
        },
      ),
    );
  });

  test('add, mul and div of broadcast operands', () => {
    const a = leaf(arange(3).view(3, 1));
    const b = leaf(arange(4).add(1));
    a.mul(b).add(a.div(b)).sum().backward();
    // d/da = sum_j (b_j + 1/b_j); d/db_j = sum_i (a_i - a_i / b_j^2)
    const sb = [1, 2, 3, 4].reduce((s, v) => s + v + 1 / v, 0);
    expect(a.grad?.shape).toEqual([3, 1]);
    read(a.grad!).values.forEach((v) => expect(v).toBeCloseTo(sb, 12));
    expect(b.grad?.shape).toEqual([4]);
    read(b.grad!).values.forEach((v, j) => expect(v).toBeCloseTo(3 - 3 / (j + 1) ** 2, 12));
  });

  test('matmul: dA = G @ B^T and dB = A^T @ G, also batched and for vectors', () => {
    const a = leaf(arange(6).view(2, 3));
    const b = leaf(arange(12).view(3, 4));
    a.matmul(b).sum().backward();
    expect(a.grad?.toArray()).toEqual(ones(2, 4).double().matmul(b.detach().t()).toArray());
    expect(b.grad?.toArray()).toEqual(a.detach().t().matmul(ones(2, 4).double()).toArray());
    const v = leaf(arange(3));
    const batch = leaf(arange(24).view(2, 3, 4));
    v.matmul(batch).sum().backward();
    expect(v.grad?.toArray()).toEqual(batch.detach().sum([0, 2]).toArray());
    expect(batch.grad?.shape).toEqual([2, 3, 4]);
  });

  test('views route gradients back to the elements they read', () => {
    const x = leaf(arange(6).view(2, 3));
    x.index(1, [0, 3, 2]).sum().backward();
    expect(x.grad?.toArray()).toEqual([
      [0, 0, 0],
      [1, 0, 1],
    ]);
    const y = leaf(arange(3));
    y.expand(4, 3).sum().backward();
    expect(y.grad?.toArray()).toEqual([4, 4, 4]);
    const z = leaf(arange(4));
    stack([z, z.mul(2)])
      .sum()
      .backward();
    expect(z.grad?.toArray()).toEqual([3, 3, 3, 3]);
    const w = leaf(arange(4).view(2, 2));
    einsum('ij,jk->ik', w, w).sum().backward();
    expect(w.grad?.toArray()).toEqual(
      ones(2, 2)
        .double()
        .matmul(w.detach().t())
        .add(w.detach().t().matmul(ones(2, 2).double()))
        .toArray(),
    );
  });

  test('max over everything shares the gradient among ties; along a dim it goes to the argmax', () => {
    const x = leaf(tensor([1, 3, 3]));
    x.max().backward();
    expect(x.grad?.toArray()).toEqual([0, 0.5, 0.5]);
    const y = leaf(
      tensor([
        [1, 5],
        [7, 2],
      ]),
    );
    y.max(1).sum().backward();
    expect(y.grad?.toArray()).toEqual([
      [0, 1],
      [1, 0],
    ]);
  });

  test('x^0 has gradient 0 everywhere, also at x = 0', () => {
    const x = leaf(tensor([0, 2]));
    x.pow(0).sum().backward();
    expect(x.grad?.toArray()).toEqual([0, 0]);
    const y = leaf(tensor([0, 3]));
    y.pow(2).sum().backward();
    expect(y.grad?.toArray()).toEqual([0, 6]);
  });

  test('in-place ops refuse tensors that require grad', () => {
    const x = leaf(ones(2));
    expect(() => x.mul(2).add_(1)).toThrow(
      'in-place operations on a tensor that requires grad are not supported here',
    );
    expect(noGrad(() => x.add_(1)).toArray()).toEqual([2, 2]);
  });
});
