/**
 * The `torch.xxx(a, b)` spellings of the facade's methods, for code that reads better as functions.
 */
import * as join from './ops/join';
import { counted } from './ops-count';
import type { Operand, Tensor } from './tensor';

export function matmul(a: Tensor, b: Tensor): Tensor {
  return a.matmul(b);
}
export function mm(a: Tensor, b: Tensor): Tensor {
  return a.mm(b);
}
export function bmm(a: Tensor, b: Tensor): Tensor {
  return a.bmm(b);
}
export function cat(tensors: readonly Tensor[], dim = 0): Tensor {
  return counted('cat', () => join.cat(tensors, dim));
}
export function stack(tensors: readonly Tensor[], dim = 0): Tensor {
  return counted('stack', () => join.stack(tensors, dim));
}
export function add(a: Tensor, b: Operand): Tensor {
  return a.add(b);
}
export function sub(a: Tensor, b: Operand): Tensor {
  return a.sub(b);
}
export function mul(a: Tensor, b: Operand): Tensor {
  return a.mul(b);
}
export function div(a: Tensor, b: Operand): Tensor {
  return a.div(b);
}
export function pow(a: Tensor, exponent: Operand): Tensor {
  return a.pow(exponent);
}
export function exp(a: Tensor): Tensor {
  return a.exp();
}
export function log(a: Tensor): Tensor {
  return a.log();
}
export function sqrt(a: Tensor): Tensor {
  return a.sqrt();
}
export function relu(a: Tensor): Tensor {
  return a.relu();
}
export function clampMin(a: Tensor, min: Operand): Tensor {
  return a.clampMin(min);
}
export function sum(a: Tensor, dim?: number | readonly number[] | null, keepdim = false): Tensor {
  return a.sum(dim, keepdim);
}
export function mean(a: Tensor, dim?: number | readonly number[] | null, keepdim = false): Tensor {
  return a.mean(dim, keepdim);
}
