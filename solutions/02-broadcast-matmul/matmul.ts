import { Tensor, einsum, zeros } from '../../src';

// Given, not part of the exercise: the shape check you wrote in kata 01.
function checkInnerSizes(a: Tensor, b: Tensor): void {
  const [ar, ac] = a.shape;
  const [br, bc] = b.shape;
  if (ac !== br) {
    throw new Error(`mat1 and mat2 shapes cannot be multiplied (${ar}x${ac} and ${br}x${bc})`);
  }
}

/**
 * Two loops instead of three: the innermost loop over k becomes one elementwise product of
 * row i of `a` with column j of `b`, summed. One `mul` per entry of the result.
 */
export function matmulDot(a: Tensor, b: Tensor): Tensor {
  checkInnerSizes(a, b);
  const [ar] = a.shape;
  const [, bc] = b.shape;
  const c = zeros(ar, bc);
  for (let i = 0; i < ar; i++) {
    for (let j = 0; j < bc; j++) {
      c.set([i, j], a.index(i, ':').mul(b.index(':', j)).sum().item());
    }
  }
  return c;
}

/**
 * One loop: row i of `a` as a column (k x 1) broadcasts against all of `b` (k x n), multiplying
 * a[i, k] into row k of `b`; summing over k (dim 0) gives row i of the result. One `mul` per row.
 */
export function matmulBroadcast(a: Tensor, b: Tensor): Tensor {
  checkInnerSizes(a, b);
  const [ar] = a.shape;
  const [, bc] = b.shape;
  const c = zeros(ar, bc);
  for (let i = 0; i < ar; i++) {
    c.index(i, ':').copy_(a.index(i, ':').unsqueeze(-1).mul(b).sum(0));
  }
  return c;
}

/**
 * No loops: Einstein summation names the axes, `ik,kj->ij`. The index k appears in both inputs
 * and not in the output, so it is multiplied along and summed away.
 */
export function matmulEinsum(a: Tensor, b: Tensor): Tensor {
  checkInnerSizes(a, b);
  return einsum('ik,kj->ij', a, b);
}
