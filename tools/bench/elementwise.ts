/**
 * The elementwise and reduction workloads of `npm run bench`: the add of two 1e6-element float32
 * tensors (also in place, `add_`, which allocates no result: the difference is what a fresh
 * 4 MB result costs), a [1000, 1000] + [1000] broadcast add, relu of 1e6 random numbers (half
 * of them negative), and a sum over dim 0 of [1000, 1000].
 */
import { manualSeed, randn } from '../../src';
import { measure, type Timing } from './measure';

export interface ElementwiseTiming {
  add: Timing;
  addInPlace: Timing;
  broadcastAdd: Timing;
  relu: Timing;
  sumDim0: Timing;
}

export async function runElementwise({ quick }: { quick: boolean }): Promise<ElementwiseTiming> {
  manualSeed(3);
  const u = randn(1_000_000);
  const v = randn(1_000_000);
  const m = randn(1000, 1000);
  const row = randn(1000);
  const into = u.clone();
  const budgetMs = quick ? 300 : 1000;
  return {
    add: await measure('add 1e6', () => u.add(v), { budgetMs }),
    // Into a copy, so `u` stays as the other rows see it; the sums grow, the time does not.
    addInPlace: await measure('add_ 1e6', () => into.add_(v), { budgetMs }),
    broadcastAdd: await measure('[1000,1000] + [1000]', () => m.add(row), { budgetMs }),
    relu: await measure('relu 1e6', () => u.relu(), { budgetMs }),
    sumDim0: await measure('[1000,1000].sum(0)', () => m.sum(0), { budgetMs }),
  };
}
