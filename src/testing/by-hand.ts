/**
 * The check behind every hand-written-gradient kata: the learner's code runs with autograd
 * switched off and never calls it. Either alone can be dodged (autograd on a detached copy runs
 * fine with recording on; `requiresGrad_` on a copy is harmless inside `noGrad` until `backward`
 * throws a confusing error), so both are used, and the failure names what was called.
 */
import { noGrad } from '../autograd';
import { countOps } from '../tensor';
import { markAsCheckFailure } from './close';

/** The engine entry points that mean autograd did the work. */
export const AUTOGRAD_OPS: readonly string[] = ['requiresGrad_', 'backward', 'grad'];

/**
 * Runs `fn` inside `noGrad` (PyTorch's `torch.no_grad()`) and returns its result; fails, naming
 * the ops, when it called autograd: `mseGrad must work out the gradient by hand, but it called
 * autograd: requiresGrad_, backward`. That failure comes first even when `fn` then threw.
 */
export function byHand<T>(name: string, fn: () => T): T {
  let failure: { error: unknown } | undefined;
  let result: T | undefined;
  const { counts } = countOps(() => {
    try {
      result = noGrad(fn);
    } catch (error) {
      failure = { error };
    }
  });
  const used = AUTOGRAD_OPS.filter((op) => (counts[op] ?? 0) > 0);
  if (used.length > 0) {
    const error = new Error(
      `${name} must work out the gradient by hand, but it called autograd: ${used.join(', ')}`,
    );
    Error.captureStackTrace(error, byHand);
    throw markAsCheckFailure(error);
  }
  if (failure) throw failure.error;
  return result as T;
}
