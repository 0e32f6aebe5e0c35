import { Tensor, zeros } from '../../src';

/**
 * Matrix product `a @ b` with three nested loops and one scalar at a time: the slowest and
 * clearest way to say what a matrix multiply is. Entry (i, j) of the result is the dot product
 * of row i of `a` with column j of `b`.
 */
export function matmul(a: Tensor, b: Tensor): Tensor {
  const [ar, ac] = a.shape;
  const [br, bc] = b.shape;
  // Row i of `a` has ac numbers and column j of `b` has br: they pair up only when ac === br.
  if (ac !== br) {
    throw new Error(`mat1 and mat2 shapes cannot be multiplied (${ar}x${ac} and ${br}x${bc})`);
  }
  const c = zeros(ar, bc);
  for (let i = 0; i < ar; i++) {
    for (let j = 0; j < bc; j++) {
      for (let k = 0; k < ac; k++) {
        c.set([i, j], c.get(i, j) + a.get(i, k) * b.get(k, j));
      }
    }
  }
  return c;
}
