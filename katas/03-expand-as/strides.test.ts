import fc from 'fast-check';
import {
  broadcastShapes,
  contiguousStrides,
  expandAs,
  unsqueeze,
} from '@kata/03-expand-as/strides';
import { broadcastShapes as engineBroadcastShapes, tensor, zeros, type Tensor } from '../../src';
import {
  assertClose,
  broadcastPairArb,
  broadcastShapesArb,
  incompatibleShapesArb,
  kataProperty,
  kataTest,
  readable,
  shapeArb,
  tensorArb,
  thrownMessage,
} from '../../src/testing';

// Views copy nothing, so their values must equal the engine's exactly.
const EXACT = 0;

/** What makes a view a view: the same storage object and where in it the view starts. */
function expectSameMemory(view: Tensor, original: Tensor): void {
  expect(view.storage() === original.storage()).toBe(true);
  expect(view.storage().size).toBe(original.storage().size);
  expect(view.offset).toBe(original.offset);
}

/** The lesson's vector: c = tensor([10., 20., 30.]). */
const lessonVector = () => readable(tensor([10, 20, 30]));

describe('03 · contiguousStrides', () => {
  kataTest(
    'contiguousStrides of [2, 3, 4] is [12, 4, 1]; of [] is []; of [2, 0, 3] is [3, 3, 1]',
    () => {
      expect(contiguousStrides([2, 3, 4])).toEqual([12, 4, 1]);
      expect(contiguousStrides([5])).toEqual([1]);
      expect(contiguousStrides([])).toEqual([]);
      expect(contiguousStrides([2, 0, 3])).toEqual([3, 3, 1]);
    },
  );

  kataProperty(
    'contiguousStrides equals the strides of a freshly made tensor of that shape',
    [shapeArb({ maxDims: 4, minSize: 0, maxSize: 5 })],
    (shape) => {
      expect(contiguousStrides(shape)).toEqual(zeros(shape).stride());
    },
    { examples: [[[2, 3, 4]], [[3, 1, 2]]] },
  );
});

describe('03 · broadcastShapes', () => {
  kataTest('broadcastShapes of [3] and [3, 1] is [3, 3]', () => {
    expect(broadcastShapes([3], [3, 1])).toEqual([3, 3]);
    expect(broadcastShapes([3, 1], [3])).toEqual([3, 3]);
  });

  kataTest('broadcastShapes of [2] and [2, 3] fails: 2 against 3 at dimension 1', () => {
    expect(thrownMessage(() => broadcastShapes([2], [2, 3]))).toBe(
      'The size of tensor a (2) must match the size of tensor b (3) at non-singleton dimension 1',
    );
    expect(thrownMessage(() => broadcastShapes([2, 3], [4, 2, 4]))).toBe(
      'The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 2',
    );
  });

  kataProperty(
    'broadcastShapes gives the shape both sides stretch to, as the engine does',
    [broadcastShapesArb({ maxDims: 4, minSize: 0, maxSize: 4 })],
    (shapes) => {
      // toStrictEqual, not toEqual: toEqual would accept extra `undefined` entries at the end
      const result = broadcastShapes(shapes.a, shapes.b);
      expect(result).toStrictEqual(shapes.out);
      expect(result).toStrictEqual(engineBroadcastShapes(shapes.a, shapes.b));
    },
    { examples: [[{ a: [3], b: [3, 1], out: [3, 3] }]] },
  );

  kataProperty(
    'broadcastShapes rejects sizes that differ with neither 1, naming both sizes and the output dimension',
    [incompatibleShapesArb({ maxDims: 4, maxSize: 4 })],
    (shapes) => {
      const dim = shapes.a.length + shapes.dimFromEnd;
      expect(thrownMessage(() => broadcastShapes(shapes.a, shapes.b))).toBe(
        `The size of tensor a (${shapes.a[dim]}) must match the size of tensor b (${shapes.b[dim]}) at non-singleton dimension ${dim}`,
      );
    },
  );
});

describe('03 · unsqueeze', () => {
  kataTest(
    'unsqueeze of [10, 20, 30] at 0 is a 1x3 view with stride [3, 1]; at -1 a 3x1 view with stride [1, 1]',
    () => {
      const c = lessonVector();
      const row = unsqueeze(c, 0);
      expect([row.shape, row.stride()]).toEqual([
        [1, 3],
        [3, 1],
      ]);
      expectSameMemory(row, c);
      assertClose(row, [[10, 20, 30]], EXACT);
      const column = unsqueeze(c, -1);
      expect([column.shape, column.stride()]).toEqual([
        [3, 1],
        [1, 1],
      ]);
      expectSameMemory(column, c);
      assertClose(column, [[10], [20], [30]], EXACT);
    },
  );

  kataProperty(
    'unsqueeze gives the engine’s shape and strides for every dim, negative ones too, over the same memory',
    [tensorArb({ maxDims: 3, maxSize: 3, layout: 'any' }), fc.integer({ min: -4, max: 3 })],
    (t, dim) => {
      fc.pre(dim >= -(t.dim() + 1) && dim <= t.dim());
      const view = unsqueeze(t, dim);
      const expected = t.unsqueeze(dim);
      expect({ shape: view.shape, stride: view.stride() }).toEqual({
        shape: expected.shape,
        stride: expected.stride(),
      });
      expectSameMemory(view, t);
      assertClose(view, expected, EXACT);
    },
  );

  kataProperty(
    'unsqueeze rejects a dim outside [-(n+1), n] with “Dimension out of range”',
    [tensorArb({ maxDims: 3, maxSize: 2 }), fc.integer({ min: 1, max: 3 }), fc.boolean()],
    (t, beyond, negative) => {
      const n = t.dim();
      const dim = negative ? -(n + 1) - beyond : n + beyond;
      expect(thrownMessage(() => unsqueeze(t, dim))).toBe(
        `Dimension out of range (expected to be in range of [${-(n + 1)}, ${n}], but got ${dim})`,
      );
    },
  );
});

describe('03 · expandAs', () => {
  kataTest(
    'expandAs of [10, 20, 30] to 3x3 keeps a storage of 3 numbers and has stride [0, 1]',
    () => {
      const c = lessonVector();
      const t = expandAs(c, zeros(3, 3));
      expect(t.shape).toEqual([3, 3]);
      expect(t.stride()).toEqual([0, 1]);
      expect(t.storage().size).toBe(3);
      expectSameMemory(t, c);
      assertClose(
        t,
        [
          [10, 20, 30],
          [10, 20, 30],
          [10, 20, 30],
        ],
        EXACT,
      );
    },
  );

  kataProperty(
    'expandAs is a view: same storage and offset, stride 0 on every stretched dim, the input’s stride elsewhere',
    [broadcastPairArb({ maxDims: 3, minSize: 0, maxSize: 3, layout: 'any' })],
    (pair) => {
      for (const t of [pair.a, pair.b]) {
        const view = expandAs(t, zeros(pair.out));
        expect(view.shape).toEqual(pair.out);
        expectSameMemory(view, t);
        expect(view.stride()).toEqual(expectedExpandStrides(t, pair.out));
      }
    },
    { examples: [[{ a: lessonVector(), b: readable(zeros(3, 3)), out: [3, 3] }]] },
  );

  kataProperty(
    'expandAs reads the same values as the engine’s expandAs',
    [broadcastPairArb({ maxDims: 3, minSize: 0, maxSize: 3, layout: 'any' })],
    (pair) => {
      const other = zeros(pair.out);
      for (const t of [pair.a, pair.b]) assertClose(expandAs(t, other), t.expandAs(other), EXACT);
    },
  );

  kataTest('expandAs of a [3] tensor to 2x4 fails: 4 against 3 at dimension 1', () => {
    expect(thrownMessage(() => expandAs(lessonVector(), zeros(2, 4)))).toBe(
      'The expanded size of the tensor (4) must match the existing size (3) at non-singleton dimension 1.  Target sizes: [2, 4].  Tensor sizes: [3]',
    );
  });

  kataProperty(
    'expandAs rejects a size that is neither equal nor 1 with the engine’s message',
    [incompatibleShapesArb({ maxDims: 3, maxSize: 4 })],
    (shapes) => {
      const t = readable(zeros(shapes.a));
      const other = zeros(shapes.b);
      expect(thrownMessage(() => expandAs(t, other))).toBe(thrownMessage(() => t.expandAs(other)));
    },
  );

  kataTest(
    'expandAs rejects a target with fewer dimensions than the tensor, with a message',
    () => {
      const cases: [number[], number[]][] = [
        [[2, 3], [3]],
        [[1, 1], []],
        [
          [2, 1, 3],
          [4, 3],
        ],
      ];
      for (const [shape, target] of cases) {
        // an Error with an empty message tells the learner nothing
        expect(thrownMessage(() => expandAs(zeros(shape), zeros(target)))).toEqual(
          expect.stringMatching(/\S/),
        );
      }
    },
  );
});

/**
 * The strides the lesson asks for, dim by dim from the right: t's own stride where the size is
 * unchanged, 0 where a size of 1 (or a missing dimension) is stretched. A new leading dimension of
 * size 1 is never stepped along, so any stride is accepted there (PyTorch does not use 0).
 */
function expectedExpandStrides(t: Tensor, target: readonly number[]): unknown[] {
  const extra = target.length - t.dim();
  return target.map((size, i) => {
    const d = i - extra;
    if (d >= 0 && t.shape[d] === size) return t.stride()[d];
    if (d < 0 && size === 1) return expect.any(Number);
    return 0;
  });
}
