/**
 * log-softmax through logsumexp, so that logits of +-1000 give finite answers.
 *
 * log softmax(x)_i = x_i - log sum_j exp(x_j). Computed directly, exp(1000) overflows to Infinity.
 * Subtracting the row maximum m first changes nothing mathematically,
 * log sum_j exp(x_j) = m + log sum_j exp(x_j - m), but every exponent is now <= 0.
 */
import type { Tensor } from '../tensor/tensor';

/** log(sum(exp(x), dim)), computed stably. */
export function logsumexp(input: Tensor, dim: number, keepdim = false): Tensor {
  // The shift is a constant for the gradient: its own derivative cancels exactly, so it is detached
  // rather than differentiated through max (which would route gradient to one element only).
  const shift = finiteOrZero(input.max(dim, true).detach());
  const total = input.sub(shift).exp().sum(dim, true).log().add(shift);
  return keepdim ? total : total.squeeze(dim);
}

export function logSoftmax(input: Tensor, dim = -1): Tensor {
  return input.sub(logsumexp(input, dim, true));
}

export function softmax(input: Tensor, dim = -1): Tensor {
  return logSoftmax(input, dim).exp();
}

/** A row whose max is +-Infinity would give Infinity - Infinity = NaN; shift such rows by 0. */
function finiteOrZero(shift: Tensor): Tensor {
  const values = shift.clone(); // a fresh contiguous buffer of one number per row
  const data = values.storage().data;
  for (let i = 0; i < data.length; i++) if (!(data[i] - data[i] === 0)) data[i] = 0; // not finite
  return values;
}
