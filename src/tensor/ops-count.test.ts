import { grad } from '../autograd/grad';
import { asStrided, fromStorage, ones, tensor, zeros } from './creation';
import { broadcastShapes, contiguousStrides } from './shape-functions';
import { einsum } from './einsum';
import { stack } from './functional';
import { countOps } from './ops-count';

describe('countOps', () => {
  test('counts each facade-level op by name and returns the result', () => {
    const a = ones(2, 3);
    const b = ones(3, 4);
    const { counts, result } = countOps(() => a.matmul(b).add(1).mul(a.sum()));
    expect(counts).toEqual({ matmul: 1, add: 1, mul: 1, sum: 1 });
    expect(result.shape).toEqual([2, 4]);
  });

  test('ops built from other ops count once, under their own name', () => {
    const a = ones(2, 3);
    const b = ones(3, 4);
    expect(countOps(() => einsum('ik,kj->ij', a, b)).counts).toEqual({ einsum: 1 });
    expect(countOps(() => stack([a, a])).counts).toEqual({ stack: 1 });
    expect(countOps(() => a.mm(b)).counts).toEqual({ matmul: 1 });
    expect(countOps(() => tensor([1, 2]).float().div(2)).counts).toEqual({
      tensor: 1,
      to: 1,
      div: 1,
    });
  });

  test('views, element access and broadcasting each count', () => {
    const a = ones(3, 4);
    const b = ones(4, 5);
    const { counts } = countOps(() => {
      for (let i = 0; i < 3; i++) a.index(i).unsqueeze(-1).mul(b.expandAs(b)).sum(0);
      a.get(0, 0);
      zeros(2).set([0], 1);
    });
    expect(counts).toEqual({
      index: 3,
      unsqueeze: 3,
      expand: 3,
      mul: 3,
      sum: 3,
      get: 1,
      zeros: 1,
      set: 1,
    });
  });

  test('a backward pass counts once as backward; its own arithmetic and printing are not counted', () => {
    const w = ones(2, 2).requiresGrad_();
    const { counts } = countOps(() => {
      const loss = w.matmul(w).sum();
      loss.backward();
      void String(loss);
    });
    expect(counts).toEqual({ matmul: 1, sum: 1, backward: 1 });
  });

  test('the ways around a hand-written technique count too: autograd, item, fromStorage, layout helpers', () => {
    const x = ones(2, 2);
    const { counts } = countOps(() => {
      const leaf = x.detach().requiresGrad_();
      grad(leaf.mul(leaf).sum(), leaf);
      leaf.sum().item();
      fromStorage(x.storage(), [4]);
      broadcastShapes([2, 1], [3]);
      contiguousStrides([2, 3]);
    });
    expect(counts).toEqual({
      detach: 1,
      requiresGrad_: 1,
      mul: 1,
      sum: 2,
      grad: 1,
      item: 1,
      fromStorage: 1,
      broadcastShapes: 1,
      contiguousStrides: 1,
    });
  });

  test('ops inside an op are not counted: asStrided builds on fromStorage, expand on broadcasting', () => {
    const x = ones(3);
    expect(countOps(() => x.add(ones(2, 1))).counts).toEqual({ add: 1, ones: 1 });
    expect(countOps(() => asStrided(x, [2], [1])).counts).toEqual({ asStrided: 1 });
  });

  test('nested countOps each see the ops run inside them', () => {
    const outer = countOps(() => {
      ones(1).add(1);
      return countOps(() => ones(1).mul(2)).counts;
    });
    expect(outer.result).toEqual({ ones: 1, mul: 1 });
    expect(outer.counts).toEqual({ ones: 2, add: 1, mul: 1 });
  });
});
