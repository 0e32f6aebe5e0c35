/**
 * The backward pass itself: where gradients land, how they add up, what stops them, and the errors
 * PyTorch raises for a backward call that cannot work.
 */
import fc from 'fast-check';
import { grad } from './grad';
import { topologicalOrder } from './backward';
import { GradNode, isGradEnabled, noGrad, record } from './graph';
import { ones, tensor, zeros, type Tensor } from '../tensor';
import { intTensorArb } from '../testing';

const leaf = (values: number[], dtype: 'float32' | 'float64' = 'float64'): Tensor =>
  tensor(values, { dtype, requiresGrad: true });

describe('where gradients land', () => {
  test('the lesson example: d/dx sum(x^2) = 2x, stored on the leaf', () => {
    const x = leaf([1, 2, 3]);
    x.pow(2).sum().backward();
    expect(x.grad?.toArray()).toEqual([2, 4, 6]);
  });

  test('intermediate (non-leaf) tensors keep no grad', () => {
    const x = leaf([1, 2]);
    const y = x.mul(3);
    y.sum().backward();
    expect(y.isLeaf).toBe(false);
    expect(y.grad).toBeNull();
    expect(x.grad?.toArray()).toEqual([3, 3]);
  });

  test('a tensor used on several paths gets the sum of their gradients (a diamond)', () => {
    const x = leaf([2]);
    const a = x.mul(3);
    const b = x.pow(2);
    a.add(b).mul(a).sum().backward(); // f = (3x + x^2) 3x = 9x^2 + 3x^3, f' = 18x + 9x^2
    expect(x.grad?.item()).toBeCloseTo(18 * 2 + 9 * 4, 10);
  });

  test('leaves that do not require grad get nothing', () => {
    const x = leaf([1, 2]);
    const c = tensor([5, 6], { dtype: 'float64' });
    x.mul(c).sum().backward();
    expect(c.grad).toBeNull();
    expect(x.grad?.toArray()).toEqual([5, 6]);
  });

  test('backward with an explicit gradient computes a vector-Jacobian product', () => {
    const x = leaf([1, 2, 3]);
    x.mul(x).backward(tensor([1, 10, 100], { dtype: 'float64' }));
    expect(x.grad?.toArray()).toEqual([2, 40, 600]);
  });

  test('backward on a leaf itself sets its grad to the given gradient', () => {
    const x = leaf([4]);
    x.backward();
    expect(x.grad?.toArray()).toEqual([1]);
  });

  test('a float32 leaf used with float64 tensors gets a float32 grad', () => {
    const x = leaf([1, 2], 'float32');
    x.mul(tensor([0.5, 0.25], { dtype: 'float64' }))
      .sum()
      .backward();
    expect(x.grad?.dtype).toBe('float32');
    expect(x.grad?.toArray()).toEqual([0.5, 0.25]);
  });

  test('a grad never aliases another tensor: add hands one gradient to both inputs', () => {
    const a = leaf([1, 2]);
    const b = leaf([3, 4]);
    a.add(b).sum().backward();
    expect(a.grad).not.toBe(b.grad);
    expect(a.grad?.storage()).not.toBe(b.grad?.storage());
    a.grad?.mul_(10);
    expect(b.grad?.toArray()).toEqual([1, 1]);
  });

  test('a gradient the pass made and nothing else holds becomes .grad without a copy', () => {
    const x = leaf([1, 2, 3]);
    const w = leaf([4, 5, 6]);
    const seen: Tensor[] = [];
    // mul's backward makes g * w afresh; it reaches x alone, so x.grad is that very tensor.
    const y = x.mul(w);
    const node = y.gradFn!;
    const spy = new GradNode(node.name, node.inputs, (g) => {
      const grads = node.backward(g);
      seen.push(...grads.filter((t): t is Tensor => t !== null));
      return grads;
    });
    y.gradFn = spy;
    y.sum().backward();
    expect(x.grad).toBe(seen[0]);
    expect(x.grad?.toArray()).toEqual([4, 5, 6]);
  });

  test("the caller's gradient, and one still read by another node, are copied", () => {
    const x = leaf([1, 2]);
    const g = tensor([3, 4], { dtype: 'float64' });
    x.backward(g);
    expect(x.grad?.storage()).not.toBe(g.storage());
    // add hands its gradient to x and to y's node: x must not own a buffer y's node reads.
    const a = leaf([1, 2]);
    const b = leaf([5, 6]);
    const out = a.add(b.mul(1).mul(1));
    out.backward(tensor([1, 1], { dtype: 'float64' }).mul(2));
    expect(a.grad?.toArray()).toEqual([2, 2]);
    expect(b.grad?.toArray()).toEqual([2, 2]);
    expect(a.grad?.storage()).not.toBe(b.grad?.storage());
    a.grad?.mul_(10);
    expect(b.grad?.toArray()).toEqual([2, 2]);
  });

  test('the grad of a broadcast input is contiguous and owns its memory', () => {
    const b = leaf([1, 2, 3]);
    zeros(4, 3, { dtype: 'float64' }).add(b).sum().backward();
    expect(b.grad?.toArray()).toEqual([4, 4, 4]);
    expect(b.grad?.isContiguous()).toBe(true);
  });

  test('a chain of 500 ops passes its gradient all the way down', () => {
    const x = leaf([1]);
    let y = x;
    for (let i = 0; i < 500; i++) y = y.mul(1.001);
    y.sum().backward();
    expect(x.grad?.item()).toBeCloseTo(1.001 ** 500, 10);
  });

  test('ordering a 30,000-node chain does not overflow the stack (no recursion)', () => {
    let node: GradNode | null = null;
    for (let i = 0; i < 30_000; i++) {
      const input = { requiresGrad: true, gradFn: node } as unknown as Tensor;
      node = new GradNode('Step', [input], (g) => [g]);
    }
    const order = topologicalOrder([node]);
    expect(order.length).toBe(30_000);
    expect(order[0]).toBe(node);
  });
});

describe('accumulation across backward calls, like PyTorch', () => {
  test('two backward passes add up; zeroing the grad starts over', () => {
    fc.assert(
      // Small integers: 2x added up `calls` times is exact, so equality is fair.
      fc.property(
        intTensorArb({ dtype: 'float64', maxDims: 2 }),
        fc.integer({ min: 1, max: 4 }),
        (x0, calls) => {
          const x = x0.clone().requiresGrad_();
          for (let i = 0; i < calls; i++) x.mul(x).sum().backward();
          expect(x.grad?.toArray()).toEqual(
            x
              .detach()
              .mul(2 * calls)
              .toArray(),
          );
          x.grad = null;
          x.mul(x).sum().backward();
          expect((x.grad as Tensor | null)?.toArray()).toEqual(x.detach().mul(2).toArray());
        },
      ),
      { numRuns: 30 },
    );
  });

  test('the same graph can be run backward twice (the graph is kept)', () => {
    const x = leaf([3]);
    const y = x.pow(2).sum();
    y.backward();
    y.backward();
    expect(x.grad?.item()).toBe(12);
  });
});

describe('stopping gradients', () => {
  test('noGrad records nothing and restores the previous mode, even after a throw', () => {
    const x = leaf([1, 2]);
    const y = noGrad(() => x.mul(2));
    expect(y.requiresGrad).toBe(false);
    expect(y.gradFn).toBeNull();
    expect(() =>
      noGrad(() => {
        throw new Error('inside');
      }),
    ).toThrow('inside');
    expect(isGradEnabled()).toBe(true);
    expect(x.mul(2).requiresGrad).toBe(true);
  });

  test('nested noGrad stays off until the outermost one ends', () => {
    noGrad(() => {
      noGrad(() => undefined);
      expect(isGradEnabled()).toBe(false);
    });
    expect(isGradEnabled()).toBe(true);
  });

  test('detach shares memory but cuts the graph', () => {
    const x = leaf([1, 2]);
    const d = x.mul(2).detach();
    expect(d.requiresGrad).toBe(false);
    expect(d.gradFn).toBeNull();
    const y = x.mul(d).sum(); // d acts as a constant: dy/dx = d
    y.backward();
    expect(x.grad?.toArray()).toEqual([2, 4]);
    expect(x.detach().storage()).toBe(x.storage());
  });

  test('a backward closure runs with recording off', () => {
    const x = leaf([2]);
    let recordingInClosure: boolean | undefined;
    const probe = record('Probe', x.detach().clone(), [x], (g) => {
      recordingInClosure = isGradEnabled();
      return [g];
    });
    probe.sum().backward();
    expect(recordingInClosure).toBe(false);
    expect(isGradEnabled()).toBe(true);
    expect(x.grad?.item()).toBe(1);
  });
});

describe('errors in PyTorch words', () => {
  test('backward on a tensor that does not require grad', () => {
    expect(() => zeros(3).sum().backward()).toThrow(
      'element 0 of tensors does not require grad and does not have a grad_fn',
    );
  });

  test('backward on a non-scalar without a gradient', () => {
    expect(() => leaf([1, 2]).mul(2).backward()).toThrow(
      'grad can be implicitly created only for scalar outputs',
    );
  });

  test('a gradient of the wrong shape', () => {
    expect(() =>
      leaf([1, 2])
        .mul(2)
        .backward(ones(3, { dtype: 'float64' })),
    ).toThrow(
      'Mismatch in shape: grad_output[0] has a shape of [3] and output[0] has a shape of [2].',
    );
  });

  test('in-place ops on a leaf that requires grad', () => {
    expect(() => leaf([1]).add_(1)).toThrow(
      'a leaf Variable that requires grad is being used in an in-place operation.',
    );
  });
});

describe('grad(outputs, inputs), like torch.autograd.grad', () => {
  test('returns gradients without touching .grad', () => {
    const x = leaf([1, 2]);
    const y = leaf([3, 4]);
    const [gx, gy] = grad(x.mul(y).sum(), [x, y]);
    expect(gx?.toArray()).toEqual([3, 4]);
    expect(gy?.toArray()).toEqual([1, 2]);
    expect(x.grad).toBeNull();
  });

  test('can differentiate with respect to an intermediate tensor', () => {
    const x = leaf([1, 2]);
    const h = x.mul(2);
    const [gh] = grad(h.pow(2).sum(), [h]);
    expect(gh?.toArray()).toEqual([4, 8]);
  });

  test('an unused input is an error unless allowUnused', () => {
    const x = leaf([1]);
    const unused = leaf([1]);
    expect(() => grad(x.mul(2).sum(), [unused])).toThrow(
      'One of the differentiated Tensors appears to not have been used in the graph.',
    );
    expect(grad(x.mul(2).sum(), [unused], undefined, { allowUnused: true })).toEqual([null]);
  });
});
