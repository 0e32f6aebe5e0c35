import fc from 'fast-check';
import { arange, tensor, zeros } from './creation';
import { tensorArb } from './test/arbitraries';
import { naiveReduce, read, type Ref } from './test/reference';

const sum = (b: number[]) => b.reduce((s, x) => s + x, 0);
const mean = (b: number[]) => sum(b) / b.length;
const variance = (b: number[]) => {
  const m = mean(b);
  return b.reduce((s, x) => s + (x - m) ** 2, 0) / (b.length - 1);
};

/** A tensor with a random subset of its dims (possibly none: all dims) and keepdim. */
const reductionArb = tensorArb().chain((a) =>
  fc.tuple(fc.constant(a), fc.subarray(a.shape.map((_, d) => d)), fc.boolean(), fc.boolean()),
);

const { abs, max } = Math;

/** Shapes equal, values within a relative eps (NaN only where NaN is expected): one expect. */
function close(actual: Ref, expected: Ref, eps = 1e-5): void {
  expect(actual.shape).toEqual(expected.shape);
  const far = actual.values.findIndex((v, i) => {
    const e = expected.values[i];
    return e !== e ? v === v : !(abs(v - e) <= eps * max(1, abs(e)));
  });
  if (far >= 0) expect(actual.values[far]).toBe(expected.values[far]);
}

describe('reductions agree with naive folds over any dims and layout', () => {
  test('sum and mean over a set of dims, keepdim or not, negative dims too', () => {
    fc.assert(
      fc.property(reductionArb, ([a, dims, keepdim, negative]) => {
        const arg = negative ? dims.map((d) => d - a.shape.length) : dims;
        const all = dims.length === 0;
        const s = all && !keepdim ? a.t.sum() : a.t.sum(arg, keepdim);
        close(read(s), naiveReduce(a, dims, keepdim, sum));
        const m = a.t.mean(all ? null : arg, keepdim);
        close(
          read(m),
          naiveReduce(a, dims, keepdim, (b) => (b.length ? mean(b) : NaN)),
        );
      }),
    );
  });

  test('std and var are unbiased by default', () => {
    fc.assert(
      fc.property(reductionArb, ([a, dims, keepdim]) => {
        const v = a.t.double().var(dims, keepdim);
        close(
          read(v),
          naiveReduce(a, dims, keepdim, (b) => (b.length > 1 ? variance(b) : NaN)),
          1e-9,
        );
        const s = a.t.double().std(dims, keepdim);
        close(
          read(s),
          naiveReduce(a, dims, keepdim, (b) => (b.length > 1 ? Math.sqrt(variance(b)) : NaN)),
          1e-9,
        );
      }),
    );
  });

  test('max, min, argmax and argmin along one dim', () => {
    fc.assert(
      fc.property(
        tensorArb()
          .filter((a) => a.shape.length > 0 && a.values.length > 0)
          .chain((a) =>
            fc.tuple(fc.constant(a), fc.nat({ max: a.shape.length - 1 }), fc.boolean()),
          ),
        ([a, d, keepdim]) => {
          close(
            read(a.t.max(d, keepdim)),
            naiveReduce(a, [d], keepdim, (b) => Math.max(...b)),
          );
          close(
            read(a.t.min(d, keepdim)),
            naiveReduce(a, [d], keepdim, (b) => Math.min(...b)),
          );
          close(
            read(a.t.argmax(d, keepdim)),
            naiveReduce(a, [d], keepdim, (b) => b.indexOf(Math.max(...b))),
          );
          close(
            read(a.t.argmin(d, keepdim)),
            naiveReduce(a, [d], keepdim, (b) => b.indexOf(Math.min(...b))),
          );
          expect(a.t.max().item()).toBe(Math.max(...a.values));
          expect(a.t.argmax().item()).toBe(a.values.indexOf(Math.max(...a.values)));
        },
      ),
    );
  });

  test('all and any give bool', () => {
    fc.assert(
      fc.property(reductionArb, ([a, dims, keepdim]) => {
        const nz = a.t.ne(0);
        const all = nz.all(dims, keepdim);
        expect(all.dtype).toBe('bool');
        close(
          read(all),
          naiveReduce(a, dims, keepdim, (b) => Number(b.every((x) => x !== 0))),
        );
        close(
          read(nz.any(dims, keepdim)),
          naiveReduce(a, dims, keepdim, (b) => Number(b.some((x) => x !== 0))),
        );
      }),
    );
  });

  test('reductions never mutate their input', () => {
    fc.assert(
      fc.property(reductionArb, ([a, dims, keepdim]) => {
        const before = a.t.storage().data.slice();
        a.t.sum(dims, keepdim);
        a.t.mean(dims, keepdim);
        a.t.std(dims, keepdim);
        if (a.values.length > 0) a.t.max();
        expect(a.t.storage().data).toEqual(before);
      }),
    );
  });
});

describe('precision and size', () => {
  test('std and var of float32 are worked out in float64 and rounded once, like PyTorch', () => {
    const float32 = fc.float({
      min: Math.fround(-1e30),
      max: Math.fround(1e30),
      noNaN: true,
      noDefaultInfinity: true,
    });
    const arb = tensorArb('float32', float32).chain((a) =>
      fc.tuple(fc.constant(a), fc.subarray(a.shape.map((_, d) => d)), fc.boolean()),
    );
    fc.assert(
      fc.property(arb, ([a, dims, keepdim]) => {
        const exactVariance = (b: number[]) => (b.length > 1 ? variance(b) : NaN);
        expect(read(a.t.var(dims, keepdim))).toEqual(
          naiveReduce(a, dims, keepdim, (b) => Math.fround(exactVariance(b))),
        );
        expect(read(a.t.std(dims, keepdim))).toEqual(
          naiveReduce(a, dims, keepdim, (b) => Math.fround(Math.sqrt(exactVariance(b)))),
        );
      }),
    );
    // The variance of [1e20, -1e20] (2e40) is past float32, as in PyTorch; its root is not.
    const big = tensor([1e20, -1e20], { dtype: 'float32' });
    const v = Math.fround(1e20);
    expect(big.var().item()).toBe(Infinity);
    expect(big.std().item()).toBe(Math.fround(Math.sqrt(2 * v * v)));
  });

  test('sums of large tensors agree with plain loops along every dim and layout', () => {
    // 60,000 elements: past the size where a column sum reads across rows.
    const [rows, cols] = [300, 200];
    const values = Float32Array.from({ length: rows * cols }, (_, i) => ((i * 7919) % 23) - 11);
    const a = tensor(values).reshape(rows, cols);
    const columnSums = new Array<number>(cols).fill(0);
    const rowSums = new Array<number>(rows).fill(0);
    values.forEach((x, i) => {
      columnSums[i % cols] += x;
      rowSums[Math.floor(i / cols)] += x;
    });
    expect(a.sum(0).toArray()).toEqual(columnSums);
    expect(a.sum(1).toArray()).toEqual(rowSums);
    expect(a.t().sum(1).toArray()).toEqual(columnSums);
    expect(a.t().contiguous().sum(0).toArray()).toEqual(rowSums);
    expect(a.sum().item()).toBe(rowSums.reduce((x, y) => x + y, 0));
    expect(a.max(0).toArray()).toEqual(columnSums.map(() => 11));
  });
});

describe('reduction dtypes and edge cases', () => {
  test('sum of bool and int32 is int32; mean of ints is an error', () => {
    expect(tensor([true, true, false]).sum().dtype).toBe('int32');
    expect(tensor([true, true, false]).sum().item()).toBe(2);
    expect(tensor([1, 2], { dtype: 'int32' }).sum().dtype).toBe('int32');
    expect(() => tensor([1, 2], { dtype: 'int32' }).mean()).toThrow(
      'mean(): could not infer output dtype. Input dtype must be either a floating point or complex dtype. Got: Int',
    );
    expect(tensor([1, 2], { dtype: 'int32' }).float().mean().item()).toBe(1.5);
  });

  test('NaN propagates through sum and max; argmax points at it', () => {
    const a = tensor([1, NaN, 3]);
    expect(a.sum().item()).toBeNaN();
    expect(a.max().item()).toBeNaN();
    expect(a.argmax().item()).toBe(1);
  });

  test('empty inputs', () => {
    expect(zeros(0).sum().item()).toBe(0);
    expect(zeros(0).mean().item()).toBeNaN();
    expect(() => zeros(0).max()).toThrow(
      "max(): Expected reduction dim to be specified for input.numel() == 0. Specify the reduction dim with the 'dim' argument.",
    );
    expect(() => zeros(2, 0).max(1)).toThrow(
      'max(): Expected reduction dim 1 to have non-zero size.',
    );
    expect(zeros(2, 0).max(0).shape).toEqual([0]);
  });

  test('keepdim keeps size-1 dims; dims out of range are refused', () => {
    const a = arange(6).float().view(2, 3);
    expect(a.sum(1, true).shape).toEqual([2, 1]);
    expect(a.sum(-1).toArray()).toEqual([3, 12]);
    expect(a.mean([0, 1]).item()).toBe(2.5);
    expect(() => a.sum(2)).toThrow(
      'Dimension out of range (expected to be in range of [-2, 1], but got 2)',
    );
    expect(tensor(3).sum(0).item()).toBe(3);
  });
});
