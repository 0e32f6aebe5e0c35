/**
 * Views: new (shape, strides, offset) over the same Storage, never a copy. Each public view is a
 * pure layout step plus its backward, which maps the gradient back through the inverse view.
 */
import {
  expandStrides,
  formatShape,
  inferSize,
  normalizeDim,
  viewStrides,
  type Shape,
} from '../layout';
import { emptyTensor, Tensor, type IndexKey } from '../tensor';
import { sumToShape } from './grad-shape';
import { recordOp } from './record';

// Read once: inside jest's sandbox every global lookup costs about half a microsecond, and get/set
// check an index per element.
const { isInteger } = Number;
const { min, max, ceil } = Math;

/** A view's layout before it becomes a Tensor. */
interface Layout {
  shape: number[];
  strides: number[];
  offset: number;
}

function layoutOf(t: Tensor): Layout {
  return { shape: [...t.shape], strides: [...t.strides], offset: t.offset };
}

function viewOf(t: Tensor, l: Layout): Tensor {
  return new Tensor(t.storage(), l.shape, l.strides, l.offset);
}

export function dimIndex(t: Tensor, dim: number): number {
  return normalizeDim(dim, t.dim());
}

/** The storage offset of one element; the error is PyTorch's for an index past the end. */
export function elementOffset(t: Tensor, index: readonly number[]): number {
  if (index.length !== t.dim()) {
    throw new Error(
      `expected ${t.dim()} indices for a tensor of dimension ${t.dim()}, but got ${index.length}`,
    );
  }
  let offset = t.offset;
  for (let d = 0; d < index.length; d++) {
    offset += wrapIndex(index[d], t.shape[d], d) * t.strides[d];
  }
  return offset;
}

function wrapIndex(i: number, size: number, dim: number): number {
  if (!isInteger(i) || i < -size || i >= size) {
    throw new Error(`index ${i} is out of bounds for dimension ${dim} with size ${size}`);
  }
  return i < 0 ? i + size : i;
}

// ---- pure layout steps ------------------------------------------------------------------------

function unsqueezeLayout(l: Layout, dim: number): Layout {
  const d = normalizeDim(dim, l.shape.length + 1);
  const stride = d < l.shape.length ? l.shape[d] * l.strides[d] : 1;
  const shape = [...l.shape];
  const strides = [...l.strides];
  shape.splice(d, 0, 1);
  strides.splice(d, 0, stride);
  return { shape, strides, offset: l.offset };
}

function selectLayout(
  l: Layout,
  dim: number,
  index: number,
  message: (i: number) => string,
): Layout {
  const size = l.shape[dim];
  if (!isInteger(index) || index < -size || index >= size) throw new Error(message(index));
  const i = index < 0 ? index + size : index;
  const shape = [...l.shape];
  const strides = [...l.strides];
  shape.splice(dim, 1);
  const [stride] = strides.splice(dim, 1);
  return { shape, strides, offset: l.offset + i * stride };
}

/** Python slice semantics (clamped bounds), step > 0 as PyTorch requires. */
function sliceLayout(l: Layout, dim: number, start: number, end: number, step: number): Layout {
  if (step <= 0) throw new Error('step must be greater than zero');
  const size = l.shape[dim];
  const clamp = (v: number) => min(max(v < 0 ? v + size : v, 0), size);
  const s = clamp(start);
  const e = clamp(end);
  const shape = [...l.shape];
  const strides = [...l.strides];
  shape[dim] = e > s ? ceil((e - s) / step) : 0;
  strides[dim] = l.strides[dim] * step;
  return { shape, strides, offset: l.offset + s * l.strides[dim] };
}

// ---- public views -----------------------------------------------------------------------------

export function view(t: Tensor, shape: readonly number[]): Tensor {
  const sizes = inferSize(shape, t.numel());
  const strides = viewStrides(t.shape, t.strides, sizes);
  if (strides === null) {
    throw new Error(
      "view size is not compatible with input tensor's size and stride (at least one dimension spans across two contiguous subspaces). Use .reshape(...) instead.",
    );
  }
  const out = new Tensor(t.storage(), sizes, strides, t.offset);
  return recordOp('ViewBackward0', out, [t], (g) => [g.reshape([...t.shape])]);
}

/** A view when the strides allow one (as torch.reshape), otherwise a contiguous copy. */
export function reshape(t: Tensor, shape: readonly number[]): Tensor {
  const sizes = inferSize(shape, t.numel());
  const strides = viewStrides(t.shape, t.strides, sizes);
  if (strides !== null) return view(t, sizes);
  const copy = t.detach().contiguous();
  const out = new Tensor(copy.storage(), sizes, viewStrides(copy.shape, copy.strides, sizes)!);
  return recordOp('UnsafeViewBackward0', out, [t], (g) => [g.reshape([...t.shape])]);
}

export function unsqueeze(t: Tensor, dim: number): Tensor {
  const out = viewOf(t, unsqueezeLayout(layoutOf(t), dim));
  const d = normalizeDim(dim, t.dim() + 1);
  return recordOp('UnsqueezeBackward0', out, [t], (g) => [g.squeeze(d)]);
}

export function squeeze(t: Tensor, dim?: number | readonly number[]): Tensor {
  const dims =
    dim === undefined
      ? t.shape.map((_, d) => d)
      : (typeof dim === 'number' ? [dim] : dim).map((d) => normalizeDim(d, t.dim()));
  const drop = new Set(dims.filter((d) => t.shape[d] === 1));
  const l: Layout = { shape: [], strides: [], offset: t.offset };
  t.shape.forEach((size, d) => {
    if (!drop.has(d)) {
      l.shape.push(size);
      l.strides.push(t.strides[d]);
    }
  });
  const name =
    dim === undefined
      ? 'SqueezeBackward0'
      : typeof dim === 'number'
        ? 'SqueezeBackward1'
        : 'SqueezeBackward2';
  return recordOp(name, viewOf(t, l), [t], (g) => [g.reshape([...t.shape])]);
}

export function expand(t: Tensor, sizes: readonly number[]): Tensor {
  const typeName = `torch.${{ float32: 'Float', float64: 'Double', int32: 'Int', bool: 'Bool' }[t.dtype]}Tensor`;
  const { shape, strides } = expandStrides(t.shape, t.strides, sizes, typeName);
  const out = new Tensor(t.storage(), shape, strides, t.offset);
  return recordOp('ExpandBackward0', out, [t], (g) => [sumToShape(g, t.shape)]);
}

export function t(x: Tensor): Tensor {
  if (x.dim() > 2) {
    throw new Error(`t() expects a tensor with <= 2 dimensions, but self is ${x.dim()}D`);
  }
  const out = x.dim() < 2 ? x.detach() : swapped(x, 0, 1);
  return recordOp('TBackward0', out, [x], (g) => [g.t()]);
}

function swapped(x: Tensor, d0: number, d1: number): Tensor {
  const l = layoutOf(x);
  [l.shape[d0], l.shape[d1]] = [l.shape[d1], l.shape[d0]];
  [l.strides[d0], l.strides[d1]] = [l.strides[d1], l.strides[d0]];
  return viewOf(x, l);
}

export function transpose(x: Tensor, dim0: number, dim1: number): Tensor {
  const d0 = normalizeDim(dim0, x.dim());
  const d1 = normalizeDim(dim1, x.dim());
  const out = x.dim() === 0 ? x.detach() : swapped(x, d0, d1);
  return recordOp('TransposeBackward0', out, [x], (g) => [g.transpose(d0, d1)]);
}

export function permute(x: Tensor, dims: readonly number[]): Tensor {
  if (dims.length !== x.dim()) {
    throw new Error(
      `permute(sparse_coo): number of dimensions in the tensor input does not match the length of the desired ordering of dimensions i.e. input.dim() = ${x.dim()} is not equal to len(dims) = ${dims.length}`,
    );
  }
  const order = dims.map((d) => normalizeDim(d, x.dim()));
  if (new Set(order).size !== order.length)
    throw new Error('permute(): duplicate dims are not allowed.');
  const out = viewOf(x, {
    shape: order.map((d) => x.shape[d]),
    strides: order.map((d) => x.strides[d]),
    offset: x.offset,
  });
  const inverse = new Array<number>(order.length);
  order.forEach((d, i) => (inverse[d] = i));
  return recordOp('PermuteBackward0', out, [x], (g) => [g.permute(inverse)]);
}

/** Gradient of a view that picks a subset of elements: zeros everywhere else. */
function scatterThrough(x: Tensor, g: Tensor, sameView: (z: Tensor) => Tensor): Tensor {
  const z = emptyTensor(x.shape, g.dtype);
  sameView(z).copy_(g);
  return z;
}

export function select(x: Tensor, dim: number, index: number): Tensor {
  if (x.dim() === 0) throw new Error('select() cannot be applied to a 0-dim tensor.');
  const d = normalizeDim(dim, x.dim());
  const l = selectLayout(
    layoutOf(x),
    d,
    index,
    (i) =>
      `select(): index ${i} out of range for tensor of size ${formatShape(x.shape)} at dimension ${dim}`,
  );
  return recordOp('SelectBackward0', viewOf(x, l), [x], (g) => [
    scatterThrough(x, g, (z) => z.select(d, index)),
  ]);
}

export function narrow(x: Tensor, dim: number, start: number, length: number): Tensor {
  if (x.dim() === 0) throw new Error('narrow() cannot be applied to a 0-dim tensor.');
  const d = normalizeDim(dim, x.dim());
  const size = x.shape[d];
  if (start < -size || start > size) {
    throw new Error(
      `start out of range (expected to be in range of [${-size}, ${size}], but got ${start})`,
    );
  }
  const s = start < 0 ? start + size : start;
  if (length < 0) throw new Error('narrow(): length must be non-negative.');
  if (s + length > size) {
    throw new Error(`start (${s}) + length (${length}) exceeds dimension size (${size}).`);
  }
  const l = sliceLayout(layoutOf(x), d, s, s + length, 1);
  return recordOp('SliceBackward0', viewOf(x, l), [x], (g) => [
    scatterThrough(x, g, (z) => z.narrow(d, s, length)),
  ]);
}

/** Basic (view-producing) indexing, numpy/PyTorch style. */
export function index(x: Tensor, keys: readonly IndexKey[]): Tensor {
  const ellipses = keys.filter((k) => k === '...').length;
  if (ellipses > 1) throw new Error("an index can only have a single ellipsis ('...')");
  const consumed = keys.filter((k) => k !== null && k !== '...').length;
  if (x.dim() === 0 && typeof keys[0] === 'number') {
    throw new Error(
      'invalid index of a 0-dim tensor. Use `tensor.item()` in Python or `tensor.item<T>()` in C++ to convert a 0-dim tensor to a number',
    );
  }
  if (consumed > x.dim()) {
    throw new Error(`too many indices for tensor of dimension ${x.dim()}`);
  }
  let l = layoutOf(x);
  let dim = 0;
  let lastKind = 'AliasBackward0';
  // PyTorch names an out-of-range integer by its position in the index, not by the tensor dim.
  keys.forEach((key, position) => {
    if (key === '...') {
      dim += x.dim() - consumed;
    } else if (key === ':') {
      dim++;
      lastKind = 'SliceBackward0';
    } else if (key === null) {
      l = unsqueezeLayout(l, dim);
      dim++;
      lastKind = 'UnsqueezeBackward0';
    } else if (typeof key === 'number') {
      const size = l.shape[dim];
      l = selectLayout(
        l,
        dim,
        key,
        (i) => `index ${i} is out of bounds for dimension ${position} with size ${size}`,
      );
      lastKind = 'SelectBackward0';
    } else {
      const [start, end, step] = key;
      l = sliceLayout(l, dim, start ?? 0, end ?? l.shape[dim], step ?? 1);
      dim++;
      lastKind = 'SliceBackward0';
    }
  });
  return recordOp(lastKind, viewOf(x, l), [x], (g) => [
    scatterThrough(x, g, (z) => z.index(...keys)),
  ]);
}

export function asStridedView(x: Tensor, shape: Shape, strides: Shape, offset: number): Tensor {
  return new Tensor(x.storage(), [...shape], [...strides], offset);
}
