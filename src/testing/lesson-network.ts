/**
 * The lesson's two-layer network as test data, shared by the katas that differentiate it (05 by
 * hand, 06 with modules, 08 with autograd): random small-integer cases, and the scale their
 * float32 gradients are compared on.
 */
import fc from 'fast-check';
import type { Tensor } from '../tensor';
import { readable } from './describe';
import { LAYOUT_KINDS, layoutSpecArb, withLayout, type LayoutSpec } from './layouts';

/** The largest size of any dimension: also K, the most terms any sum of the network adds. */
export const LESSON_MAX_SIZE = 5;

/** inp [n, i], targ [n], w1 [i, h], b1 [h], w2 [h, 1], b2 [1] (kata 05's layout). */
export interface LessonNetwork {
  inp: Tensor;
  targ: Tensor;
  w1: Tensor;
  b1: Tensor;
  w2: Tensor;
  b2: Tensor;
}

const VALUES = LESSON_MAX_SIZE * LESSON_MAX_SIZE;
const valuesArb = fc.array(fc.integer({ min: -3, max: 3 }), {
  minLength: VALUES,
  maxLength: VALUES,
});
const sizeArb = fc.integer({ min: 1, max: LESSON_MAX_SIZE });
const layoutArb = layoutSpecArb(LAYOUT_KINDS, 2);

function build(values: number[], shape: number[], layout: LayoutSpec): Tensor {
  return readable(withLayout(values, shape, layout, 'float32'));
}

/**
 * Random networks with small integers in -3..3: every forward value is an integer under 2^24, so
 * the forward pass is exact in float32 whatever order a sum is taken in, and relu's input is often
 * exactly 0. Batch size 1 included; weights often arrive transposed, strided or expanded.
 */
export function lessonNetworkArb(): fc.Arbitrary<LessonNetwork> {
  return fc
    .tuple(
      fc.tuple(sizeArb, sizeArb, sizeArb),
      fc.tuple(valuesArb, valuesArb, valuesArb, valuesArb, valuesArb, valuesArb),
      fc.tuple(layoutArb, layoutArb, layoutArb),
    )
    .map(([[n, i, h], [vx, vw1, vb1, vw2, vb2, vt], [lx, lw1, lw2]]) => ({
      inp: build(vx, [n, i], lx),
      targ: build(vt, [n], lx),
      w1: build(vw1, [i, h], lw1),
      b1: build(vb1, [h], lw1),
      w2: build(vw2, [h, 1], lw2),
      b2: build(vb2, [1], lw2),
    }));
}

/**
 * How close two float32 computations of the network's gradients must be, relative to the largest
 * entry of `lessonGradientScale`. The forward pass is exact (small integers), so both take the
 * same relu mask. Rounding enters at the loss gradient: 2·diff/n by hand, (1/n)·2·diff in
 * autograd, each within 3u of the exact value, where u = 2^-24 is float32's unit roundoff. Every
 * later step is a matrix product or a batch sum of at most K = LESSON_MAX_SIZE products; such a
 * sum is off by at most K·u times the sum of the absolute values of its terms (the classic γ_K
 * bound). A gradient is at most three steps from the loss (out.g → l2.g → l1.g → inp.g), so each
 * answer lies within (3 + 3K)·u of the exact value, relative to the same gradient computed from
 * absolute values, and two answers within twice that of each other: 2·(3 + 3K)·u ≈ 4.3e-6. Each
 * wrong formula the katas guard against moves a gradient by a sizeable fraction of the scale.
 */
export const LESSON_GRADIENT_RELATIVE = 2 * (3 + 3 * LESSON_MAX_SIZE) * 2 ** -24;

/**
 * The network's gradients computed from absolute values (|inp|, |w|, |diff|), with the relu mask
 * of the real forward pass: the scale the rounding of each gradient is bounded by.
 */
export function lessonGradientScale(
  net: LessonNetwork,
): Record<'inp' | 'w1' | 'b1' | 'w2' | 'b2' | 'l1' | 'l2' | 'out', Tensor> {
  const l1 = net.inp.matmul(net.w1).add(net.b1);
  const l2 = l1.relu();
  const diff = l2.matmul(net.w2).add(net.b2).squeeze(-1).sub(net.targ);
  const outG = diff
    .abs()
    .unsqueeze(-1)
    .mul(2 / net.targ.shape[0]);
  const l2G = outG.matmul(net.w2.abs().t());
  const l1G = l2G.mul(l1.gt(0).float());
  return {
    inp: l1G.matmul(net.w1.abs().t()),
    w1: net.inp.abs().t().matmul(l1G),
    b1: l1G.sum(0),
    w2: l2.t().matmul(outG),
    b2: outG.sum(0),
    l1: l1G,
    l2: l2G,
    out: outG,
  };
}
