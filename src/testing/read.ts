import type { Tensor } from '../tensor';

/**
 * Reads tensors through the public API only (`shape` and `get`), so the harness judges every
 * layout the same way and does not depend on how a view stores its elements.
 */

/** Every multi-index of a shape, in row-major order. */
export function* indicesOf(shape: readonly number[]): Generator<number[]> {
  if (shape.some((size) => size === 0)) return;
  const index = shape.map(() => 0);
  for (;;) {
    yield [...index];
    let d = shape.length - 1;
    while (d >= 0 && ++index[d] === shape[d]) index[d--] = 0;
    if (d < 0) return;
  }
}

/** The elements of a tensor in row-major order, whatever its strides. */
export function flatValues(t: Tensor): number[] {
  const values: number[] = [];
  for (const index of indicesOf(t.shape)) values.push(t.get(...index));
  return values;
}

export function formatShape(shape: readonly number[]): string {
  return `[${shape.join(',')}]`;
}
