/**
 * The tensor engine's public API: PyTorch semantics in camelCase.
 *
 * Where it knowingly differs from PyTorch:
 * - no int64: integer data (JS integers, sums of ints and bools, argmax) is int32, and a whole
 *   number int32 cannot hold (1e10) is read as a float;
 * - `max(dim)` / `min(dim)` return the values only; `argmax(dim)` / `argmin(dim)` the indices;
 * - results of elementwise ops and `clone()` are always contiguous (PyTorch keeps the memory
 *   order of a permuted input);
 * - in-place ops refuse tensors that require grad (PyTorch rewrites the graph instead);
 * - rand/randn are reproducible after `manualSeed` but draw different numbers than PyTorch.
 */
export { Tensor, type IndexKey, type NestedArray, type Operand } from './tensor';
export {
  arange,
  asStrided,
  empty,
  eye,
  fromStorage,
  full,
  fullLike,
  linspace,
  ones,
  onesLike,
  rand,
  randLike,
  randn,
  randnLike,
  tensor,
  zeros,
  zerosLike,
  type TensorData,
  type TensorOptions,
} from './creation';
export { bool, float32, float64, int32, promoteTypes, resultType, type DType } from './dtype';
export { Storage } from './storage';
export { type Shape } from './layout';
export { broadcastShapes, contiguousStrides } from './shape-functions';
export { manualSeed } from './random';
export { countOps, type OpCounts } from './ops-count';
export { einsum } from './einsum';
export { sumToShape } from './ops/grad-shape';
export * from './functional';
