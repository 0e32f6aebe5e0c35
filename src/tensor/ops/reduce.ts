/**
 * Reductions over one, several or all dims, with keepdim. Sums (and means) go through the summing
 * kernel; every other reduction is a block reducer (../block-reduce hands it each reduced block as
 * one strided run) plus its backward.
 */
import { reduceInto, type Reducer } from '../block-reduce';
import { isFloating, scalarTypeName, type DType } from '../dtype';
import { sumInto } from '../kernels';
import { normalizeDim, normalizeDims } from '../layout';
import { emptyTensor, type Tensor } from '../tensor';
import { recordOp } from './record';

// Read once: inside jest's sandbox a global `Math.x` lookup in a loop costs far more than a local.
const { floor, sqrt } = Math;

type Dims = number | readonly number[] | null | undefined;

interface Plan {
  /** Normalised reduced dims. */
  dims: number[];
  /** Output shape (with 1s for reduced dims when keepdim). */
  shape: number[];
  /** The output shape with keepdim, which a gradient is reshaped to before it is expanded. */
  keptShape: number[];
  /** How many elements each output reduces. */
  count: number;
}

function plan(t: Tensor, dim: Dims, keepdim: boolean): Plan {
  const all = dim === undefined || dim === null || (Array.isArray(dim) && dim.length === 0);
  const dims = all
    ? t.shape.map((_, d) => d)
    : typeof dim === 'number'
      ? [normalizeDim(dim, t.dim())]
      : normalizeDims(dim as readonly number[], t.dim());
  const reduced = new Set(dims);
  const keptShape = t.shape.map((s, d) => (reduced.has(d) ? 1 : s));
  const shape = keepdim ? keptShape : t.shape.filter((_, d) => !reduced.has(d));
  let count = 1;
  for (const d of dims) count *= t.shape[d];
  return { dims, shape, keptShape, count };
}

function run(t: Tensor, p: Plan, dtype: DType, reducer: Reducer): Tensor {
  const out = emptyTensor(p.shape, dtype);
  reduceInto(t.shape, t.strided(), p.dims, out.storage().data, reducer);
  return out;
}

/** A gradient of the reduced shape spread back over the input (a copy, not a broadcast view). */
function broadcastBack(g: Tensor, t: Tensor, p: Plan): Tensor {
  return g
    .reshape(p.keptShape)
    .expand([...t.shape])
    .contiguous();
}

/** Sums in float64, rounded once to the output dtype. */
function summed(t: Tensor, p: Plan, dtype: DType, divisor = 1): Tensor {
  const out = emptyTensor(p.shape, dtype);
  const acc = sumInto(t.shape, t.strided(), p.dims);
  if (divisor !== 1) for (let i = 0; i < acc.length; i++) acc[i] /= divisor;
  out.storage().data.set(acc);
  return out;
}

/** Sums of bool and int32 tensors are int32 (PyTorch's are int64, which is not offered here). */
export function sum(t: Tensor, dim: Dims, keepdim: boolean): Tensor {
  const p = plan(t, dim, keepdim);
  const out = summed(t, p, isFloating(t.dtype) ? t.dtype : 'int32');
  const name = dim === undefined || dim === null ? 'SumBackward0' : 'SumBackward1';
  return recordOp(name, out, [t], (g) => [broadcastBack(g, t, p)]);
}

export function mean(t: Tensor, dim: Dims, keepdim: boolean): Tensor {
  if (!isFloating(t.dtype)) {
    throw new Error(
      `mean(): could not infer output dtype. Input dtype must be either a floating point or complex dtype. Got: ${scalarTypeName(t.dtype)}`,
    );
  }
  const p = plan(t, dim, keepdim);
  const out = summed(t, p, t.dtype, p.count);
  const name = dim === undefined || dim === null ? 'MeanBackward0' : 'MeanBackward1';
  return recordOp(name, out, [t], (g) => [broadcastBack(g, t, p).div(p.count)]);
}

type Extreme = 'max' | 'min';

// NaN wins (it propagates), then the first extreme value; each returns its position in the block.
const MAX_INDEX: Reducer = (data, start, step, n) => {
  let best = 0;
  let bestValue = data[start];
  for (let i = 0, p = start; i < n; i++, p += step) {
    const v = data[p];
    if (v !== v) return i;
    if (v > bestValue) {
      best = i;
      bestValue = v;
    }
  }
  return best;
};

const MIN_INDEX: Reducer = (data, start, step, n) => {
  let best = 0;
  let bestValue = data[start];
  for (let i = 0, p = start; i < n; i++, p += step) {
    const v = data[p];
    if (v !== v) return i;
    if (v < bestValue) {
      best = i;
      bestValue = v;
    }
  }
  return best;
};

function extremeIndex(kind: Extreme): Reducer {
  return kind === 'max' ? MAX_INDEX : MIN_INDEX;
}

function singleDim(t: Tensor, dim: number | null | undefined, name: string): number | null {
  if (dim === undefined || dim === null) {
    if (t.numel() === 0) {
      throw new Error(
        `${name}(): Expected reduction dim to be specified for input.numel() == 0. Specify the reduction dim with the 'dim' argument.`,
      );
    }
    return null;
  }
  const d = normalizeDim(dim, t.dim());
  if (t.dim() > 0 && t.shape[d] === 0) {
    throw new Error(`${name}(): Expected reduction dim ${d} to have non-zero size.`);
  }
  return d;
}

/** max/min: over everything (ties share the gradient evenly) or along one dim (values only). */
export function extreme(
  t: Tensor,
  dim: number | null | undefined,
  keepdim: boolean,
  kind: Extreme,
): Tensor {
  const d = singleDim(t, dim, kind);
  const p = plan(t, d, keepdim);
  const index = extremeIndex(kind);
  const out = run(
    t,
    p,
    t.dtype,
    (data, start, step, n) => data[start + step * index(data, start, step, n)],
  );
  if (d === null) {
    return recordOp(kind === 'max' ? 'MaxBackward1' : 'MinBackward1', out, [t], (g) => {
      const hits = t.eq(out);
      return [hits.mul(g).div(hits.sum())];
    });
  }
  return recordOp(kind === 'max' ? 'MaxBackward0' : 'MinBackward0', out, [t], (g) => {
    const at = argExtreme(t, d, true, kind);
    return [scatterAlong(t.shape, d, at, g.reshape(p.keptShape))];
  });
}

/** Indices (int32) of the first max/min; over everything, an index into the flattened tensor. */
export function argExtreme(
  t: Tensor,
  dim: number | null | undefined,
  keepdim: boolean,
  kind: Extreme,
): Tensor {
  const d = singleDim(t, dim, `arg${kind}`);
  return run(t, plan(t, d, keepdim), 'int32', extremeIndex(kind));
}

/** A zero tensor of `shape` with values[j] written at position indices[j] along `dim`. */
function scatterAlong(
  shape: readonly number[],
  dim: number,
  indices: Tensor,
  values: Tensor,
): Tensor {
  const out = emptyTensor(shape, values.dtype);
  const o = out.storage().data;
  const idx = indices.contiguous().storage().data;
  const val = values.contiguous().storage().data;
  let inner = 1;
  for (let d = dim + 1; d < shape.length; d++) inner *= shape[d];
  const size = shape[dim];
  for (let j = 0; j < idx.length; j++) {
    const outer = floor(j / inner);
    o[outer * size * inner + idx[j] * inner + (j % inner)] = val[j];
  }
  return out;
}

/**
 * Variance with Bessel's correction by default (n - 1), like torch.var, in float64 whatever the
 * input dtype (PyTorch's accumulate type for float is double): two passes, the mean and then the
 * squared deviations, so large or nearly equal values lose nothing to float32 rounding.
 */
function varianceInDouble(t: Tensor, p: Plan, correction: number): Float64Array {
  const divisor = Math.max(p.count - correction, 0);
  const out = new Float64Array(outputSize(p));
  reduceInto(t.shape, t.strided(), p.dims, out, (data, start, step, n) => {
    let sum = 0;
    for (let i = 0, q = start; i < n; i++, q += step) sum += data[q];
    const mean = sum / n;
    let squares = 0;
    for (let i = 0, q = start; i < n; i++, q += step)
      squares += (data[q] - mean) * (data[q] - mean);
    return squares / divisor;
  });
  return out;
}

function outputSize(p: Plan): number {
  let size = 1;
  for (const s of p.shape) size *= s;
  return size;
}

export function spread(
  t: Tensor,
  dim: Dims,
  keepdim: boolean,
  correction: number,
  kind: 'std' | 'var',
): Tensor {
  if (!isFloating(t.dtype))
    throw new Error('std and var only support floating point and complex dtypes');
  const p = plan(t, dim, keepdim);
  const values = varianceInDouble(t, p, correction);
  // The root is taken before rounding to the output dtype: a float32 std of 1e20 is fine even
  // though its variance (1e40) is not a float32.
  if (kind === 'std') for (let i = 0; i < values.length; i++) values[i] = sqrt(values[i]);
  const out = emptyTensor(p.shape, t.dtype);
  out.storage().data.set(values);
  const denominator = Math.max(p.count - correction, 0);
  return recordOp(kind === 'var' ? 'VarBackward0' : 'StdBackward0', out, [t], (g) => {
    const centred = t.sub(t.mean(p.dims, true));
    const scale = kind === 'var' ? broadcastBack(g, t, p).mul(2) : broadcastBack(g.div(out), t, p);
    return [scale.mul(centred).div(denominator)];
  });
}

/** all/any: bool results, true where every / some element is non-zero. */
export function logical(t: Tensor, dim: Dims, keepdim: boolean, kind: 'all' | 'any'): Tensor {
  const p = plan(t, dim, keepdim);
  const reducer: Reducer =
    kind === 'all'
      ? (data, start, step, n) => {
          for (let i = 0, q = start; i < n; i++, q += step) if (data[q] === 0) return 0;
          return 1;
        }
      : (data, start, step, n) => {
          for (let i = 0, q = start; i < n; i++, q += step) if (data[q] !== 0) return 1;
          return 0;
        };
  return run(t, p, 'bool', reducer);
}
