/**
 * Creating tensors: from nested JS arrays, filled with a value, ranges, identities, random values,
 * and views over an existing Storage (fromStorage / asStrided).
 */
import {
  allocate,
  checkFitsInt32,
  DEFAULT_FLOAT,
  isFloating,
  isInt32,
  scalarTypeName,
  type DType,
  type TypedArray,
} from './dtype';
import { checkSizes, contiguousStrides, formatShape, numelOf } from './layout';
import { counted, tally } from './ops-count';
import { nextNormal, nextUniform, nextUniform53 } from './random';
import { Storage } from './storage';
import { emptyTensor, scalarArgument, Tensor, tensorFromData } from './tensor';

export interface TensorOptions {
  dtype?: DType;
  requiresGrad?: boolean;
}

/** Nested arrays of numbers or booleans, as `torch.tensor` accepts (also typed arrays). */
export type TensorData = number | boolean | TypedArray | readonly TensorData[];

type SizeArgs = (number | readonly number[] | TensorOptions | undefined)[];

/** `(2, 3)`, `(2, 3, {dtype})`, `([2, 3])` or `([2, 3], {dtype})`. */
function sizeAndOptions(args: SizeArgs): [number[], TensorOptions] {
  let options: TensorOptions = {};
  let list = args;
  const last = args[args.length - 1];
  if (last !== undefined && typeof last === 'object' && !Array.isArray(last)) {
    options = last as TensorOptions;
    list = args.slice(0, -1);
  }
  const size =
    list.length === 1 && Array.isArray(list[0]) ? [...(list[0] as number[])] : (list as number[]);
  checkSizes(size);
  return [size, options];
}

function finish(t: Tensor, options: TensorOptions): Tensor {
  if (options.requiresGrad) t.requiresGrad_(true);
  return t;
}

// ---- from data --------------------------------------------------------------------------------

function inferShape(data: TensorData): number[] {
  const shape: number[] = [];
  let level: TensorData = data;
  while (Array.isArray(level) || ArrayBuffer.isView(level)) {
    const seq = level as ArrayLike<TensorData>;
    shape.push(seq.length);
    if (seq.length === 0) break;
    level = seq[0];
  }
  return shape;
}

function flatten(data: TensorData, shape: number[]): (number | boolean)[] {
  const out: (number | boolean)[] = [];
  const walk = (v: TensorData, d: number) => {
    if (d === shape.length) {
      if (typeof v !== 'number' && typeof v !== 'boolean') {
        throw new Error(`expected a number or boolean at dim ${d}, got ${typeof v}`);
      }
      out.push(v);
      return;
    }
    if (!Array.isArray(v) && !ArrayBuffer.isView(v)) {
      throw new Error(`not a sequence at dim ${d} (got ${typeof v})`);
    }
    const seq = v as ArrayLike<TensorData>;
    if (seq.length !== shape[d]) {
      throw new Error(`expected sequence of length ${shape[d]} at dim ${d} (got ${seq.length})`);
    }
    for (let i = 0; i < seq.length; i++) walk(seq[i], d + 1);
  };
  walk(data, 0);
  return out;
}

/**
 * The dtype of data given as JavaScript values. JavaScript has no `1.` literal, so a number array
 * cannot say "float" the way Python's `[1., 2.]` does: numbers are float32 whatever their values
 * (TensorFlow.js's convention), booleans alone are bool, and typed arrays keep their own type
 * (Int32Array for integer data). Never value-dependent, as PyTorch's inference is not.
 */
function inferDType(data: TensorData, values: (number | boolean)[]): DType {
  if (data instanceof Float64Array) return 'float64';
  if (data instanceof Float32Array) return 'float32';
  if (data instanceof Int32Array) return 'int32';
  if (data instanceof Uint8Array) return 'bool';
  if (values.length > 0 && values.every((v) => typeof v === 'boolean')) return 'bool';
  return DEFAULT_FLOAT;
}

/**
 * torch.tensor: copies nested arrays into a new tensor. Numbers give float32 (`tensor([1, 2])`
 * prints `tensor([1., 2.])`, as the lessons' `tensor([1., 2.])`), booleans give bool, an
 * Int32Array gives int32; pass `{dtype: 'int32'}` for integer data from a plain array.
 */
export function tensor(data: TensorData | Tensor, options: TensorOptions = {}): Tensor {
  return counted('tensor', () => {
    if (data instanceof Tensor)
      return finish(
        data
          .detach()
          .to(options.dtype ?? data.dtype)
          .clone(),
        options,
      );
    const shape = inferShape(data);
    const values = flatten(data, shape);
    const dtype = options.dtype ?? inferDType(data, values);
    const array = allocate(dtype, values.length);
    for (let i = 0; i < values.length; i++) {
      const v = +values[i];
      if (dtype === 'int32') checkFitsInt32(v);
      array[i] = dtype === 'bool' ? +(v !== 0) : v;
    }
    return finish(tensorFromData(array, shape, dtype), options);
  });
}

// ---- filled -----------------------------------------------------------------------------------

function filled(name: string, args: SizeArgs, value: number, dtype?: DType): Tensor {
  return counted(name, () => {
    const [size, options] = sizeAndOptions(args);
    const t = emptyTensor(size, options.dtype ?? dtype ?? DEFAULT_FLOAT);
    if (t.dtype === 'int32') checkFitsInt32(value);
    if (value !== 0) t.storage().data.fill(t.dtype === 'bool' ? +(value !== 0) : value);
    return finish(t, options);
  });
}

export function zeros(...size: number[]): Tensor;
export function zeros(...args: [...size: number[], options: TensorOptions]): Tensor;
export function zeros(size: readonly number[], options?: TensorOptions): Tensor;
export function zeros(...args: SizeArgs): Tensor {
  return filled('zeros', args, 0);
}

export function ones(...size: number[]): Tensor;
export function ones(...args: [...size: number[], options: TensorOptions]): Tensor;
export function ones(size: readonly number[], options?: TensorOptions): Tensor;
export function ones(...args: SizeArgs): Tensor {
  return filled('ones', args, 1);
}

/** Uninitialised in PyTorch; zero-filled here. */
export function empty(...size: number[]): Tensor;
export function empty(size: readonly number[], options?: TensorOptions): Tensor;
export function empty(...args: SizeArgs): Tensor {
  return filled('empty', args, 0);
}

/** torch.full: float32 for a number (whole or not, as `tensor`), bool for a boolean, unless given. */
export function full(
  size: number | readonly number[],
  value: number | boolean,
  options: TensorOptions = {},
): Tensor {
  return filled(
    'full',
    [typeof size === 'number' ? [size] : size, options],
    +scalarArgument('full', value),
    typeof value === 'boolean' ? 'bool' : DEFAULT_FLOAT,
  );
}

export function zerosLike(t: Tensor, options: TensorOptions = {}): Tensor {
  return zeros([...t.shape], { dtype: t.dtype, ...options });
}
export function onesLike(t: Tensor, options: TensorOptions = {}): Tensor {
  return ones([...t.shape], { dtype: t.dtype, ...options });
}
export function fullLike(t: Tensor, value: number, options: TensorOptions = {}): Tensor {
  return full([...t.shape], value, { dtype: t.dtype, ...options });
}

// ---- ranges -----------------------------------------------------------------------------------

/**
 * torch.arange: `arange(end)`, `arange(start, end)`, `arange(start, end, step)`, each optionally
 * followed by options. All-integer arguments give int32, otherwise float32.
 */
export function arange(...args: (number | TensorOptions)[]): Tensor {
  return counted('arange', () => {
    const last = args[args.length - 1];
    const options = typeof last === 'object' ? last : {};
    const nums = args.filter((a): a is number => typeof a === 'number');
    const [start, end, step] =
      nums.length === 1 ? [0, nums[0], 1] : [nums[0], nums[1], nums.length > 2 ? nums[2] : 1];
    if (step === 0) throw new Error('step must be nonzero');
    if ((step > 0 && end < start) || (step < 0 && end > start)) {
      throw new Error('upper bound and larger bound inconsistent with step sign');
    }
    const dtype = options.dtype ?? (nums.every(isInt32) ? 'int32' : DEFAULT_FLOAT);
    const n = Math.max(0, Math.ceil((end - start) / step));
    if (dtype === 'int32' && n > 0) {
      checkFitsInt32(start);
      checkFitsInt32(start + (n - 1) * step);
    }
    const t = emptyTensor([n], dtype);
    const data = t.storage().data;
    for (let i = 0; i < n; i++) data[i] = start + i * step;
    return finish(t, options);
  });
}

/** torch.linspace: `steps` evenly spaced values from start to end inclusive. */
export function linspace(
  start: number,
  end: number,
  steps: number,
  options: TensorOptions = {},
): Tensor {
  return counted('linspace', () => {
    const t = emptyTensor([steps], options.dtype ?? DEFAULT_FLOAT);
    const data = t.storage().data;
    const step = steps > 1 ? (end - start) / (steps - 1) : 0;
    // PyTorch fills the second half from the end so that the last value is exactly `end`.
    const half = Math.floor(steps / 2);
    for (let i = 0; i < steps; i++)
      data[i] = i < half ? start + i * step : end - (steps - 1 - i) * step;
    return finish(t, options);
  });
}

/** The n x m identity (m defaults to n). */
export function eye(n: number, m?: number | TensorOptions, options: TensorOptions = {}): Tensor {
  return counted('eye', () => {
    const cols = typeof m === 'number' ? m : n;
    const opts = typeof m === 'object' ? m : options;
    const t = emptyTensor([n, cols], opts.dtype ?? DEFAULT_FLOAT);
    const data = t.storage().data;
    const diagonal = Math.min(n, cols);
    for (let i = 0; i < diagonal; i++) data[i * cols + i] = 1;
    return finish(t, opts);
  });
}

// ---- random -----------------------------------------------------------------------------------

function random(name: string, args: SizeArgs, draw: (dtype: DType) => number): Tensor {
  return counted(name, () => {
    const [size, options] = sizeAndOptions(args);
    const dtype = options.dtype ?? DEFAULT_FLOAT;
    if (!isFloating(dtype)) {
      throw new Error(
        `"${name === 'rand' ? 'check_uniform_bounds' : 'normal_kernel_cpu'}" not implemented for '${scalarTypeName(dtype)}'`,
      );
    }
    const t = emptyTensor(size, dtype);
    const data = t.storage().data;
    for (let i = 0; i < data.length; i++) data[i] = draw(dtype);
    return finish(t, options);
  });
}

/** Uniform on [0, 1). Reproducible after `manualSeed`. */
export function rand(...size: number[]): Tensor;
export function rand(...args: [...size: number[], options: TensorOptions]): Tensor;
export function rand(size: readonly number[], options?: TensorOptions): Tensor;
export function rand(...args: SizeArgs): Tensor {
  return random('rand', args, (dtype) => (dtype === 'float64' ? nextUniform53() : nextUniform()));
}

/** Standard normal (Box-Muller). Reproducible after `manualSeed`. */
export function randn(...size: number[]): Tensor;
export function randn(...args: [...size: number[], options: TensorOptions]): Tensor;
export function randn(size: readonly number[], options?: TensorOptions): Tensor;
export function randn(...args: SizeArgs): Tensor {
  return random('randn', args, nextNormal);
}

export function randLike(t: Tensor, options: TensorOptions = {}): Tensor {
  return rand([...t.shape], { dtype: t.dtype, ...options });
}
export function randnLike(t: Tensor, options: TensorOptions = {}): Tensor {
  return randn([...t.shape], { dtype: t.dtype, ...options });
}

// ---- over existing memory ---------------------------------------------------------------------

const ITEM_SIZE: Record<DType, number> = { float32: 4, float64: 8, int32: 4, bool: 1 };

/** A tensor that reads `storage` through the given shape, strides and offset (no copy). */
export function fromStorage(
  storage: Storage,
  shape: readonly number[],
  stride: readonly number[] = contiguousStrides(shape),
  offset = 0,
): Tensor {
  tally('fromStorage');
  checkSizes(shape);
  if (stride.length !== shape.length) {
    throw new Error(`mismatch in length of strides and shape`);
  }
  if (stride.some((s) => s < 0))
    throw new Error(
      'as_strided: Negative strides are not supported at the moment, got strides: ' +
        formatShape(stride),
    );
  if (offset < 0) throw new Error(`Tensor: invalid storage offset ${offset}`);
  let last = offset;
  for (let d = 0; d < shape.length; d++) last += (shape[d] - 1) * stride[d];
  const needed = numelOf(shape) === 0 ? 0 : last + 1;
  if (needed > storage.size) {
    const item = ITEM_SIZE[storage.dtype];
    throw new Error(
      `setStorage: sizes ${formatShape(shape)}, strides ${formatShape(stride)}, storage offset ${offset}, and itemsize ${item} requiring a storage size of ${needed * item} are out of bounds for storage of size ${storage.size * item}`,
    );
  }
  return new Tensor(storage, [...shape], [...stride], offset);
}

/** torch.as_strided: a view of t's storage with any shape/strides (offset defaults to t's). */
export function asStrided(
  t: Tensor,
  size: readonly number[],
  stride: readonly number[],
  offset: number = t.offset,
): Tensor {
  return counted('asStrided', () => fromStorage(t.storage(), size, stride, offset));
}
