/**
 * Linear and the init functions: PyTorch's default initialisation, reproducible from the seed, and
 * the standard deviations the lesson derives.
 */
import fc from 'fast-check';
import { gradcheck } from '../autograd/gradcheck';
import {
  calculateGain,
  kaimingNormal_,
  kaimingUniform_,
  xavierNormal_,
  xavierUniform_,
} from './init';
import * as init from './init';
import { Linear } from './linear';
import { empty, manualSeed, randn, type Tensor } from '../tensor';

function stdOf(t: Tensor): number {
  return t.std().item();
}

describe('Linear', () => {
  test('computes x @ W.T + b for any batch shape', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 4 }),
        (inF, outF, n) => {
          manualSeed(n);
          const lin = new Linear(inF, outF);
          const x = randn(n, inF);
          expect(lin.call(x).shape).toEqual([n, outF]);
          expect(lin.call(x)).toBeCloseTensor(x.matmul(lin.weight.t()).add(lin.bias as Tensor));
          expect(lin.call(randn(2, n, inF)).shape).toEqual([2, n, outF]);
        },
      ),
      { numRuns: 20 },
    );
  });

  test('default init: weight and bias in U(-1/sqrt(in), 1/sqrt(in)), like PyTorch', () => {
    manualSeed(0);
    const lin = new Linear(784, 50);
    const bound = 1 / Math.sqrt(784);
    const w = lin.weight;
    expect(w.abs().max().item()).toBeLessThanOrEqual(bound);
    expect(w.abs().max().item()).toBeGreaterThan(0.95 * bound);
    // A uniform on (-b, b) has std b / sqrt(3); with 39,200 draws the estimate is within 1%.
    expect(stdOf(w)).toBeCloseTo(bound / Math.sqrt(3), 3);
    expect((lin.bias as Tensor).abs().max().item()).toBeLessThanOrEqual(bound);
  });

  test('the same seed gives the same layer; parameters are leaves that require grad', () => {
    manualSeed(42);
    const a = new Linear(3, 2);
    manualSeed(42);
    const b = new Linear(3, 2);
    expect(a.weight.toArray()).toEqual(b.weight.toArray());
    expect(a.weight.isLeaf && a.weight.requiresGrad).toBe(true);
    expect(new Linear(3, 2, { bias: false }).parameters()).toHaveLength(1);
  });

  test("an input of the wrong width gets PyTorch's matmul error", () => {
    expect(() => new Linear(5, 2).call(randn(4, 3))).toThrow(
      'mat1 and mat2 shapes cannot be multiplied (4x3 and 5x2)',
    );
  });

  test('its gradients agree with gradcheck (float64)', () => {
    manualSeed(1);
    const lin = new Linear(3, 2, { dtype: 'float64' });
    const x = randn(4, 3, { dtype: 'float64' }).requiresGrad_();
    expect(gradcheck((t) => lin.call(t).pow(2), [x, lin.weight, lin.bias as Tensor])).toBe(true);
  });
});

describe('init', () => {
  beforeEach(() => manualSeed(0));

  // 16,384 draws estimate a standard deviation to within about 0.6% (one standard error), so a 3%
  // band is wide enough for any seed and narrow enough to catch a wrong formula (sqrt 2 is 41%).
  function expectStd(t: Tensor, expected: number): void {
    expect(Math.abs(stdOf(t) / expected - 1)).toBeLessThan(0.03);
  }

  test("kaimingNormal_: std sqrt(2 / fanIn), the lesson's fix for deep ReLU nets", () => {
    expectStd(kaimingNormal_(empty(64, 256)), Math.sqrt(2 / 256));
    expectStd(kaimingNormal_(empty(256, 64), { mode: 'fanOut' }), Math.sqrt(2 / 256));
  });

  test('kaimingUniform_ has the same std as kaimingNormal_, within a bound of sqrt(3) std', () => {
    const w = kaimingUniform_(empty(64, 256), { nonlinearity: 'relu' });
    expectStd(w, Math.sqrt(2 / 256));
    expect(w.abs().max().item()).toBeLessThanOrEqual(Math.sqrt(6 / 256));
  });

  test('xavier: std gain * sqrt(2 / (fanIn + fanOut))', () => {
    expectStd(xavierNormal_(empty(64, 256)), Math.sqrt(2 / 320));
    const w = xavierUniform_(empty(64, 256), calculateGain('tanh'));
    expect(w.abs().max().item()).toBeLessThanOrEqual((5 / 3) * Math.sqrt(6 / 320));
    expectStd(w, (5 / 3) * Math.sqrt(2 / 320));
  });

  test('fills in place, returns the tensor, records nothing, and is also reachable as init.*', () => {
    const w = empty(3, 4).requiresGrad_();
    expect(init.kaimingNormal_(w)).toBe(w);
    expect(w.isLeaf).toBe(true);
    expect(w.gradFn).toBeNull();
  });

  test('gains and fans as PyTorch defines them', () => {
    expect(calculateGain('relu')).toBeCloseTo(Math.SQRT2, 12);
    expect(calculateGain('leakyRelu', Math.sqrt(5))).toBeCloseTo(Math.sqrt(1 / 3), 12);
    expect(init.fanInAndFanOut(empty(8, 3, 5, 5))).toEqual({ fanIn: 75, fanOut: 200 });
    expect(() => kaimingNormal_(empty(5))).toThrow(
      'Fan in and fan out can not be computed for tensor with fewer than 2 dimensions',
    );
  });
});
