/**
 * The layout helpers as public functions (`broadcastShapes`, `contiguousStrides`), counted by
 * countOps: kata 03 asks a learner to write them by hand, and its tests check that the answer does
 * not hand the work back to the engine. The engine's own code calls ./layout directly.
 */
import * as layout from './layout';
import { counted } from './ops-count';

/** torch.broadcast_shapes: the shape every argument broadcasts to. */
export function broadcastShapes(...shapes: layout.Shape[]): number[] {
  return counted('broadcastShapes', () => layout.broadcastShapes(...shapes));
}

/** The strides of a fresh row-major tensor of this shape (a size-0 dim counts as 1). */
export function contiguousStrides(shape: layout.Shape): number[] {
  return counted('contiguousStrides', () => layout.contiguousStrides(shape));
}
