import fc from 'fast-check';
import { fromStorage } from './creation';
import {
  broadcastShapes,
  contiguousStrides,
  inferSize,
  isContiguousLayout,
  normalizeDim,
  viewStrides,
} from './layout';
import { broadcastPairArb, shapeArb, tensorArb } from './test/arbitraries';
import { naiveBroadcastShape, read } from './test/reference';

describe('layout arithmetic', () => {
  test('broadcastShapes agrees with the naive rule, and refuses what it refuses', () => {
    fc.assert(
      fc.property(broadcastPairArb(), shapeArb(3, 3), ([a, b], c) => {
        expect(broadcastShapes(a, b)).toEqual(naiveBroadcastShape(a, b));
        const expected = naiveBroadcastShape(naiveBroadcastShape(a, b)!, c);
        if (expected === null)
          expect(() => broadcastShapes(a, b, c)).toThrow(/The size of tensor a/);
        else expect(broadcastShapes(a, b, c)).toEqual(expected);
      }),
    );
    expect(broadcastShapes([2, 1], [3])).toEqual([2, 3]);
    expect(broadcastShapes()).toEqual([]);
    expect(() => broadcastShapes([2, 2], [3])).toThrow(
      'The size of tensor a (2) must match the size of tensor b (3) at non-singleton dimension 1',
    );
  });

  test('contiguous strides are row-major and count as contiguous', () => {
    expect(contiguousStrides([2, 3, 4])).toEqual([12, 4, 1]);
    expect(contiguousStrides([])).toEqual([]);
    expect(contiguousStrides([2, 0, 3])).toEqual([3, 3, 1]);
    fc.assert(
      fc.property(shapeArb(), (s) =>
        expect(isContiguousLayout(s, contiguousStrides(s))).toBe(true),
      ),
    );
  });

  test('viewStrides, when it finds strides, reads the elements in the same row-major order', () => {
    fc.assert(
      fc.property(tensorArb(), fc.integer({ min: 1, max: 4 }), (a, r) => {
        const n = a.values.length;
        const target = n % r === 0 ? [r, n / r] : [n];
        const strides = viewStrides(a.shape, a.t.stride(), target);
        if (a.t.isContiguous()) expect(strides).not.toBeNull();
        if (strides === null) return;
        const v = fromStorage(a.t.storage(), target, strides, a.t.offset);
        expect(read(v).values).toEqual(a.values);
      }),
    );
  });

  test('inferSize fills in -1', () => {
    expect(inferSize([-1, 3], 6)).toEqual([2, 3]);
    expect(inferSize([-1, 3], 0)).toEqual([0, 3]);
    expect(() => inferSize([0, -1], 0)).toThrow(
      'cannot reshape tensor of 0 elements into shape [0, -1] because the unspecified dimension size -1 can be any value and is ambiguous',
    );
    expect(() => inferSize([4, -1], 6)).toThrow("shape '[4, -1]' is invalid for input of size 6");
  });

  test('normalizeDim wraps negatives and names the valid range', () => {
    expect(normalizeDim(-1, 3)).toBe(2);
    expect(normalizeDim(0, 0)).toBe(0);
    expect(normalizeDim(-1, 0)).toBe(0);
    expect(() => normalizeDim(2, 2)).toThrow(
      'Dimension out of range (expected to be in range of [-2, 1], but got 2)',
    );
    expect(() => normalizeDim(1, 0)).toThrow(
      'Dimension out of range (expected to be in range of [-1, 0], but got 1)',
    );
  });
});
