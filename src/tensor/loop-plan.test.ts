import fc from 'fast-check';
import { offsetsOf, planLoops, swapInnerLoops, type LoopPlan } from './loop-plan';
import { numel, unravel } from './test/reference';

const { floor } = Math;

/** A shape with, for two operands, any strides (0 for broadcast, gaps, any order) and offsets. */
const operandsArb = fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 5 }).chain((shape) =>
  fc.tuple(
    fc.constant(shape),
    fc.array(
      fc.array(fc.integer({ min: 0, max: 40 }), {
        minLength: shape.length,
        maxLength: shape.length,
      }),
      {
        minLength: 2,
        maxLength: 2,
      },
    ),
    fc.array(fc.nat({ max: 5 }), { minLength: 2, maxLength: 2 }),
  ),
);

/** The offsets the plan visits, per operand, in the plan's own order (the way a kernel walks). */
function walk(plan: LoopPlan): number[][] {
  const visits: number[][] = plan.offsets.map(() => []);
  const sizes = plan.sizes;
  for (let i = 0; i < plan.numel; i++) {
    let rest = i;
    plan.offsets.forEach((start, o) => {
      let p = start;
      rest = i;
      for (let d = 0; d < sizes.length; d++) {
        p += (rest % sizes[d]) * plan.steps[o][d];
        rest = floor(rest / sizes[d]);
      }
      visits[o].push(p);
    });
  }
  return visits;
}

/** The naive row-major walk: for each multi-index, every operand's offset. */
function naive(shape: number[], strides: number[][], offsets: number[]): number[][] {
  return offsets.map((start, o) =>
    Array.from({ length: numel(shape) }, (_, i) =>
      unravel(i, shape).reduce((p, x, d) => p + x * strides[o][d], start),
    ),
  );
}

/** The element pairs (one offset per operand) a walk visits, sorted: the order-free content. */
function pairs(visits: number[][]): string[] {
  return visits[0].map((_, i) => visits.map((v) => v[i]).join(',')).sort();
}

describe('loop plans', () => {
  test('in row-major order, a plan visits exactly the naive walk', () => {
    fc.assert(
      fc.property(operandsArb, ([shape, strides, offsets]) => {
        const plan = planLoops(shape, strides, offsets, false);
        expect(plan.numel).toBe(numel(shape));
        expect(walk(plan)).toEqual(naive(shape, strides, offsets));
        expect([...offsetsOf(shape, strides[0], offsets[0])]).toEqual(
          naive(shape, strides, offsets)[0],
        );
      }),
    );
  });

  test('reordered or with its inner loops swapped, a plan pairs up the same elements', () => {
    fc.assert(
      fc.property(operandsArb, ([shape, strides, offsets]) => {
        const plan = planLoops(shape, strides, offsets, true);
        const expected = pairs(naive(shape, strides, offsets));
        expect(pairs(walk(plan))).toEqual(expected);
        if (plan.sizes.length >= 2) expect(pairs(walk(swapInnerLoops(plan)))).toEqual(expected);
      }),
    );
  });

  test('size-1 dims vanish, contiguous dims merge, and the smallest steps go innermost', () => {
    const contiguous = planLoops([2, 1, 3, 4], [[12, 12, 4, 1]], [0], true);
    expect(contiguous.sizes).toEqual([24]);
    // A transposed operand is walked along its memory: its unit-step dim becomes the inner loop.
    const transposed = planLoops([3, 5], [[1, 3]], [0], true);
    expect(transposed).toMatchObject({ sizes: [15], steps: [[1]] });
    // The lesson's a[i].unsqueeze(-1) * b: the row broadcasts along b's columns (step 0).
    const broadcast = planLoops(
      [784, 10],
      [
        [10, 1],
        [1, 0],
        [10, 1],
      ],
      [0, 0, 0],
      true,
    );
    expect(broadcast.sizes).toEqual([10, 784]);
    expect(broadcast.steps).toEqual([
      [1, 10],
      [0, 1],
      [1, 10],
    ]);
    expect(planLoops([3, 0, 2], [[0, 0, 0]], [0], true).numel).toBe(0);
    expect(planLoops([], [[]], [7], true)).toMatchObject({ sizes: [], numel: 1, offsets: [7] });
  });
});
