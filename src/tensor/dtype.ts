/**
 * Element types and PyTorch's type promotion.
 *
 * Four dtypes, ordered bool < int32 < float32 < float64. PyTorch's int64 is not offered: integer
 * data (Int32Array, index results, sums of ints) is int32 here; JS number arrays are float32.
 */
export type DType = 'float32' | 'float64' | 'int32' | 'bool';

// Read once: inside jest's sandbox every global lookup costs about half a microsecond, and these
// run once per op (allocate) or once per element (tensor() from nested arrays).
const { isInteger } = Number;
const { trunc } = Math;
const F32 = Float32Array;
const F64 = Float64Array;
const I32 = Int32Array;
const U8 = Uint8Array;

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

export const float32: DType = 'float32';
export const float64: DType = 'float64';
export const int32: DType = 'int32';
export const bool: DType = 'bool';

export type TypedArray = Float32Array | Float64Array | Int32Array | Uint8Array;

/** The dtype a tensor gets when none is asked for and the values are not all integers. */
export const DEFAULT_FLOAT: DType = 'float32';

const RANK: Record<DType, number> = { bool: 0, int32: 1, float32: 2, float64: 3 };

/** The name PyTorch prints (`dtype=torch.int32`). */
export function torchName(dtype: DType): string {
  return `torch.${dtype}`;
}

/** The C++ scalar type name PyTorch uses in error messages (`Float`, `Int`...). */
export function scalarTypeName(dtype: DType): string {
  return { float32: 'Float', float64: 'Double', int32: 'Int', bool: 'Bool' }[dtype];
}

export function isFloating(dtype: DType): boolean {
  return dtype === 'float32' || dtype === 'float64';
}

/** 0 bool, 1 integer, 2 floating: promotion only looks past a 0-d tensor or scalar across categories. */
function category(dtype: DType): number {
  return dtype === 'bool' ? 0 : dtype === 'int32' ? 1 : 2;
}

export function promoteTypes(a: DType, b: DType): DType {
  return RANK[a] >= RANK[b] ? a : b;
}

export function allocate(dtype: DType, size: number): TypedArray {
  switch (dtype) {
    case 'float32':
      return new F32(size);
    case 'float64':
      return new F64(size);
    case 'int32':
      return new I32(size);
    case 'bool':
      return new U8(size);
  }
}

export function isDType(value: unknown): value is DType {
  return value === 'float32' || value === 'float64' || value === 'int32' || value === 'bool';
}

/** Whether a JS number is a whole number that int32 holds. */
export function isInt32(value: number): boolean {
  return isInteger(value) && value >= INT32_MIN && value <= INT32_MAX;
}

/**
 * PyTorch's check when a number is written into an integer tensor: it is truncated toward zero,
 * and refused (not wrapped around) when int32 cannot hold the result.
 */
export function checkFitsInt32(value: number): void {
  const whole = trunc(value);
  if (!(whole >= INT32_MIN && whole <= INT32_MAX)) {
    throw new Error('value cannot be converted to type int32_t without overflow');
  }
}

/**
 * The dtype PyTorch gives a Python scalar: int for integral numbers, the default float otherwise.
 * JS has one number type, so a whole number that int32 cannot hold (1e10) counts as a float, as
 * it would have to be written in Python.
 */
export function scalarDType(value: number | boolean): DType {
  if (typeof value === 'boolean') return 'bool';
  return isInt32(value) ? 'int32' : DEFAULT_FLOAT;
}

/** What `torch.result_type` needs to know about a tensor operand. */
export interface DTyped {
  readonly dtype: DType;
  dim(): number;
}

type Maybe = DType | null;

function promoteSkipping(a: Maybe, b: Maybe): Maybe {
  if (a === null) return b;
  if (b === null) return a;
  return promoteTypes(a, b);
}

// PyTorch's combine_categories: a lower-priority group only matters if it is of a higher category.
function combineCategories(higher: Maybe, lower: Maybe): Maybe {
  if (higher !== null && isFloating(higher)) return higher;
  if (higher === 'bool' || (lower !== null && isFloating(lower))) {
    return promoteSkipping(higher, lower);
  }
  return higher ?? lower;
}

/**
 * torch.result_type: tensors with dimensions decide the dtype; 0-d tensors and then JS numbers
 * (which behave like Python scalars) only raise it when they belong to a higher category
 * (bool < integer < floating). So int32 + 2.5 is float32, float32 + 0-d float64 stays float32.
 */
export function resultType(operands: readonly (DTyped | number | boolean)[]): DType {
  let dimResult: Maybe = null;
  let zeroResult: Maybe = null;
  let scalarResult: Maybe = null;
  for (const op of operands) {
    if (typeof op === 'number' || typeof op === 'boolean') {
      scalarResult = promoteSkipping(scalarResult, scalarDType(op));
    } else if (op.dim() === 0) {
      zeroResult = promoteSkipping(zeroResult, op.dtype);
    } else {
      dimResult = promoteSkipping(dimResult, op.dtype);
    }
  }
  return combineCategories(dimResult, combineCategories(zeroResult, scalarResult)) ?? DEFAULT_FLOAT;
}

/** Whether a value of type `from` may be written into a tensor of type `to` (in-place ops). */
export function canCast(from: DType, to: DType): boolean {
  return category(from) <= category(to);
}
