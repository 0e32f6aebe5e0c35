/**
 * The elementwise and reduction workloads of `npm run bench`: the add of two 1e6-element float32
 * tensors, a [1000, 1000] + [1000] broadcast add, and a sum over dim 0 of [1000, 1000].
 */
import { manualSeed, randn } from '../../src';
import { measure, type Timing } from './measure';

export interface ElementwiseTiming {
  add: Timing;
  broadcastAdd: Timing;
  sumDim0: Timing;
}

export async function runElementwise({ quick }: { quick: boolean }): Promise<ElementwiseTiming> {
  manualSeed(3);
  const u = randn(1_000_000);
  const v = randn(1_000_000);
  const m = randn(1000, 1000);
  const row = randn(1000);
  const budgetMs = quick ? 300 : 1000;
  return {
    add: await measure('add 1e6', () => u.add(v), { budgetMs }),
    broadcastAdd: await measure('[1000,1000] + [1000]', () => m.add(row), { budgetMs }),
    sumDim0: await measure('[1000,1000].sum(0)', () => m.sum(0), { budgetMs }),
  };
}
