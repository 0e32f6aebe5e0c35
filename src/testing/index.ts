/**
 * Test helpers for the engine and the katas: fast-check arbitraries for shapes and tensors,
 * closeness checks (the lessons' test_close), and the kata property helpers.
 * Importing this module also registers `expect(t).toBeCloseTensor(u, eps?)`.
 */
export * from './shapes';
export * from './values';
export * from './tensors';
export * from './layouts';
export { fromValues, type TestDtype } from './build';
export { describeTensor, readable } from './describe';
export { flatValues, indicesOf, formatShape } from './read';
export {
  testClose,
  assertClose,
  firstDifference,
  describeDifference,
  elementsClose,
  asTensor,
  dtypeDifference,
  markAsCheckFailure,
  DEFAULT_EPS,
  type CloseOptions,
  type TensorLike,
  type NestedNumbers,
  type Difference,
} from './close';
export {
  kataProperty,
  kataTest,
  runKataProperty,
  runKataTest,
  parameterNames,
  NOT_IMPLEMENTED,
  timeoutMessage,
  type KataPropertyOptions,
  type Arbitraries,
} from './kata';
export { checkView, thrownMessage, expectThrows, snapshot, type ThrowsOptions } from './observe';
export { byHand, AUTOGRAD_OPS } from './by-hand';
export {
  lessonNetworkArb,
  lessonGradientScale,
  LESSON_GRADIENT_RELATIVE,
  LESSON_MAX_SIZE,
  type LessonNetwork,
} from './lesson-network';
export {
  lessonA,
  lessonB,
  lessonProduct,
  differentInnerSizesArb,
  countingMatrix,
  EDGE_MATMUL_SIZES,
} from './matmul-lesson';
export { LOOP_TIMEOUT_MESSAGE, isLoopTimeout, startLoopGuard } from './loop-guard';
import './matchers';
