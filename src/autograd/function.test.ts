/**
 * Custom autograd functions, as the lesson writes its own ReLU with torch.autograd.Function.
 */
import fc from 'fast-check';
import { AutogradFunction, FunctionCtx } from './function';
import { gradcheck } from './gradcheck';
import { autograd } from './index';
import { tensor, type Tensor } from '../tensor';
import { floatTensorArb } from '../testing';

class MyReLU extends AutogradFunction {
  static override forward(ctx: FunctionCtx, x: Tensor): Tensor {
    ctx.saveForBackward(x);
    return x.clampMin(0);
  }
  static override backward(ctx: FunctionCtx, gradOutput: Tensor): Tensor {
    const [x] = ctx.savedTensors;
    return gradOutput.mul(x.gt(0));
  }
}

/** y = a * x + b, with a plain number b: backward returns one gradient per forward argument. */
class ScaleShift extends AutogradFunction {
  static override forward(ctx: FunctionCtx, a: Tensor, x: Tensor, b: number): Tensor {
    ctx.saveForBackward(a, x);
    ctx.shift = b;
    return a.mul(x).add(b);
  }
  static override backward(ctx: FunctionCtx, g: Tensor): (Tensor | null)[] {
    const [a, x] = ctx.savedTensors;
    return [g.mul(x).sum(0, true), g.mul(a), null];
  }
}

class Identity extends AutogradFunction {
  static override forward(_ctx: FunctionCtx, x: Tensor): Tensor {
    return x;
  }
  static override backward(_ctx: FunctionCtx, g: Tensor): Tensor {
    return g;
  }
}

class TooManyGradients extends AutogradFunction {
  static override forward(_ctx: FunctionCtx, x: Tensor): Tensor {
    return x.mul(2);
  }
  static override backward(_ctx: FunctionCtx, g: Tensor): Tensor[] {
    return [g, g];
  }
}

describe('AutogradFunction', () => {
  test('a hand-written ReLU gives the same gradient as the engine relu', () => {
    const awayFromZero = fc
      .tuple(fc.boolean(), fc.double({ min: 0.1, max: 5, noNaN: true }))
      .map(([negative, v]) => (negative ? -v : v));
    fc.assert(
      fc.property(floatTensorArb({ dtype: 'float64', maxDims: 2 }), (x0) => {
        const a = x0.clone().requiresGrad_();
        const b = x0.clone().requiresGrad_();
        MyReLU.apply(a).mul(a).sum().backward();
        b.relu().mul(b).sum().backward();
        expect(a.grad?.toArray()).toEqual(b.grad?.toArray());
      }),
      { numRuns: 30 },
    );
    fc.assert(
      fc.property(fc.array(awayFromZero, { minLength: 1, maxLength: 6 }), (values) => {
        const x = tensor(values, { dtype: 'float64', requiresGrad: true });
        return gradcheck((t) => MyReLU.apply(t), [x]);
      }),
      { numRuns: 20 },
    );
  });

  test('the output is recorded under the class name, forward itself records nothing', () => {
    const x = tensor([-1, 2], { dtype: 'float64', requiresGrad: true });
    const y = MyReLU.apply(x);
    expect(y.requiresGrad).toBe(true);
    expect(y.gradFn?.name).toBe('MyReLUBackward');
    expect(String(y)).toContain('grad_fn=<MyReLUBackward>');
    expect(y.gradFn?.inputs).toEqual([x]);
  });

  test('autograd.Function is the same class, for code written as in PyTorch', () => {
    class Square extends autograd.Function {
      static override forward(ctx: FunctionCtx, x: Tensor): Tensor {
        ctx.saveForBackward(x);
        return x.mul(x);
      }
      static override backward(ctx: FunctionCtx, g: Tensor): Tensor {
        return g.mul(ctx.savedTensors[0]).mul(2);
      }
    }
    expect(autograd.Function).toBe(AutogradFunction);
    const x = tensor([1.5, -2], { dtype: 'float64', requiresGrad: true });
    expect(autograd.gradcheck((t) => Square.apply(t), [x])).toBe(true);
  });

  test('without inputs that require grad, nothing is recorded', () => {
    const y = MyReLU.apply(tensor([-1, 2], { dtype: 'float64' }));
    expect(y.requiresGrad).toBe(false);
    expect(y.gradFn).toBeNull();
  });

  test('several arguments, numbers among them, and a ctx holding extra values', () => {
    const a = tensor([[2, 3]], { dtype: 'float64', requiresGrad: true });
    const x = tensor(
      [
        [1, 2],
        [3, 4],
      ],
      { dtype: 'float64', requiresGrad: true },
    );
    expect(gradcheck((p, q) => ScaleShift.apply(p, q, 5), [a, x])).toBe(true);
    let needs: readonly boolean[] = [];
    class Spy extends AutogradFunction {
      static override forward(ctx: FunctionCtx, p: Tensor, q: Tensor): Tensor {
        needs = ctx.needsInputGrad;
        return p.add(q);
      }
    }
    Spy.apply(a, tensor([1, 1], { dtype: 'float64' }));
    expect(needs).toEqual([true, false]);
  });

  test("returning an input unchanged does not give the caller's tensor a gradFn", () => {
    const x = tensor([1, 2], { dtype: 'float64', requiresGrad: true });
    const y = Identity.apply(x);
    expect(x.isLeaf).toBe(true);
    expect(y).not.toBe(x);
    y.mul(3).sum().backward();
    expect(x.grad?.toArray()).toEqual([3, 3]);
  });

  test('a backward returning the wrong number of gradients is an error', () => {
    const x = tensor([1], { dtype: 'float64', requiresGrad: true });
    expect(() => TooManyGradients.apply(x).sum().backward()).toThrow(
      'function TooManyGradientsBackward returned an incorrect number of gradients (expected 1, got 2)',
    );
  });

  test('a gradient of the wrong shape is caught with the function named', () => {
    class WrongShape extends AutogradFunction {
      static override forward(_ctx: FunctionCtx, x: Tensor): Tensor {
        return x.sum();
      }
      static override backward(_ctx: FunctionCtx, g: Tensor): Tensor {
        return g;
      }
    }
    const x = tensor([1, 2], { dtype: 'float64', requiresGrad: true });
    expect(() => WrongShape.apply(x).backward()).toThrow(
      'Function WrongShapeBackward returned an invalid gradient at index 0 - got [] but expected shape compatible with [2]',
    );
  });
});
