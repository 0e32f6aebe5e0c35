export { Module } from './module';
export { Linear } from './linear';
export type { LinearOptions } from './linear';
export { ReLU } from './relu';
export { Sequential } from './sequential';
export { mseLoss, crossEntropy, nllLoss } from './losses';
export type { Reduction } from './losses';
export { logSoftmax, logsumexp, softmax } from './softmax';
export { SGD } from './sgd';
export type { SGDOptions } from './sgd';
export {
  calculateGain,
  fanInAndFanOut,
  kaimingNormal_,
  kaimingUniform_,
  xavierNormal_,
  xavierUniform_,
  uniform_,
  normal_,
  zeros_,
} from './init';
export type { KaimingOptions, FanMode, Nonlinearity } from './init';
/** `init.kaimingNormal_(w)` reads like PyTorch's `nn.init.kaiming_normal_(w)`. */
export * as init from './init';
