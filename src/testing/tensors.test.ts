import fc from 'fast-check';
import { broadcastShapes, tensor as engineTensor, type NestedArray } from '../tensor';
import { fromValues } from './build';
import { describeTensor, readable } from './describe';
import {
  LAYOUT_KINDS,
  layoutSpecArb,
  PAD_VALUE,
  storedShape,
  withLayout,
  type LayoutKind,
} from './layouts';
import { flatValues, indicesOf } from './read';
import { numel, shapeArb } from './shapes';
import {
  broadcastPairArb,
  floatTensorArb,
  intTensorArb,
  matrixPairArb,
  tensorArb,
} from './tensors';

// Read once: these checks run per element, and inside jest a global lookup is slow.
const { abs, fround } = Math;
const { isInteger } = Number;

const MAX_DIMS = 4;
// Numbers are float32 by default; the dtype is spelled out because these tests are about float32.
const tensor = (data: NestedArray, dtype: 'float32' | 'int32' = 'float32') =>
  engineTensor(data, { dtype });
const valuesFor = (count: number) =>
  fc.array(fc.integer({ min: -9, max: 9 }), { minLength: count, maxLength: count });

/** A shape, a layout of it, and enough values for the layout. */
const caseArb = (kinds: readonly LayoutKind[]) =>
  fc
    .tuple(
      shapeArb({ maxDims: MAX_DIMS, minSize: 0, maxSize: 3 }),
      layoutSpecArb(kinds, MAX_DIMS),
      valuesFor(81),
    )
    .map(([shape, spec, values]) => ({ shape, spec, values }));

function rowMajor(index: number[], shape: number[]): number {
  return index.reduce((position, i, d) => position * shape[d] + i, 0);
}

describe('withLayout', () => {
  test('every layout holds the same values, in the same places, as the contiguous tensor', () => {
    fc.assert(
      fc.property(caseArb(LAYOUT_KINDS), ({ shape, spec, values }) => {
        const t = withLayout(values, shape, spec, 'float32');
        expect(t.shape).toEqual(shape);
        const stored = storedShape(shape, spec);
        // An expanded dim reads its one stored value at every index.
        const expected = [...indicesOf(shape)].map(
          (i) =>
            values[
              rowMajor(
                i.map((x, d) => (stored[d] === 1 ? 0 : x)),
                stored,
              )
            ],
        );
        expect(flatValues(t)).toEqual(expected);
      }),
    );
  });

  test('permuted views keep the storage size and, with two real dims, are not contiguous', () => {
    fc.assert(
      fc.property(caseArb(['permuted']), ({ shape, spec, values }) => {
        const t = withLayout(values, shape, spec, 'float32');
        expect(t.storage().size).toBe(numel(shape));
        const strides = t.stride() as number[];
        const real = shape.map((size, d) => [size, strides[d]]).filter(([size]) => size > 1);
        const ordered = real.every(([, s], i) => i === 0 || real[i - 1][1] >= s);
        // PyTorch calls every empty tensor contiguous.
        if (numel(shape) > 0) expect(t.isContiguous()).toBe(ordered);
      }),
    );
  });

  test('narrowed and stepped views read a larger buffer padded with PAD_VALUE', () => {
    fc.assert(
      fc.property(caseArb(['narrowed', 'stepped']), ({ shape, spec, values }) => {
        fc.pre(shape.length > 0 && numel(shape) > 0);
        const t = withLayout(values, shape, spec, 'float32');
        expect(t.storage().size).toBeGreaterThan(numel(shape));
        expect(Array.from(t.storage().data)).toContain(PAD_VALUE);
        if (spec.kind === 'narrowed') expect(t.offset).toBeGreaterThan(0);
      }),
    );
  });

  test('expanded views store each expanded dim once, with stride 0', () => {
    fc.assert(
      fc.property(caseArb(['expanded']), ({ shape, spec, values }) => {
        const t = withLayout(values, shape, spec, 'float32');
        const stored = storedShape(shape, spec);
        expect(t.storage().size).toBe(numel(stored));
        const strides = t.stride() as number[];
        shape.forEach((size, d) => {
          if (stored[d] === 1 && size > 1) expect(strides[d]).toBe(0);
        });
      }),
    );
  });

  test('builds the dtype asked for', () => {
    const spec = fc.sample(layoutSpecArb(['stepped'], 2), 1)[0];
    expect(withLayout([1, 2, 3, 4], [2, 2], spec, 'int32').dtype).toBe('int32');
    expect(fromValues([1.5], [], 'float64').dtype).toBe('float64');
  });
});

describe('tensor arbitraries', () => {
  test('tensorArb respects the shape bounds and draws small integers', () => {
    fc.assert(
      fc.property(tensorArb({ maxDims: 3, minSize: 0, maxSize: 3, layout: 'any' }), (t) => {
        expect(t.dim()).toBeLessThanOrEqual(3);
        for (const size of t.shape) expect(size).toBeLessThanOrEqual(3);
        expect(flatValues(t).filter((v) => !(isInteger(v) && abs(v) <= 9))).toEqual([]);
      }),
    );
  });

  test('a fixed shape is kept, and views really are views', () => {
    const samples = fc.sample(intTensorArb({ shape: [3, 4], layout: 'views' }), 100);
    for (const t of samples) expect(t.shape).toEqual([3, 4]);
    expect(samples.some((t) => !t.isContiguous())).toBe(true);
  });

  test('float tensors stay in bounds, are float32 values, and never hold -0', () => {
    fc.assert(
      fc.property(floatTensorArb({ maxDims: 2 }), (t) => {
        const outOfBounds = flatValues(t).filter((v) => !(abs(v) <= 10 && fround(v) === v));
        expect(outOfBounds).toEqual([]);
        expect(flatValues(t).some((v) => Object.is(v, -0))).toBe(false);
      }),
    );
  });

  test('an arbitrary of shapes works too', () => {
    const t = fc.sample(tensorArb({ shape: fc.constant([2, 5]) }), 1)[0];
    expect(t.shape).toEqual([2, 5]);
  });

  test('matrix pairs share their inner size, including 0 and 1', () => {
    const pairs = fc.sample(matrixPairArb({ layout: 'any' }), 300);
    for (const [a, b] of pairs) {
      expect(a.dim()).toBe(2);
      expect(a.shape[1]).toBe(b.shape[0]);
      expect(a.matmul(b).shape).toEqual([a.shape[0], b.shape[1]]);
    }
    const inner = pairs.map(([a]) => a.shape[1]);
    expect(inner).toContain(0);
    expect(inner).toContain(1);
  });

  test("broadcast pairs broadcast, in the engine's judgement, to the shape they report", () => {
    fc.assert(
      fc.property(broadcastPairArb({ minSize: 0, layout: 'any' }), ({ a, b, out }) => {
        expect(broadcastShapes(a.shape, b.shape)).toEqual(out);
        expect(a.add(b).shape).toEqual(out);
      }),
    );
  });
});

describe('readable tensors', () => {
  test('print small in counterexamples, without changing equality', () => {
    const t = readable(
      tensor([
        [1, 2],
        [3, 4],
      ]),
    );
    expect(fc.stringify(t)).toBe('tensor(shape=[2,2], data=[1,2,3,4])');
    expect(t).toEqual(
      tensor([
        [1, 2],
        [3, 4],
      ]),
    );
    expect(Object.keys(t)).not.toContain(String(fc.toStringMethod));
  });

  test('show strides and offset for views, the dtype when not float32, and elide long data', () => {
    const base = tensor([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(describeTensor(base.t())).toBe('tensor(shape=[3,2], stride=[1,3], data=[1,4,2,5,3,6])');
    expect(describeTensor(base.narrow(1, 1, 2))).toBe(
      'tensor(shape=[2,2], stride=[3,1], offset=1, data=[2,3,5,6])',
    );
    expect(describeTensor(tensor([1, 2], 'int32'))).toBe(
      'tensor(shape=[2], dtype=int32, data=[1,2])',
    );
    expect(describeTensor(fromValues(Array(30).fill(0.1), [30]))).toMatch(
      /data=\[0\.1,.*,… 6 more\]\)$/,
    );
  });
});
