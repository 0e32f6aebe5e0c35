/**
 * The tensor engine's public API: PyTorch semantics in camelCase.
 *
 * Where it knowingly differs from PyTorch:
 * - no int64: integer data (Int32Array, sums of ints and bools, argmax, arange of integers) is
 *   int32;
 * - a plain number array is float32 (JavaScript has no `1.` literal; TensorFlow.js's rule), where
 *   PyTorch reads `[1, 2]` as int64;
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
