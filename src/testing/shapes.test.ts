import fc from 'fast-check';
import {
  broadcastShapesArb,
  incompatibleShapesArb,
  matmulShapesArb,
  maxNumel,
  numel,
  shapeArb,
} from './shapes';

/** Broadcasting written out independently of the arbitraries: null when incompatible. */
function referenceBroadcast(a: number[], b: number[]): number[] | null {
  const rank = Math.max(a.length, b.length);
  const out: number[] = [];
  for (let i = 1; i <= rank; i++) {
    const x = a.length - i >= 0 ? a[a.length - i] : 1;
    const y = b.length - i >= 0 ? b[b.length - i] : 1;
    if (x !== y && x !== 1 && y !== 1) return null;
    out.unshift(x === 1 ? y : x);
  }
  return out;
}

test('shapeArb stays within its dims and size bounds', () => {
  fc.assert(
    fc.property(shapeArb({ minDims: 1, maxDims: 4, minSize: 0, maxSize: 3 }), (shape) => {
      expect(shape.length).toBeGreaterThanOrEqual(1);
      expect(shape.length).toBeLessThanOrEqual(4);
      for (const size of shape) expect(Number.isInteger(size) && size >= 0 && size <= 3).toBe(true);
      expect(numel(shape)).toBeLessThanOrEqual(maxNumel({ maxDims: 4, maxSize: 3 }));
    }),
  );
});

test('shapeArb can draw a scalar shape and shapes of every rank', () => {
  const ranks = new Set(fc.sample(shapeArb(), 300).map((shape) => shape.length));
  expect([...ranks].sort()).toEqual([0, 1, 2, 3]);
});

test('broadcast pairs really broadcast, to the shape the arbitrary reports', () => {
  fc.assert(
    fc.property(broadcastShapesArb({ minSize: 0, maxDims: 4 }), ({ a, b, out }) => {
      expect(referenceBroadcast(a, b)).toEqual(out);
    }),
  );
});

test('broadcast pairs cover the interesting cases: size-1 dims, missing leading dims, equal shapes', () => {
  const pairs = fc.sample(broadcastShapesArb(), 500);
  const hasOne = (s: number[], o: number[]) =>
    s.some((size, i) => size === 1 && o[o.length - s.length + i] > 1);
  expect(pairs.some(({ a, out }) => hasOne(a, out))).toBe(true);
  expect(pairs.some(({ b, out }) => hasOne(b, out))).toBe(true);
  expect(pairs.some(({ a, b }) => a.length !== b.length)).toBe(true);
  expect(pairs.some(({ a, b }) => a.length > 0 && a.join() === b.join())).toBe(true);
});

test('incompatible pairs do not broadcast, and name the clashing dim from the end', () => {
  fc.assert(
    fc.property(incompatibleShapesArb(), ({ a, b, dimFromEnd }) => {
      expect(referenceBroadcast(a, b)).toBeNull();
      const x = a[a.length + dimFromEnd];
      const y = b[b.length + dimFromEnd];
      expect(x !== y && x !== 1 && y !== 1).toBe(true);
    }),
  );
});

test('matmul shapes include 0- and 1-sized dims', () => {
  const sizes = fc.sample(matmulShapesArb(), 300).flatMap(({ m, k, n }) => [m, k, n]);
  expect(sizes).toContain(0);
  expect(sizes).toContain(1);
  expect(Math.max(...sizes)).toBeLessThanOrEqual(5);
});
