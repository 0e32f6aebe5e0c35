import { Tensor, fromStorage } from '../../src';

/*
 * Kata 03: shapes, strides and views that never copy. Lesson: docs/03-expand-as.md
 * Build everything from plain arrays, `t.shape`, `t.stride()`, `t.offset`, `t.storage()` and
 * `fromStorage(storage, shape, stride, offset)`. Do not call the engine's `unsqueeze`, `expand`,
 * `expandAs`, `contiguous` or `clone`: the point is to see how little they do. The tests count
 * engine calls: contiguousStrides and broadcastShapes make none (plain array code), unsqueeze and
 * expandAs only fromStorage (or asStrided). Never change an input array or tensor.
 * Run the tests with `npm run kata -- 03`; `npm run hint -- 03` when stuck.
 */

/**
 * The strides of a freshly allocated row-major tensor of this shape: the last dimension steps
 * by 1, each earlier one by the product of the sizes after it. [2, 3, 4] -> [12, 4, 1].
 * As in PyTorch, treat a size-0 dimension as size 1 in that product: [2, 0, 3] -> [3, 3, 1].
 */
export function contiguousStrides(shape: readonly number[]): number[] {
  throw new Error('not implemented yet: contiguousStrides in katas/03-expand-as/strides.ts');
}

/**
 * The shape that tensors of shapes `a` and `b` broadcast to: align on the right, a missing
 * dimension counts as 1, sizes must be equal or one of them 1. [3] and [3, 1] -> [3, 3].
 * Otherwise throw PyTorch's message, naming the output dimension counted from the left:
 * [2] and [2, 3] -> `The size of tensor a (2) must match the size of tensor b (3) at non-singleton dimension 1`
 * Compare from the right, as PyTorch does: with several clashes the message names the last one.
 * Return a new array; leave `a` and `b` as they are.
 */
export function broadcastShapes(a: readonly number[], b: readonly number[]): number[] {
  throw new Error('not implemented yet: broadcastShapes in katas/03-expand-as/strides.ts');
}

/**
 * A view of `t` with a new size-1 dimension at `dim`; negative dims count from the end, so -1
 * appends one. Same storage and offset as `t`. The new dimension's stride, as in PyTorch, is
 * size x stride of the dimension it is inserted before (1 when appended). A dim outside
 * [-(n+1), n] for an n-dimensional `t` throws
 * `Dimension out of range (expected to be in range of [-2, 1], but got 2)` (here n = 1).
 */
export function unsqueeze(t: Tensor, dim: number): Tensor {
  throw new Error('not implemented yet: unsqueeze in katas/03-expand-as/strides.ts');
}

/**
 * A view of `t` with `other`'s shape, sharing `t`'s storage: a dimension of size 1 (or a missing
 * leading one) that must grow gets stride 0; a dimension that already has the right size keeps
 * its stride. Any other size is an error worded like PyTorch's:
 * `The expanded size of the tensor (4) must match the existing size (3) at non-singleton dimension 1.  Target sizes: [2, 4].  Tensor sizes: [3]`
 * (two spaces after each full stop); with several such dimensions, name the last one (PyTorch
 * compares from the right). If `other` has fewer dimensions than `t`, throw before comparing any
 * size, with a message ending in PyTorch's words, e.g. for [2, 3] as [3]:
 * `the number of sizes provided (1) must be greater or equal to the number of dimensions in the tensor (2)`
 */
export function expandAs(t: Tensor, other: Tensor): Tensor {
  throw new Error('not implemented yet: expandAs in katas/03-expand-as/strides.ts');
}
