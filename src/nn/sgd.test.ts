/**
 * SGD follows PyTorch's update rule exactly: plain steps, momentum, dampening, Nesterov and weight
 * decay, for contiguous parameters (the fused loop) and non-contiguous ones (tensor ops) alike.
 */
import fc from 'fast-check';
import { SGD, type SGDOptions } from './sgd';
import { tensor, type Tensor } from '../tensor';

/** PyTorch's algorithm on plain numbers, one parameter element at a time. */
function referenceSteps(w0: number[], grads: number[][], o: Required<SGDOptions>): number[] {
  const w = [...w0];
  const buf: number[] = [];
  grads.forEach((g, step) => {
    w.forEach((wi, i) => {
      let d = g[i] + o.weightDecay * wi;
      if (o.momentum !== 0) {
        buf[i] = step === 0 ? d : o.momentum * buf[i] + (1 - o.dampening) * d;
        d = o.nesterov ? d + o.momentum * buf[i] : buf[i];
      }
      w[i] = wi - o.lr * d;
    });
  });
  return w;
}

const optionsArb = fc
  .record({
    lr: fc.double({ min: 0.001, max: 1, noNaN: true }),
    momentum: fc.constantFrom(0, 0.5, 0.9),
    dampening: fc.constantFrom(0, 0.1),
    weightDecay: fc.constantFrom(0, 0.01),
    nesterov: fc.boolean(),
  })
  .map((o) =>
    o.nesterov && (o.momentum === 0 || o.dampening !== 0) ? { ...o, nesterov: false } : o,
  );

describe('SGD', () => {
  test("matches PyTorch's update rule over several steps, contiguous or not", () => {
    const values = fc.array(fc.double({ min: -2, max: 2, noNaN: true }), {
      minLength: 4,
      maxLength: 4,
    });
    fc.assert(
      fc.property(
        values,
        fc.array(values, { minLength: 1, maxLength: 3 }),
        optionsArb,
        fc.boolean(),
        (w0, grads, options, transposed) => {
          // A transposed 2x2 parameter is not contiguous: the tensor-op path runs instead of the loop.
          const base = tensor(w0, { dtype: 'float64' }).reshape(2, 2);
          const p = (transposed ? base.t() : base).requiresGrad_();
          const opt = new SGD([p], options);
          for (const g of grads) {
            const gt = tensor(g, { dtype: 'float64' }).reshape(2, 2);
            p.grad = transposed ? gt.t() : gt;
            opt.step();
          }
          // p.t() undoes the transpose, so its row-major elements line up with w0 and the grads.
          const expected = referenceSteps(w0, grads, options);
          const got = (transposed ? p.t() : p).contiguous().reshape(4).toArray() as number[];
          got.forEach((v, i) => expect(v).toBeCloseTo(expected[i], 10));
        },
      ),
      { numRuns: 60 },
    );
  });

  test('skips parameters without a gradient; zeroGrad clears them', () => {
    const a = tensor([1, 2], { dtype: 'float32', requiresGrad: true });
    const b = tensor([3], { dtype: 'float32', requiresGrad: true });
    const opt = new SGD([a, b], { lr: 0.5 });
    a.grad = tensor([2, 2], { dtype: 'float32' });
    opt.step();
    expect(a.toArray()).toEqual([0, 1]);
    expect(b.toArray()).toEqual([3]);
    opt.zeroGrad();
    expect(a.grad).toBeNull();
  });

  test('records nothing on the tape and keeps parameters as leaves', () => {
    const p = tensor([1], { dtype: 'float32', requiresGrad: true });
    p.mul(3).sum().backward();
    new SGD([p], { lr: 0.1, momentum: 0.9 }).step();
    expect(p.isLeaf).toBe(true);
    expect(p.item()).toBeCloseTo(0.7, 6);
  });

  test('rejects bad settings as PyTorch does', () => {
    const p: Tensor[] = [];
    expect(() => new SGD(p, { lr: -1 })).toThrow('Invalid learning rate: -1');
    expect(() => new SGD(p, { lr: 0.1, momentum: -0.5 })).toThrow('Invalid momentum value: -0.5');
    expect(() => new SGD(p, { lr: 0.1, weightDecay: -1 })).toThrow(
      'Invalid weight_decay value: -1',
    );
    expect(() => new SGD(p, { lr: 0.1, nesterov: true })).toThrow(
      'Nesterov momentum requires a momentum and zero dampening',
    );
  });
});
