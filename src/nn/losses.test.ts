/**
 * Losses: mseLoss, logSoftmax and crossEntropy agree with their naive formulas, stay finite for huge
 * logits, have the gradients gradcheck finds, and reject bad targets in PyTorch's words.
 */
import fc from 'fast-check';
import { gradcheck } from '../autograd/gradcheck';
import { crossEntropy, mseLoss, nllLoss } from './losses';
import { logSoftmax, logsumexp, softmax } from './softmax';
import { tensor, type Tensor } from '../tensor';

const f64 = (v: number[] | number[][], requiresGrad = false): Tensor =>
  tensor(v, { dtype: 'float64', requiresGrad });

/** Logits [n, c] with values in -20..20 and integer targets: naive formulas are accurate there. */
const logitsAndTargets = fc
  .tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 2, max: 5 }))
  .chain(([n, c]) =>
    fc.tuple(
      fc.array(
        fc.array(fc.double({ min: -20, max: 20, noNaN: true }), { minLength: c, maxLength: c }),
        {
          minLength: n,
          maxLength: n,
        },
      ),
      fc.array(fc.nat({ max: c - 1 }), { minLength: n, maxLength: n }),
    ),
  );

function naiveCrossEntropy(logits: number[][], targets: number[]): number {
  const rows = logits.map((row, i) => {
    const total = row.reduce((s, v) => s + Math.exp(v), 0);
    return -Math.log(Math.exp(row[targets[i]]) / total);
  });
  return rows.reduce((a, b) => a + b, 0) / rows.length;
}

describe('mseLoss', () => {
  test("is the mean of squared differences, like the lesson's mse", () => {
    expect(mseLoss(f64([1, 2, 3]), f64([1, 0, 6])).item()).toBeCloseTo((0 + 4 + 9) / 3, 12);
    expect(mseLoss(f64([1, 2]), f64([0, 0]), 'sum').item()).toBe(5);
    expect(mseLoss(f64([1, 2]), f64([0, 0]), 'none').toArray()).toEqual([1, 4]);
  });

  test('has the gradient 2 (input - target) / n', () => {
    const x = f64([[1], [2], [4]], true);
    const y = f64([[0], [0], [1]]);
    mseLoss(x, y).backward();
    expect(x.grad?.toArray()).toEqual([[2 / 3], [4 / 3], [2]]);
    expect(gradcheck((a) => mseLoss(a, y), [x])).toBe(true);
  });

  test('refuses targets of another shape: [N, 1] against [N] would broadcast to [N, N]', () => {
    expect(() => mseLoss(f64([[1], [2]]), f64([1, 2]))).toThrow(
      'Using a target size ([2]) that is different to the input size ([2, 1]).',
    );
  });
});

describe('logSoftmax and crossEntropy', () => {
  test('crossEntropy matches the naive formula -log(exp(x[t]) / sum exp(x))', () => {
    fc.assert(
      fc.property(logitsAndTargets, ([logits, targets]) => {
        const loss = crossEntropy(f64(logits), tensor(targets, { dtype: 'int32' })).item();
        expect(loss).toBeCloseTo(naiveCrossEntropy(logits, targets), 9);
      }),
      { numRuns: 50 },
    );
  });

  test('its gradient is (softmax - onehot) / N, as gradcheck confirms', () => {
    fc.assert(
      fc.property(logitsAndTargets, ([logits, targets]) => {
        const y = tensor(targets, { dtype: 'int32' });
        return gradcheck((x) => crossEntropy(x, y), [f64(logits, true)]);
      }),
      { numRuns: 20 },
    );
  });

  test('stays finite for logits of +-1000 (where exp overflows)', () => {
    const logits = tensor(
      [
        [1000, -1000, 0],
        [-1000, 1000, 999],
        [-1000, -1000, -1000],
      ],
      {
        dtype: 'float32',
        requiresGrad: true,
      },
    );
    const loss = crossEntropy(logits, tensor([0, 2, 1], { dtype: 'int32' }));
    // Row 0: certain and right (0). Row 1: log(1 + e) = 1.3133. Row 2: uniform, log 3.
    expect(loss.item()).toBeCloseTo((0 + Math.log(1 + Math.E) + Math.log(3)) / 3, 5);
    loss.backward();
    const g = (logits.grad as Tensor).toArray() as number[][];
    expect(g.flat().every(Number.isFinite)).toBe(true);
    expect(g[0]).toEqual([0, 0, 0]);
  });

  test('logSoftmax rows exponentiate to probabilities and ignore a constant shift', () => {
    const rows = fc.array(fc.double({ min: -50, max: 50, noNaN: true }), {
      minLength: 1,
      maxLength: 6,
    });
    fc.assert(
      fc.property(rows, fc.double({ min: -500, max: 500, noNaN: true }), (row, shift) => {
        const x = f64([row]);
        expect(softmax(x).sum().item()).toBeCloseTo(1, 12);
        expect(logSoftmax(x.add(shift))).toBeCloseTensor(logSoftmax(x), 1e-9);
      }),
      { numRuns: 50 },
    );
  });

  test('logsumexp equals log(sum(exp(x))) where that does not overflow, and +-Infinity rows stay sane', () => {
    const x = f64([
      [1, 2, 3],
      [-1, 0, 1],
    ]);
    expect(logsumexp(x, 1)).toBeCloseTensor(x.exp().sum(1).log(), 1e-12);
    expect(logsumexp(x, 0, true).shape).toEqual([1, 3]);
    const inf = f64([[-Infinity, -Infinity]]);
    expect(logsumexp(inf, 1).item()).toBe(-Infinity);
  });

  test('nllLoss picks -logProbs[i, target[i]]', () => {
    const lp = f64([
      [-1, -2],
      [-3, -4],
    ]);
    expect(nllLoss(lp, tensor([1, 0], { dtype: 'int32' }), 'none').toArray()).toEqual([2, 3]);
  });

  test("bad targets get PyTorch's errors", () => {
    const logits = f64([
      [1, 2],
      [3, 4],
    ]);
    expect(() => crossEntropy(logits, tensor([0, 2], { dtype: 'int32' }))).toThrow(
      'Target 2 is out of bounds.',
    );
    expect(() => crossEntropy(logits, tensor([0, 1, 1], { dtype: 'int32' }))).toThrow(
      'Expected input batch_size (2) to match target batch_size (3).',
    );
    expect(() => crossEntropy(logits, f64([0, 1]))).toThrow(
      'expected scalar type Int but found Double',
    );
  });
});
