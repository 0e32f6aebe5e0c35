import fc from 'fast-check';
import {
  broadcastShapes,
  contiguousStrides,
  expandAs,
  unsqueeze,
} from '@kata/03-expand-as/strides';
import {
  broadcastShapes as engineBroadcastShapes,
  countOps,
  tensor,
  zeros,
  type Tensor,
} from '../../src';
import {
  assertClose,
  broadcastPairArb,
  checkView,
  broadcastShapesArb,
  expectThrows,
  incompatibleShapesArb,
  kataProperty,
  kataTest,
  readable,
  shapeArb,
  snapshot,
  tensorArb,
  thrownMessage,
  type LayoutChoice,
} from '../../src/testing';

// Views copy nothing and compute nothing, so their values equal the engine's exactly, even for
// non-integer floats: eps 0, no rounding to allow for (float32's unit roundoff 2^-24 never enters).
const EXACT = 0;

/** What makes a view a view: the same storage object and where in it the view starts. */
function expectSameMemory(view: Tensor, original: Tensor): void {
  expect(view.storage() === original.storage()).toBe(true);
  expect(view.storage().size).toBe(original.storage().size);
  expect(view.offset).toBe(original.offset);
  expect(view.dtype).toBe(original.dtype);
}

/** The lesson's vector: c = tensor([10., 20., 30.]). */
const lessonVector = () => readable(tensor([10, 20, 30], { dtype: 'float32' }));

/** Tensors of every dtype the views must keep: float32 and float64 with non-integer values, int32. */
function anyDtypeTensorArb(options: { maxDims: number; maxSize: number; layout: LayoutChoice }) {
  return fc.oneof(
    tensorArb({ ...options, dtype: 'float32', values: 'float' }),
    tensorArb({ ...options, dtype: 'float64', values: 'float' }),
    tensorArb({ ...options, dtype: 'int32' }),
  );
}

/** Broadcastable pairs of every dtype (see anyDtypeTensorArb). */
function anyDtypePairArb(options: {
  maxDims: number;
  minSize: number;
  maxSize: number;
  layout: LayoutChoice;
}) {
  return fc.oneof(
    broadcastPairArb({ ...options, dtype: 'float32', values: 'float' }),
    broadcastPairArb({ ...options, dtype: 'float64', values: 'float' }),
    broadcastPairArb({ ...options, dtype: 'int32' }),
  );
}

/**
 * The engine ops `fn` runs, by name, whether it returns or throws (an answer must not ask the
 * engine even for an error message). A stub's "not implemented yet" still fails the test.
 */
function opsRun(fn: () => unknown): Record<string, number> {
  return countOps(() => thrownMessage(fn)).counts;
}

/** The only engine calls unsqueeze and expandAs may make: building a view over t's storage. */
const VIEW_BUILDERS = ['fromStorage', 'asStrided'];

function otherThanViewBuilders(counts: Record<string, number>): string[] {
  return Object.keys(counts).filter((name) => !VIEW_BUILDERS.includes(name));
}

/** One aligned dimension of a shape pair: equal, a 1 on one side, or two sizes that clash. */
const dimPairArb = fc.record({
  kind: fc.constantFrom('clash', 'clash', 'equal', 'aOne', 'bOne'),
  size: fc.integer({ min: 2, max: 4 }),
  step: fc.integer({ min: 1, max: 2 }),
  swap: fc.boolean(),
});

/**
 * Two shapes with at least two dimensions that clash (`clashes(sizeA, sizeB)`), and leading
 * dimensions only `b` has when `leadOnB`, or only on either side otherwise. PyTorch compares
 * from the right, so its error names the rightmost clash.
 */
function severalClashesArb(clashes: (a: number, b: number) => boolean, leadOnB: boolean) {
  return fc
    .tuple(
      fc.array(dimPairArb, { minLength: 2, maxLength: 4 }),
      fc.array(fc.integer({ min: 1, max: 3 }), { maxLength: 2 }),
      fc.boolean(),
    )
    .map(([dims, lead, leadOnA]) => {
      const a = dims.map(({ kind, size, step, swap }) =>
        kind === 'aOne' ? 1 : kind === 'clash' && swap ? size + step : size,
      );
      const b = dims.map(({ kind, size, step, swap }) =>
        kind === 'bOne' ? 1 : kind === 'clash' && !swap ? size + step : size,
      );
      return leadOnA && !leadOnB ? { a: [...lead, ...a], b } : { a, b: [...lead, ...b] };
    })
    .filter(({ a, b }) => {
      const tail = Math.min(a.length, b.length);
      const aligned = Array.from({ length: tail }, (_, j) => [
        a[a.length - tail + j],
        b[b.length - tail + j],
      ]);
      return aligned.filter(([x, y]) => clashes(x, y)).length >= 2;
    });
}

/**
 * Two shapes that do not broadcast (incompatibleShapesArb: same rank, one clash), where the
 * clashing size on one side is sometimes 0: a 0 stretches no more than a 2 does, only a 1 does.
 */
function incompatibleArb(options: { maxDims: number; maxSize: number }) {
  return fc
    .tuple(incompatibleShapesArb(options), fc.constantFrom('none', 'a', 'b'))
    .map(([{ a, b, dimFromEnd }, zeroSide]) => {
      const dim = a.length + dimFromEnd;
      return {
        a: a.map((size, d) => (d === dim && zeroSide === 'a' ? 0 : size)),
        b: b.map((size, d) => (d === dim && zeroSide === 'b' ? 0 : size)),
        dimFromEnd,
      };
    });
}

describe('03 · contiguousStrides', () => {
  kataTest(
    'contiguousStrides of [2, 3, 4] is [12, 4, 1]; of [] is []; of [2, 0, 3] is [3, 3, 1]',
    () => {
      expect(contiguousStrides([2, 3, 4])).toStrictEqual([12, 4, 1]);
      expect(contiguousStrides([5])).toStrictEqual([1]);
      expect(contiguousStrides([])).toStrictEqual([]);
      expect(contiguousStrides([2, 0, 3])).toStrictEqual([3, 3, 1]);
    },
  );

  kataProperty(
    'contiguousStrides equals the strides of a freshly made tensor of that shape',
    [shapeArb({ maxDims: 4, minSize: 0, maxSize: 5 })],
    (shape) => {
      // toStrictEqual: a plain Array of exactly shape.length integers, no holes or extra entries
      const strides = contiguousStrides(shape);
      expect(strides).toStrictEqual(zeros(shape).stride());
      expect(strides.every((s) => Number.isInteger(s))).toBe(true);
    },
    { examples: [[[2, 3, 4]], [[3, 1, 2]]] },
  );

  kataProperty(
    'contiguousStrides leaves its shape array alone and returns a new array',
    [shapeArb({ maxDims: 4, minSize: 0, maxSize: 5 })],
    (shape) => {
      const before = [...shape];
      const strides = contiguousStrides(shape);
      expect(shape).toStrictEqual(before);
      expect(strides === shape).toBe(false);
    },
    { examples: [[[2, 3, 4]]] },
  );

  kataProperty(
    'contiguousStrides runs no engine op: it is plain array arithmetic',
    [shapeArb({ maxDims: 4, minSize: 0, maxSize: 5 })],
    (shape) => {
      expect(opsRun(() => contiguousStrides(shape))).toStrictEqual({});
    },
    { examples: [[[2, 3, 4]]] },
  );
});

describe('03 · broadcastShapes', () => {
  kataTest('broadcastShapes of [3] and [3, 1] is [3, 3]', () => {
    expect(broadcastShapes([3], [3, 1])).toStrictEqual([3, 3]);
    expect(broadcastShapes([3, 1], [3])).toStrictEqual([3, 3]);
  });

  kataTest('broadcastShapes of [2] and [2, 3] fails: 2 against 3 at dimension 1', () => {
    expectThrows(
      () => broadcastShapes([2], [2, 3]),
      'The size of tensor a (2) must match the size of tensor b (3) at non-singleton dimension 1',
      { shapes: { a: [2], b: [2, 3] } },
    );
    expectThrows(
      () => broadcastShapes([2, 3], [4, 2, 4]),
      'The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 2',
      { shapes: { a: [2, 3], b: [4, 2, 4] } },
    );
  });

  kataProperty(
    'broadcastShapes gives the shape both sides stretch to, as the engine does',
    [broadcastShapesArb({ maxDims: 4, minSize: 0, maxSize: 4 })],
    ({ a, b, out }) => {
      // toStrictEqual, not toEqual: toEqual would accept extra `undefined` entries at the end
      const result = broadcastShapes(a, b);
      expect(result).toStrictEqual(out);
      expect(result).toStrictEqual(engineBroadcastShapes(a, b));
    },
    {
      examples: [
        [{ a: [3], b: [3, 1], out: [3, 3] }],
        [{ a: [0, 1], b: [1], out: [0, 1] }],
        [{ a: [1, 2], b: [0, 1], out: [0, 2] }],
      ],
    },
  );

  kataProperty(
    'broadcastShapes rejects sizes that differ with neither 1, naming both sizes and the output dimension',
    [incompatibleArb({ maxDims: 4, maxSize: 4 })],
    ({ a, b, dimFromEnd }) => {
      const dim = a.length + dimFromEnd;
      expectThrows(
        () => broadcastShapes(a, b),
        `The size of tensor a (${a[dim]}) must match the size of tensor b (${b[dim]}) at non-singleton dimension ${dim}`,
        { shapes: { a, b } },
      );
    },
    {
      examples: [[{ a: [2], b: [0], dimFromEnd: -1 }], [{ a: [0, 3], b: [2, 3], dimFromEnd: -2 }]],
    },
  );

  kataProperty(
    'broadcastShapes with several clashing dimensions names the rightmost clash, as the engine does',
    [severalClashesArb((x, y) => x !== y && x !== 1 && y !== 1, /* leadOnB */ false)],
    ({ a, b }) => {
      const expected = thrownMessage(() => engineBroadcastShapes(a, b))!;
      expectThrows(() => broadcastShapes(a, b), expected, { shapes: { a, b } });
    },
    { examples: [[{ a: [2, 3], b: [4, 5] }], [{ a: [2, 3, 1], b: [5, 3, 4, 2] }]] },
  );

  kataProperty(
    'broadcastShapes leaves both shape arrays alone and returns a new array',
    [broadcastShapesArb({ maxDims: 4, minSize: 0, maxSize: 4 })],
    ({ a, b }) => {
      const [aBefore, bBefore] = [[...a], [...b]];
      const result = broadcastShapes(a, b);
      expect({ a, b }).toStrictEqual({ a: aBefore, b: bBefore });
      // The caller owns the result: changing it must not change the shapes it came from.
      result.push(7);
      result.fill(7);
      expect({ a, b }).toStrictEqual({ a: aBefore, b: bBefore });
      // …nor what the next call returns
      expect(broadcastShapes(a, b)).toStrictEqual(engineBroadcastShapes(aBefore, bBefore));
    },
    {
      examples: [
        [{ a: [2, 3], b: [], out: [2, 3] }],
        [{ a: [], b: [4], out: [4] }],
        [{ a: [3], b: [2, 3], out: [2, 3] }],
      ],
    },
  );

  kataProperty(
    'broadcastShapes runs no engine op, also when it throws: it is plain array code',
    [
      fc.oneof(
        broadcastShapesArb({ maxDims: 4, minSize: 0, maxSize: 4 }).map(({ a, b }) => ({ a, b })),
        incompatibleArb({ maxDims: 4, maxSize: 4 }).map(({ a, b }) => ({ a, b })),
      ),
    ],
    ({ a, b }) => {
      expect(opsRun(() => broadcastShapes(a, b))).toStrictEqual({});
    },
    { examples: [[{ a: [3], b: [3, 1] }], [{ a: [2], b: [2, 3] }]] },
  );
});

describe('03 · unsqueeze', () => {
  kataTest(
    'unsqueeze of [10, 20, 30] at 0 is a 1x3 view with stride [3, 1]; at -1 a 3x1 view with stride [1, 1]',
    () => {
      const c = lessonVector();
      const row = unsqueeze(c, 0);
      expect([row.shape, row.stride()]).toStrictEqual([
        [1, 3],
        [3, 1],
      ]);
      expectSameMemory(row, c);
      assertClose(row, tensor([[10, 20, 30]], { dtype: 'float32' }), EXACT);
      const column = unsqueeze(c, -1);
      expect([column.shape, column.stride()]).toStrictEqual([
        [3, 1],
        [1, 1],
      ]);
      expectSameMemory(column, c);
      assertClose(column, tensor([[10], [20], [30]], { dtype: 'float32' }), EXACT);
    },
  );

  kataProperty(
    'unsqueeze gives the engine’s shape and strides for every dim, negative ones too, over the same memory',
    [anyDtypeTensorArb({ maxDims: 3, maxSize: 3, layout: 'any' }), fc.integer({ min: -4, max: 3 })],
    (t, dim) => {
      fc.pre(dim >= -(t.dim() + 1) && dim <= t.dim());
      const expected = t.unsqueeze(dim);
      const view = unsqueeze(t, dim);
      checkView({ name: 't', tensor: t }, expected, view, () => {
        expect({ shape: view.shape, stride: view.stride() }).toStrictEqual({
          shape: expected.shape,
          stride: expected.stride(),
        });
        expectSameMemory(view, t);
        // a Tensor on both sides: the dtype is compared too
        assertClose(view, expected, EXACT);
      });
    },
  );

  kataProperty(
    'unsqueeze rejects a dim outside [-(n+1), n] with “Dimension out of range”',
    [tensorArb({ maxDims: 3, maxSize: 2 }), fc.integer({ min: 1, max: 3 }), fc.boolean()],
    (t, beyond, negative) => {
      const n = t.dim();
      const dim = negative ? -(n + 1) - beyond : n + beyond;
      expectThrows(
        () => unsqueeze(t, dim),
        `Dimension out of range (expected to be in range of [${-(n + 1)}, ${n}], but got ${dim})`,
      );
    },
  );

  kataProperty(
    'unsqueeze leaves its input alone and returns a new tensor with its own shape array',
    [tensorArb({ maxDims: 3, maxSize: 3, layout: 'any' }), fc.integer({ min: -4, max: 3 })],
    (t, dim) => {
      fc.pre(dim >= -(t.dim() + 1) && dim <= t.dim());
      const before = snapshot(t);
      const view = unsqueeze(t, dim);
      expect(snapshot(t)).toStrictEqual(before);
      expect(view === t).toBe(false);
      // A caller that changes the view's shape array must not change t's.
      (view.shape as number[]).push(1);
      expect(snapshot(t)).toStrictEqual(before);
    },
  );

  kataProperty(
    'unsqueeze builds its view with fromStorage (or asStrided) and calls no other engine op',
    [tensorArb({ maxDims: 3, maxSize: 3, layout: 'any' }), fc.integer({ min: -5, max: 4 })],
    (t, dim) => {
      // in range or not: the range check is plain arithmetic too
      expect(otherThanViewBuilders(opsRun(() => unsqueeze(t, dim)))).toStrictEqual([]);
    },
  );
});

describe('03 · expandAs', () => {
  kataTest(
    'expandAs of [10, 20, 30] to 3x3 keeps a storage of 3 numbers and has stride [0, 1]',
    () => {
      const c = lessonVector();
      const t = expandAs(c, zeros(3, 3));
      checkView({ name: 'c', tensor: c }, c.expandAs(zeros(3, 3)), t, () => {
        expect(t.shape).toStrictEqual([3, 3]);
        expect(t.stride()).toStrictEqual([0, 1]);
        expect(t.storage().size).toBe(3);
        expectSameMemory(t, c);
      });
      assertClose(
        t,
        tensor(
          [
            [10, 20, 30],
            [10, 20, 30],
            [10, 20, 30],
          ],
          { dtype: 'float32' },
        ),
        EXACT,
      );
    },
  );

  kataProperty(
    'expandAs is a view: same storage and offset, stride 0 on every stretched dim, the input’s stride elsewhere',
    [anyDtypePairArb({ maxDims: 3, minSize: 0, maxSize: 3, layout: 'any' })],
    ({ a, b, out }) => {
      for (const [name, t] of [['a', a] as const, ['b', b] as const]) {
        const view = expandAs(t, zeros(out));
        checkView({ name, tensor: t }, t.expandAs(zeros(out)), view, () => {
          expect(view.shape).toStrictEqual(out);
          expectSameMemory(view, t);
          expect(view.stride()).toStrictEqual(expectedExpandStrides(t, out));
        });
      }
    },
    { examples: [[{ a: lessonVector(), b: readable(zeros(3, 3)), out: [3, 3] }]] },
  );

  kataProperty(
    'expandAs reads the same values as the engine’s expandAs',
    [anyDtypePairArb({ maxDims: 3, minSize: 0, maxSize: 3, layout: 'any' })],
    ({ a, b, out }) => {
      const other = zeros(out);
      // a Tensor on both sides: the dtype is compared too
      for (const t of [a, b]) assertClose(expandAs(t, other), t.expandAs(other), EXACT);
    },
  );

  kataTest('expandAs of a [3] tensor to 2x4 fails: 4 against 3 at dimension 1', () => {
    expectThrows(
      () => expandAs(lessonVector(), zeros(2, 4)),
      'The expanded size of the tensor (4) must match the existing size (3) at non-singleton dimension 1.  Target sizes: [2, 4].  Tensor sizes: [3]',
      { shapes: { t: [3], other: [2, 4] } },
    );
  });

  kataProperty(
    'expandAs rejects a size that is neither equal nor 1 with the engine’s message',
    [incompatibleArb({ maxDims: 3, maxSize: 4 })],
    ({ a, b }) => {
      const t = readable(zeros(a));
      const other = zeros(b);
      expectThrows(
        () => expandAs(t, other),
        thrownMessage(() => t.expandAs(other))!,
        { shapes: { t: a, other: b } },
      );
    },
    {
      examples: [
        [{ a: [2], b: [0], dimFromEnd: -1 }],
        [{ a: [0], b: [3], dimFromEnd: -1 }],
        [{ a: [2, 0], b: [2, 3], dimFromEnd: -1 }],
      ],
    },
  );

  kataProperty(
    'expandAs with several dimensions that do not fit names the rightmost one, as the engine does',
    [severalClashesArb((size, target) => size !== target && size !== 1, /* leadOnB */ true)],
    ({ a, b }) => {
      const t = readable(zeros(a));
      const other = zeros(b);
      expectThrows(
        () => expandAs(t, other),
        thrownMessage(() => t.expandAs(other))!,
        { shapes: { t: a, other: b } },
      );
    },
    { examples: [[{ a: [2, 3], b: [4, 5] }], [{ a: [3, 1, 2], b: [5, 2, 4, 1] }]] },
  );

  kataTest(
    'expandAs rejects a target with fewer dimensions than the tensor before comparing any size',
    () => {
      const cases: [number[], number[]][] = [
        [[2, 3], [3]],
        [[1, 1], []],
        [
          [2, 1, 3],
          [4, 3],
        ],
        // 5 against 3 would clash too, but PyTorch counts the dimensions first
        [[2, 5], [3]],
      ];
      for (const [shape, target] of cases) {
        // PyTorch's words, after a prefix naming the call (the engine's: `expand(torch.FloatTensor{[2, 3]}, size=[3]): `)
        const words = `the number of sizes provided (${target.length}) must be greater or equal to the number of dimensions in the tensor (${shape.length})`;
        const escaped = words.replace(/[()[\]]/g, '\\$&');
        expectThrows(() => expandAs(zeros(shape), zeros(target)), new RegExp(`${escaped}$`));
      }
    },
  );

  kataProperty(
    'expandAs leaves both tensors alone and returns a new tensor with its own shape array',
    [broadcastPairArb({ maxDims: 3, minSize: 0, maxSize: 3, layout: 'any' })],
    ({ a, out }) => {
      const other = readable(zeros(out));
      const [tBefore, otherBefore] = [snapshot(a), snapshot(other)];
      const view = expandAs(a, other);
      expect({ t: snapshot(a), other: snapshot(other) }).toStrictEqual({
        t: tBefore,
        other: otherBefore,
      });
      // a new view even when nothing stretches, as PyTorch's expand_as: `y is x` is False
      expect(view === a).toBe(false);
      // A caller that changes the view's shape array must not change t's or other's.
      (view.shape as number[]).push(1);
      expect({ t: snapshot(a), other: snapshot(other) }).toStrictEqual({
        t: tBefore,
        other: otherBefore,
      });
    },
    {
      examples: [
        [{ a: readable(zeros(2, 3)), b: readable(zeros(2, 3)), out: [2, 3] }],
        [{ a: lessonVector(), b: readable(zeros(3, 3)), out: [3, 3] }],
      ],
    },
  );

  kataProperty(
    'expandAs builds its view with fromStorage (or asStrided) and calls no other engine op',
    [
      fc.oneof(
        broadcastPairArb({ maxDims: 3, minSize: 0, maxSize: 3, layout: 'any' }).map(
          ({ a, out }) => ({ t: a, target: out }),
        ),
        incompatibleArb({ maxDims: 3, maxSize: 4 }).map(({ a, b }) => ({
          t: readable(zeros(a)),
          target: b,
        })),
      ),
    ],
    ({ t, target }) => {
      const other = zeros(target);
      // whether it fits or not: the checks and the error message are plain array code
      expect(otherThanViewBuilders(opsRun(() => expandAs(t, other)))).toStrictEqual([]);
    },
    {
      examples: [
        [{ t: lessonVector(), target: [3, 3] }],
        [{ t: lessonVector(), target: [2, 4] }],
        [{ t: readable(zeros(2, 3)), target: [3] }],
      ],
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
