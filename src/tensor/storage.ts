/**
 * Storage: the flat typed array behind a tensor. Every view of one buffer (view, transpose,
 * expand, index...) holds the very same Storage object, so `a.storage() === b.storage()` tells
 * whether two tensors share memory.
 */
import { allocate, type DType, type TypedArray } from './dtype';

let created = 0;

export class Storage {
  // A private field, not a property: tests compare storages with toEqual, which sees properties.
  readonly #serial: number;

  constructor(
    readonly data: TypedArray,
    readonly dtype: DType,
  ) {
    this.#serial = created++;
  }

  /**
   * @internal How many storages were made before this one. A backward pass compares it with
   * `Storage.made()` at its start to tell the buffers it allocated itself from everyone else's.
   */
  get serial(): number {
    return this.#serial;
  }

  /** @internal How many storages have been made so far. */
  static made(): number {
    return created;
  }

  /** Number of elements in the buffer (not bytes), like `untyped_storage().size()` over itemsize. */
  get size(): number {
    return this.data.length;
  }

  static allocate(dtype: DType, size: number): Storage {
    return new Storage(allocate(dtype, size), dtype);
  }
}
