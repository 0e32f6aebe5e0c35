/**
 * Storage: the flat typed array behind a tensor. Every view of one buffer (view, transpose,
 * expand, index...) holds the very same Storage object, so `a.storage() === b.storage()` tells
 * whether two tensors share memory.
 */
import { allocate, type DType, type TypedArray } from './dtype';

export class Storage {
  constructor(
    readonly data: TypedArray,
    readonly dtype: DType,
  ) {}

  /** Number of elements in the buffer (not bytes), like `untyped_storage().size()` over itemsize. */
  get size(): number {
    return this.data.length;
  }

  static allocate(dtype: DType, size: number): Storage {
    return new Storage(allocate(dtype, size), dtype);
  }
}
