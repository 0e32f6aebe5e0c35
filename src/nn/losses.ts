/**
 * Loss functions, like `torch.nn.functional`: mean squared error and cross-entropy over class
 * scores, built from engine ops so autograd differentiates them.
 */
import { scalarTypeName } from '../tensor/dtype';
import { formatShape, sameShape } from '../tensor/layout';
import type { Tensor } from '../tensor/tensor';
import { zeros } from '../tensor/creation';
import { logSoftmax } from './softmax';

export type Reduction = 'mean' | 'sum' | 'none';

/**
 * The mean of (input - target)^2.
 *
 * Unlike PyTorch, which only warns, input and target must have the same shape: an output of shape
 * [N, 1] against targets of shape [N] would broadcast to [N, N] and silently train on nonsense (the
 * lesson squeezes the output's trailing dim for exactly this reason).
 */
export function mseLoss(input: Tensor, target: Tensor, reduction: Reduction = 'mean'): Tensor {
  if (!sameShape(input.shape, target.shape)) {
    throw new Error(
      `Using a target size (${formatShape(target.shape)}) that is different to the input size ` +
        `(${formatShape(input.shape)}). This will likely lead to incorrect results due to broadcasting. ` +
        'Please ensure they have the same size.',
    );
  }
  return reduce(input.sub(target).pow(2), reduction);
}

/**
 * Cross-entropy between class scores `input` [N, C] (logits, any real numbers) and integer class
 * targets [N]: the mean over rows of -log softmax(input)[i, target[i]]. Stable for huge logits
 * because log-softmax goes through logsumexp.
 */
export function crossEntropy(input: Tensor, target: Tensor, reduction: Reduction = 'mean'): Tensor {
  return nllLoss(logSoftmax(input, 1), target, reduction);
}

/**
 * Negative log-likelihood of integer class targets given log-probabilities [N, C]: picks
 * -logProbs[i, target[i]] with a one-hot mask (the engine has no gather), then reduces.
 */
export function nllLoss(logProbs: Tensor, target: Tensor, reduction: Reduction = 'mean'): Tensor {
  const mask = oneHot(target, logProbs);
  return reduce(logProbs.mul(mask).sum(1).neg(), reduction);
}

/** A [N, C] tensor (logProbs' dtype) with 1 at [i, target[i]], checked the way PyTorch checks. */
function oneHot(target: Tensor, logProbs: Tensor): Tensor {
  if (logProbs.dim() !== 2) {
    throw new Error(`Expected 2 dimensions for the input of crossEntropy (got ${logProbs.dim()})`);
  }
  if (target.dtype !== 'int32') {
    throw new Error(
      `expected scalar type Int but found ${scalarTypeName(target.dtype)}: class targets must be int32`,
    );
  }
  const [n, classes] = logProbs.shape;
  if (target.dim() !== 1 || target.shape[0] !== n) {
    throw new Error(
      `Expected input batch_size (${n}) to match target batch_size (${target.shape[0] ?? 0}).`,
    );
  }
  // Raw reads and writes: a batch of 64 labels should not cost 128 engine ops.
  const labels = target.storage().data;
  const [stride] = target.stride();
  const mask = zeros([n, classes], { dtype: logProbs.dtype });
  const maskData = mask.storage().data;
  for (let i = 0; i < n; i++) {
    const k = labels[target.offset + i * stride];
    if (!(k >= 0 && k < classes)) throw new Error(`Target ${k} is out of bounds.`);
    maskData[i * classes + k] = 1;
  }
  return mask;
}

function reduce(losses: Tensor, reduction: Reduction): Tensor {
  if (reduction === 'mean') return losses.mean();
  if (reduction === 'sum') return losses.sum();
  return losses;
}
