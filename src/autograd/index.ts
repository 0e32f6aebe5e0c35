export { GradNode, isGradEnabled, noGrad, record } from './graph';
export type { BackwardFn } from './graph';
export { runBackward } from './backward';
export { grad } from './grad';
export type { GradOptions } from './grad';
export { AutogradFunction, FunctionCtx } from './function';
export { gradcheck } from './gradcheck';
export type { GradcheckOptions } from './gradcheck';

import { runBackward } from './backward';
import { AutogradFunction } from './function';
import { grad } from './grad';
import { gradcheck } from './gradcheck';

/** PyTorch's `torch.autograd` names: `class MyReLU extends autograd.Function`, `autograd.grad(...)`. */
export const autograd = {
  Function: AutogradFunction,
  grad,
  gradcheck,
  backward: runBackward,
} as const;
