/**
 * gradcheck itself: it must accept right gradients, catch wrong ones, and say where they differ.
 */
import { AutogradFunction, FunctionCtx } from './function';
import { gradcheck } from './gradcheck';
import { tensor, type Tensor } from '../tensor';

/** exp with a deliberately wrong backward (forgets the chain rule's exp(x) factor). */
class BadExp extends AutogradFunction {
  static override forward(_ctx: FunctionCtx, x: Tensor): Tensor {
    return x.exp();
  }
  static override backward(_ctx: FunctionCtx, g: Tensor): Tensor {
    return g;
  }
}

const f64 = (values: number[] | number[][], requiresGrad = true): Tensor =>
  tensor(values, { dtype: 'float64', requiresGrad });

describe('gradcheck', () => {
  test('accepts a correct gradient and leaves the inputs as they were', () => {
    const x = f64([
      [0.5, -1],
      [2, 3],
    ]);
    const before = x.toArray();
    expect(gradcheck((t) => t.mul(t).exp().sum(1), [x])).toBe(true);
    expect(x.toArray()).toEqual(before);
    expect(x.grad).toBeNull();
  });

  test("catches a wrong gradient with PyTorch's message and both Jacobians", () => {
    const x = f64([0, 1]);
    expect(() => gradcheck((t) => BadExp.apply(t), [x])).toThrow(
      /^Jacobian mismatch for output 0 with respect to input 0,\nnumerical:tensor\(\[\[1\.0000, 0\.0000\],\n {8}\[0\.0000, 2\.7183\]\], dtype=torch\.float64\)\nanalytical:tensor\(\[\[1\., 0\.\],\n {8}\[0\., 1\.\]\], dtype=torch\.float64\)/,
    );
  });

  test('names the input and the output that disagree', () => {
    const a = f64([1, 2]);
    const b = f64([0.5, 0.25]);
    expect(() => gradcheck((p, q) => [p.mul(2), p.add(BadExp.apply(q))], [a, b])).toThrow(
      'Jacobian mismatch for output 1 with respect to input 1,',
    );
  });

  test('returns false instead of throwing when asked', () => {
    expect(gradcheck((t) => BadExp.apply(t), [f64([1])], { raiseException: false })).toBe(false);
  });

  test('inputs that do not require grad are treated as constants', () => {
    const c = f64([1, 2], false);
    expect(gradcheck((x, k) => x.mul(k), [f64([3, 4]), c])).toBe(true);
  });

  test('tolerances: a small relative error passes a loose rtol and fails a tight one', () => {
    class Slightly extends AutogradFunction {
      static override forward(_ctx: FunctionCtx, x: Tensor): Tensor {
        return x.mul(1000);
      }
      static override backward(_ctx: FunctionCtx, g: Tensor): Tensor {
        return g.mul(1000.5); // 0.05% off
      }
    }
    const x = f64([1]);
    expect(gradcheck((t) => Slightly.apply(t), [x], { rtol: 1e-3 })).toBe(true);
    expect(gradcheck((t) => Slightly.apply(t), [x], { rtol: 1e-4, raiseException: false })).toBe(
      false,
    );
  });

  test('refuses float32 inputs, overlapping (expanded) inputs, and no differentiable input', () => {
    const x32 = tensor([1, 2], { dtype: 'float32', requiresGrad: true });
    expect(() => gradcheck((t) => t.exp(), [x32])).toThrow(
      'Input #0 requires gradient and is not a double precision floating point',
    );
    const expanded = f64([1]).detach().expand(3).requiresGrad_();
    expect(() => gradcheck((t) => t.exp(), [expanded])).toThrow(
      'The 0th input has a dimension with stride 0.',
    );
    expect(() => gradcheck((t) => t.exp(), [f64([1], false)])).toThrow(
      'gradcheck expects at least one input tensor to require gradient',
    );
  });
});
