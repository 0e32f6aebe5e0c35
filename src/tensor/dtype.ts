/**
 * Element types and PyTorch's type promotion.
 *
 * Four dtypes, ordered bool < int32 < float32 < float64. PyTorch's int64 is not offered: integer
 * data (including JS integers and index results) is int32 here.
 */
export type DType = 'float32' | 'float64' | 'int32' | 'bool';

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
      return new Float32Array(size);
    case 'float64':
      return new Float64Array(size);
    case 'int32':
      return new Int32Array(size);
    case 'bool':
      return new Uint8Array(size);
  }
}

export function isDType(value: unknown): value is DType {
  return value === 'float32' || value === 'float64' || value === 'int32' || value === 'bool';
}

/** The dtype PyTorch gives a Python scalar: int for integral numbers, the default float otherwise. */
export function scalarDType(value: number | boolean): DType {
  if (typeof value === 'boolean') return 'bool';
  return Number.isInteger(value) ? 'int32' : DEFAULT_FLOAT;
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
