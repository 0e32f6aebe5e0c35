/**
 * Shape and stride arithmetic: contiguous strides, broadcasting, dim normalisation, the strides
 * a view may take, and PyTorch's wording for every shape error. Pure functions over number arrays.
 */
export type Shape = readonly number[];

// Read once: inside jest's sandbox every global lookup costs about half a microsecond, and these
// helpers run several times per op.
const { isInteger } = Number;
const { max } = Math;

/** Size arguments as PyTorch takes them: varargs `(2, 3)` or one array `([2, 3])`. */
export type SizeArgs = number[] | [readonly number[]];

export function parseSize(args: readonly (number | readonly number[])[]): number[] {
  if (args.length === 1 && Array.isArray(args[0])) return [...(args[0] as readonly number[])];
  const sizes = args as readonly number[];
  for (const s of sizes) {
    if (typeof s !== 'number' || !isInteger(s)) {
      throw new Error(`sizes must be integers, but got ${formatValue(s)}`);
    }
  }
  return [...sizes];
}

function formatValue(value: unknown): string {
  return Array.isArray(value) ? `[${value.join(', ')}]` : String(value);
}

/** `[2, 3]`, as PyTorch prints sizes in error messages. */
export function formatShape(shape: Shape): string {
  return `[${shape.join(', ')}]`;
}

export function numelOf(shape: Shape): number {
  let n = 1;
  for (const s of shape) n *= s;
  return n;
}

export function checkSizes(shape: Shape): void {
  for (const s of shape) {
    if (!isInteger(s)) throw new Error(`sizes must be integers, but got ${formatShape(shape)}`);
    if (s < 0) {
      throw new Error(
        `Trying to create tensor with negative dimension ${s}: ${formatShape(shape)}`,
      );
    }
  }
}

/** Row-major strides: the last dim moves fastest. */
export function contiguousStrides(shape: Shape): number[] {
  const strides = new Array<number>(shape.length);
  let step = 1;
  for (let d = shape.length - 1; d >= 0; d--) {
    strides[d] = step;
    step *= max(shape[d], 1);
  }
  return strides;
}

/** PyTorch's is_contiguous: sizes of 1 may carry any stride. */
export function isContiguousLayout(shape: Shape, strides: Shape): boolean {
  let expected = 1;
  for (let d = shape.length - 1; d >= 0; d--) {
    if (shape[d] === 0) return true;
    if (shape[d] !== 1) {
      if (strides[d] !== expected) return false;
      expected *= shape[d];
    }
  }
  return true;
}

export function sameShape(a: Shape, b: Shape): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Broadcasts two shapes (aligned from the right); the error names both sizes, as PyTorch does.
 * Dims are checked from the last one, as PyTorch's infer_size does, so with several clashes the
 * message names the same (rightmost) one.
 */
export function broadcastPair(a: Shape, b: Shape): number[] {
  const n = max(a.length, b.length);
  const out = new Array<number>(n);
  for (let i = n - 1; i >= 0; i--) {
    const sa = i < n - a.length ? 1 : a[i - (n - a.length)];
    const sb = i < n - b.length ? 1 : b[i - (n - b.length)];
    if (sa !== sb && sa !== 1 && sb !== 1) {
      throw new Error(
        `The size of tensor a (${sa}) must match the size of tensor b (${sb}) at non-singleton dimension ${i}`,
      );
    }
    out[i] = sa === 1 ? sb : sa;
  }
  return out;
}

/** torch.broadcast_shapes: the shape every argument broadcasts to. */
export function broadcastShapes(...shapes: Shape[]): number[] {
  let out: number[] = [];
  for (const s of shapes) out = broadcastPair(out, s);
  return out;
}

/** Wraps a possibly negative dim into [0, ndim); a 0-d tensor accepts -1 and 0, as PyTorch. */
export function normalizeDim(dim: number, ndim: number): number {
  const range = max(ndim, 1);
  if (!isInteger(dim) || dim < -range || dim >= range) {
    throw new Error(
      `Dimension out of range (expected to be in range of [${-range}, ${range - 1}], but got ${dim})`,
    );
  }
  return dim < 0 ? dim + range : dim;
}

/** Normalises a list of dims and rejects repeats, as sum/mean over several dims do. */
export function normalizeDims(dims: readonly number[], ndim: number): number[] {
  const seen = new Set<number>();
  return dims.map((d) => {
    const nd = normalizeDim(d, ndim);
    if (seen.has(nd)) throw new Error(`dim ${nd} appears multiple times in the list of dims`);
    seen.add(nd);
    return nd;
  });
}

/** Fills in a single -1 of a view/reshape shape; the errors are PyTorch's. */
export function inferSize(shape: Shape, numel: number): number[] {
  let inferred = -1;
  let known = 1;
  const out = [...shape];
  for (let d = 0; d < out.length; d++) {
    if (out[d] === -1) {
      if (inferred >= 0) throw new Error('only one dimension can be inferred');
      inferred = d;
    } else if (out[d] < 0 || !isInteger(out[d])) {
      throw new Error(`invalid shape dimension ${out[d]}`);
    } else {
      known *= out[d];
    }
  }
  if (inferred >= 0) {
    if (known === 0 && numel === 0) {
      throw new Error(
        `cannot reshape tensor of 0 elements into shape ${formatShape(shape)} because the unspecified dimension size -1 can be any value and is ambiguous`,
      );
    }
    if (known === 0 || numel % known !== 0) invalidShape(shape, numel);
    out[inferred] = numel / known;
  } else if (known !== numel) {
    invalidShape(shape, numel);
  }
  return out;
}

function invalidShape(shape: Shape, numel: number): never {
  throw new Error(`shape '${formatShape(shape)}' is invalid for input of size ${numel}`);
}

/**
 * The strides a view of `newShape` needs over memory laid out as (oldShape, oldStrides), or null
 * when no view exists (PyTorch's computeStride: dims may only be split or merged within runs that
 * are contiguous with each other).
 */
export function viewStrides(oldShape: Shape, oldStrides: Shape, newShape: Shape): number[] | null {
  if (oldShape.length === 0) return newShape.map(() => 1);
  const numel = numelOf(oldShape);
  if (numel === 0 && sameShape(oldShape, newShape)) return [...oldStrides];
  const newStrides = new Array<number>(newShape.length);
  if (numel === 0) {
    for (let d = newShape.length - 1; d >= 0; d--) {
      newStrides[d] = d === newShape.length - 1 ? 1 : max(newShape[d + 1], 1) * newStrides[d + 1];
    }
    return newStrides;
  }
  let viewD = newShape.length - 1;
  let chunkBaseStride = oldStrides[oldStrides.length - 1];
  let tensorNumel = 1;
  let viewNumel = 1;
  for (let tensorD = oldShape.length - 1; tensorD >= 0; tensorD--) {
    tensorNumel *= oldShape[tensorD];
    const chunkEnds =
      tensorD === 0 ||
      (oldShape[tensorD - 1] !== 1 && oldStrides[tensorD - 1] !== tensorNumel * chunkBaseStride);
    if (chunkEnds) {
      while (viewD >= 0 && (viewNumel < tensorNumel || newShape[viewD] === 1)) {
        newStrides[viewD] = viewNumel * chunkBaseStride;
        viewNumel *= newShape[viewD];
        viewD--;
      }
      if (viewNumel !== tensorNumel) return null;
      if (tensorD > 0) {
        chunkBaseStride = oldStrides[tensorD - 1];
        tensorNumel = 1;
        viewNumel = 1;
      }
    }
  }
  return viewD === -1 ? newStrides : null;
}

/** The strides of `expand(target)`: stretched dims get stride 0, as PyTorch's. Errors are PyTorch's. */
export function expandStrides(
  shape: Shape,
  strides: Shape,
  sizes: Shape,
  typeName = 'torch.FloatTensor',
): { shape: number[]; strides: number[] } {
  if (sizes.length < shape.length) {
    throw new Error(
      `expand(${typeName}{${formatShape(shape)}}, size=${formatShape(sizes)}): the number of sizes provided (${sizes.length}) must be greater or equal to the number of dimensions in the tensor (${shape.length})`,
    );
  }
  const lead = sizes.length - shape.length;
  const outShape = new Array<number>(sizes.length);
  const outStrides = new Array<number>(sizes.length);
  for (let i = sizes.length - 1; i >= 0; i--) {
    const target = sizes[i];
    if (i < lead) {
      if (target < 0) {
        throw new Error(
          `The expanded size of the tensor (${target}) isn't allowed in a leading, non-existing dimension ${i}`,
        );
      }
      outShape[i] = target;
      // PyTorch (inferExpandGeometry): a new dimension of size 1 gets the stride that keeps the
      // view contiguous-looking, size x stride of the dimension after it; a stretched one gets 0,
      // and so does every dimension of an expanded 0-d tensor.
      const next =
        i + 1 < sizes.length && shape.length > 0 ? outShape[i + 1] * outStrides[i + 1] : 0;
      outStrides[i] = target === 1 ? next : 0;
      continue;
    }
    const size = shape[i - lead];
    const stride = strides[i - lead];
    const want = target === -1 ? size : target;
    if (size !== want) {
      if (size !== 1) {
        throw new Error(
          `The expanded size of the tensor (${want}) must match the existing size (${size}) at non-singleton dimension ${i}.  Target sizes: ${formatShape(sizes)}.  Tensor sizes: ${formatShape(shape)}`,
        );
      }
      outShape[i] = want;
      outStrides[i] = 0;
    } else {
      outShape[i] = size;
      outStrides[i] = stride;
    }
  }
  return { shape: outShape, strides: outStrides };
}
