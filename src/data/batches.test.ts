/**
 * Mini-batches: every row exactly once per epoch, in order (as views) or shuffled (reproducibly).
 */
import fc from 'fast-check';
import { batches } from './batches';
import { arange, manualSeed, type Tensor } from '../tensor';

function dataset(n: number): { x: Tensor; y: Tensor } {
  return { x: arange(n * 2, { dtype: 'float32' }).reshape(n, 2), y: arange(n, { dtype: 'int32' }) };
}

function labelsOf(list: [Tensor, Tensor][]): number[] {
  return list.flatMap(([, yb]) => yb.toArray() as number[]);
}

describe('batches', () => {
  test('covers every row once, in batches of the given size (the last one smaller)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 12 }),
        fc.boolean(),
        (n, size, shuffle) => {
          const { x, y } = dataset(n);
          const list = [...batches(x, y, size, { shuffle, seed: 1 })];
          expect(list.map(([xb]) => xb.shape[0])).toEqual(
            Array.from({ length: Math.ceil(n / size) }, (_, i) => Math.min(size, n - i * size)),
          );
          expect([...labelsOf(list)].sort((a, b) => a - b)).toEqual(
            Array.from({ length: n }, (_, i) => i),
          );
          for (const [xb, yb] of list) {
            const rows = xb.toArray() as number[][];
            (yb.toArray() as number[]).forEach((label, i) =>
              expect(rows[i]).toEqual([2 * label, 2 * label + 1]),
            );
          }
        },
      ),
      { numRuns: 30 },
    );
  });

  test('dropLast leaves out the incomplete last batch', () => {
    const { x, y } = dataset(10);
    expect([...batches(x, y, 4, { dropLast: true })].map(([xb]) => xb.shape[0])).toEqual([4, 4]);
    const shuffled = [...batches(x, y, 4, { dropLast: true, shuffle: true, seed: 2 })];
    expect(shuffled.map(([xb]) => xb.shape[0])).toEqual([4, 4]);
    expect(new Set(labelsOf(shuffled)).size).toBe(8);
  });

  test('without shuffling, batches are views in order (no copy)', () => {
    const { x, y } = dataset(10);
    const list = [...batches(x, y, 4)];
    expect(labelsOf(list)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(list[1][0].storage()).toBe(x.storage());
  });

  test('the same seed gives the same order; manualSeed fixes unseeded shuffles', () => {
    const { x, y } = dataset(30);
    const order = (seed?: number) => labelsOf([...batches(x, y, 8, { shuffle: true, seed })]);
    expect(order(5)).toEqual(order(5));
    expect(order(5)).not.toEqual(order(6));
    manualSeed(11);
    const first = order();
    manualSeed(11);
    expect(order()).toEqual(first);
    expect(order()).not.toEqual(first); // the generator moved on: the next epoch differs
  });

  test('refuses mismatched rows and bad batch sizes', () => {
    const { x } = dataset(4);
    expect(() => [...batches(x, arange(3), 2)]).toThrow(
      'Size mismatch between tensors: x has 4 rows, y has 3',
    );
    expect(() => [...batches(x, arange(4), 0)]).toThrow(
      'batch_size should be a positive integer value, but got batch_size=0',
    );
  });
});
