/**
 * Bad input gets PyTorch's error text, naming the sizes, dims and indices involved, whatever the
 * shapes: each property builds a random mistake and predicts the exact message.
 */
import fc from 'fast-check';
import { arange, zeros } from './creation';
import { shapeArb } from './test/arbitraries';

const size = fc.integer({ min: 2, max: 5 });
// Each case throws several errors (jest makes each cost about half a millisecond); the messages
// depend on the shapes only, so a few dozen shapes cover them.
const RUNS = { numRuns: 40 };

describe('errors name the sizes involved, in PyTorch words', () => {
  test('broadcasting names both sizes and the dim of the result where they clash', () => {
    fc.assert(
      fc.property(shapeArb(3, 3, 1), shapeArb(2, 3, 1), size, size, (lead, tail, sa, sb0) => {
        const sb = sa === sb0 ? sb0 + 1 : sb0;
        const a = zeros([...lead, sa, ...tail]);
        const b = zeros([sb, ...tail]);
        const dim = lead.length;
        const message = `The size of tensor a (${sa}) must match the size of tensor b (${sb}) at non-singleton dimension ${dim}`;
        expect(() => a.add(b)).toThrow(message);
        expect(() => a.lt(b)).toThrow(message);
      }),
      RUNS,
    );
    // Several clashes: PyTorch checks from the last dim, so that is the one named.
    expect(() => zeros(2, 3).add(zeros(4, 5))).toThrow(
      'The size of tensor a (3) must match the size of tensor b (5) at non-singleton dimension 1',
    );
  });

  test('matmul names both matrix shapes', () => {
    fc.assert(
      fc.property(size, size, size, size, (m, k, k2, n) => {
        const other = k === k2 ? k2 + 1 : k2;
        expect(() => zeros(m, k).matmul(zeros(other, n))).toThrow(
          `mat1 and mat2 shapes cannot be multiplied (${m}x${k} and ${other}x${n})`,
        );
      }),
      RUNS,
    );
  });

  test('expand names the clashing sizes, the dim and both full shapes', () => {
    fc.assert(
      fc.property(shapeArb(3, 3, 1), size, size, fc.nat({ max: 2 }), (shape, s, t0, extra) => {
        const existing = [...shape, s];
        const target = s === t0 ? t0 + 1 : t0;
        const sizes = [...new Array<number>(extra).fill(2), ...shape, target];
        expect(() => zeros(existing).expand(sizes)).toThrow(
          `The expanded size of the tensor (${target}) must match the existing size (${s}) at non-singleton dimension ${sizes.length - 1}.  Target sizes: [${sizes.join(', ')}].  Tensor sizes: [${existing.join(', ')}]`,
        );
      }),
      RUNS,
    );
  });

  test('a dim out of range names the valid range, for every op that takes a dim', () => {
    fc.assert(
      fc.property(shapeArb(4, 3, 1), fc.integer({ min: 0, max: 3 }), (shape, past) => {
        const t = zeros(shape);
        const n = shape.length;
        const range = Math.max(n, 1);
        const bad = range + past;
        const message = `Dimension out of range (expected to be in range of [${-range}, ${range - 1}], but got ${bad})`;
        expect(() => t.sum(bad)).toThrow(message);
        expect(() => t.sum(-bad - 1)).toThrow(
          `Dimension out of range (expected to be in range of [${-range}, ${range - 1}], but got ${-bad - 1})`,
        );
        expect(() => t.transpose(0, bad)).toThrow(message);
        expect(() => t.squeeze(bad)).toThrow(message);
        expect(() => t.size(bad)).toThrow(message);
        // unsqueeze may add a dim at the end: its range is one wider.
        expect(() => t.unsqueeze(n + 1 + past)).toThrow(
          `Dimension out of range (expected to be in range of [${-n - 1}, ${n}], but got ${n + 1 + past})`,
        );
      }),
      RUNS,
    );
  });

  test('an index out of bounds names the index, the dim and its size', () => {
    fc.assert(
      fc.property(
        shapeArb(3, 4, 1).filter((s) => s.length > 0),
        fc.nat(),
        fc.nat({ max: 3 }),
        (shape, d0, past) => {
          const dim = d0 % shape.length;
          const index = shape.map(() => 0);
          index[dim] = shape[dim] + past;
          const message = `index ${shape[dim] + past} is out of bounds for dimension ${dim} with size ${shape[dim]}`;
          const t = zeros(shape);
          expect(() => t.get(...index)).toThrow(message);
          expect(() => t.set(index, 1)).toThrow(message);
          expect(() => t.index(...index.slice(0, dim + 1))).toThrow(message);
          index[dim] = -shape[dim] - 1 - past;
          expect(() => t.get(...index)).toThrow(
            `index ${-shape[dim] - 1 - past} is out of bounds for dimension ${dim} with size ${shape[dim]}`,
          );
        },
      ),
      RUNS,
    );
  });

  test('a view of the wrong number of elements names the shape and the size', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), size, (n, rows) => {
        const cols = Math.floor(n / rows) + 1;
        expect(() => arange(n).view(rows, cols)).toThrow(
          `shape '[${rows}, ${cols}]' is invalid for input of size ${n}`,
        );
      }),
      RUNS,
    );
  });
});
