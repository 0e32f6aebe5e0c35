/**
 * The lesson's ladder: the same 5x784 @ 784x10 product (five digits through a 784-10 layer)
 * written five ways, each step removing a loop, with the speed-up each step buys.
 */
import { manualSeed, matmul as engineMatmul, randn, type Tensor } from '../../src';
import { matmul as loopMatmul } from '../../solutions/01-loop-matmul/matmul';
import {
  matmulBroadcast,
  matmulDot,
  matmulEinsum,
} from '../../solutions/02-broadcast-matmul/matmul';
import { measure, type Timing } from './measure';

export interface LadderStep {
  name: string;
  /** What the lesson measured in Python/PyTorch, where it gave a number. */
  lesson: string;
  /** PyTorch on the machine these docs were measured on, for a same-machine comparison. */
  pytorchHere: string;
  timing: Timing;
  /** Time of the previous step divided by this one's. */
  speedupOverPrevious: number;
  speedupOverLoop: number;
  /** Largest |difference| from the engine's matmul: every rung must compute the same product. */
  maxAbsDiff: number;
}

const RUNGS: {
  name: string;
  lesson: string;
  pytorchHere: string;
  fn: (a: Tensor, b: Tensor) => Tensor;
}[] = [
  { name: 'triple loop (kata 01)', lesson: '626 ms', pytorchHere: '~600 ms', fn: loopMatmul },
  {
    name: 'elementwise row·col (kata 02)',
    lesson: '829 µs',
    pytorchHere: '~1.1 ms',
    fn: matmulDot,
  },
  { name: 'broadcast (kata 02)', lesson: '167 µs', pytorchHere: '120–165 µs', fn: matmulBroadcast },
  { name: 'einsum (kata 02)', lesson: '', pytorchHere: '26–52 µs', fn: matmulEinsum },
  { name: 'engine matmul', lesson: '', pytorchHere: '7–10 µs (`@`)', fn: engineMatmul },
];

function maxAbsDiff(a: Tensor, b: Tensor): number {
  const x = a.toArray() as number[][];
  const y = b.toArray() as number[][];
  let worst = 0;
  x.forEach((row, i) => row.forEach((v, j) => (worst = Math.max(worst, Math.abs(v - y[i][j])))));
  return worst;
}

export async function runLadder({ quick }: { quick: boolean }): Promise<LadderStep[]> {
  manualSeed(1);
  const a = randn(5, 784);
  const b = randn(784, 10);
  const expected = engineMatmul(a, b);
  const steps: LadderStep[] = [];
  for (const rung of RUNGS) {
    const timing = await measure(rung.name, () => rung.fn(a, b), { budgetMs: quick ? 300 : 1500 });
    const previous = steps.at(-1);
    steps.push({
      name: rung.name,
      lesson: rung.lesson,
      pytorchHere: rung.pytorchHere,
      timing,
      speedupOverPrevious: previous ? previous.timing.medianMs / timing.medianMs : 1,
      speedupOverLoop: steps.length ? steps[0].timing.medianMs / timing.medianMs : 1,
      maxAbsDiff: maxAbsDiff(rung.fn(a, b), expected),
    });
  }
  return steps;
}
