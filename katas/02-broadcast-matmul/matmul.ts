import { Tensor, einsum, zeros } from '../../src';

// Given, not part of the exercise: the shape check you wrote in kata 01. Call it first in each
// function so that every version rejects mismatched sizes with PyTorch's message.
function checkInnerSizes(a: Tensor, b: Tensor): void {
  const [ar, ac] = a.shape;
  const [br, bc] = b.shape;
  if (ac !== br) {
    throw new Error(`mat1 and mat2 shapes cannot be multiplied (${ar}x${ac} and ${br}x${bc})`);
  }
}

/*
 * Kata 02: matrix multiply, three ways faster than three loops. Lesson: docs/02-broadcast-matmul.md
 * Each function returns `a @ b` for a 2-D `a` (m x k) and `b` (k x n), leaving its inputs unchanged.
 * Run the tests with `npm run kata -- 02`; `npm run hint -- 02` when stuck.
 */

/**
 * Two loops, over i and j. Replace the loop over k with one elementwise product of row i of `a`
 * (`a.index(i, ':')`) and column j of `b` (`b.index(':', j)`), summed to a number with
 * `.sum().item()`. The tests count your `mul` calls: exactly one per entry of the result.
 */
export function matmulDot(a: Tensor, b: Tensor): Tensor {
  throw new Error('not implemented yet: matmulDot in katas/02-broadcast-matmul/matmul.ts');
}

/**
 * One loop, over the rows i of `a`. Turn row i into a k x 1 column with `.unsqueeze(-1)`,
 * multiply it by all of `b` (broadcasting makes that k x n), and sum over dim 0 to get row i of
 * the result; write it with `c.index(i, ':').copy_(row)`. Exactly one `mul` per row of `a`.
 */
export function matmulBroadcast(a: Tensor, b: Tensor): Tensor {
  throw new Error('not implemented yet: matmulBroadcast in katas/02-broadcast-matmul/matmul.ts');
}

/**
 * No loops: one call to `einsum` with the spec that says "multiply along k, sum k away".
 * No `mul`, no `matmul`: exactly one `einsum`.
 */
export function matmulEinsum(a: Tensor, b: Tensor): Tensor {
  throw new Error('not implemented yet: matmulEinsum in katas/02-broadcast-matmul/matmul.ts');
}
