/**
 * Before training with the learner's kata 06 Model, check it on a few digits against the engine's
 * autograd: a wrong gradient would not crash, it would just train badly and leave the learner
 * guessing. The check is the same one kata 06's tests make, cut down to one batch.
 */
import type { Tensor } from '../../src';
import { KATA_ID, KataNotReadyError, lessonWeights, type KataModelClass } from './kata-model';

const NAMES = ['w1', 'b1', 'w2', 'b2'];
/** float32 sums over 784 inputs: relative errors around 1e-6; a wrong formula is off by far more. */
export const TOLERANCE = 1e-3;

/** The largest difference, relative to the largest expected magnitude. */
export function relativeError(actual: Tensor, expected: Tensor): number {
  const scale = Math.max(expected.abs().max().item(), 1e-6);
  return actual.sub(expected).abs().max().item() / scale;
}

/** Throws KataNotReadyError naming the first gradient (or the loss) that disagrees with autograd. */
export function checkKataModel(
  Model: KataModelClass,
  x: Tensor,
  targets: Tensor,
  hidden: number,
): void {
  const weights = lessonWeights(hidden);
  const kataWeights = weights.map((w) => w.clone());
  const autoWeights = weights.map((w) => w.clone().requiresGrad_());

  const model = new Model(...(kataWeights as [Tensor, Tensor, Tensor, Tensor]));
  const kataLoss = model.call(x, targets);
  model.backward();

  const [w1, b1, w2, b2] = autoWeights;
  const out = x.matmul(w1).add(b1).relu().matmul(w2).add(b2);
  const loss = out.squeeze(-1).sub(targets).pow(2).mean();
  loss.backward();

  const advice = `its tests do not pass yet: npm run kata -- ${KATA_ID.slice(0, 2)}`;
  if (Math.abs(kataLoss.item() - loss.item()) > TOLERANCE * Math.max(1, Math.abs(loss.item())))
    throw new KataNotReadyError(
      `Your kata ${KATA_ID} Model computes loss ${kataLoss.item()} where the lesson's MLP gives ${loss.item()}; ${advice}`,
    );
  kataWeights.forEach((w, i) => {
    const expected = autoWeights[i].grad;
    if (!w.g)
      throw new KataNotReadyError(
        `Your kata ${KATA_ID} Model's backward() leaves ${NAMES[i]}.g unset; ${advice}`,
      );
    if (!expected) return;
    const error = relativeError(w.g, expected);
    if (!(error <= TOLERANCE))
      throw new KataNotReadyError(
        `Your kata ${KATA_ID} Model's ${NAMES[i]}.g disagrees with autograd (relative error ${error.toPrecision(2)}); ${advice}`,
      );
  });
}
