import { Tensor, zeros } from '../../src';

/**
 * Kata 01: matrix multiply with three loops. Lesson: docs/01-loop-matmul.md
 *
 * Return `a @ b` for a 2-D `a` (m x k) and a 2-D `b` (k x n) as a new m x n tensor. Entry
 * (i, j) is the sum over k of a[i, k] * b[k, j].
 *
 * - Work one number at a time: `a.get(i, k)` reads a number, `c.set([i, j], value)` writes one,
 *   and `zeros(m, n)` makes the result to fill in. The tests count engine calls: only `get`, `set`
 *   and creating the result may run (no `matmul`, `mul`, `einsum`, row slices, `add_` or
 *   `clone`): this kata is the loop they replace.
 * - float32 in, float32 out: `zeros(m, n)` is float32; an int32 result would truncate.
 * - If the inner sizes differ, throw an Error with PyTorch's message, e.g. for 2x3 and 4x5:
 *   `mat1 and mat2 shapes cannot be multiplied (2x3 and 4x5)`
 * - Leave `a` and `b` unchanged.
 *
 * Run the tests with `npm run kata -- 01`; `npm run hint -- 01` when stuck.
 */
export function matmul(a: Tensor, b: Tensor): Tensor {
  throw new Error('not implemented yet: matmul in katas/01-loop-matmul/matmul.ts');
}
