/**
 * The Tensor facade: a view (shape, strides, offset) over a shared Storage, plus the autograd
 * slots. Every op is one line that names itself for countOps and hands the work to a module in
 * ./ops, where its forward and backward live side by side.
 */
import type { GradNode } from '../autograd/graph';
import { runBackward } from '../autograd/backward';
import { allocate, type DType } from './dtype';
import type { Strided } from './kernels';
import { contiguousStrides, formatShape, isContiguousLayout, numelOf, parseSize } from './layout';
import { counted, tally, uncounted } from './ops-count';
import { Storage } from './storage';
import * as convert from './ops/convert';
import * as ew from './ops/elementwise';
import * as inplace from './ops/inplace';
import * as mm from './ops/matmul';
import * as reduce from './ops/reduce';
import * as views from './ops/views';
import { formatTensor } from './print';

/** A tensor or a JS number (which behaves like a Python scalar in type promotion). */
export type Operand = Tensor | number;

/** One key of `index(...)`: `i`, `":"`, `null` (new axis), `"..."`, or a `[start, end, step]` range. */
export type IndexKey = number | ':' | '...' | null | readonly (number | null | undefined)[];

/** Nested JS arrays as `toArray()` returns them (booleans for bool tensors, like `tolist()`). */
export type NestedArray = number | boolean | NestedArray[];

type Sizes = (number | readonly number[])[];

export class Tensor {
  readonly shape: readonly number[];
  /** @internal The strides, in elements; read them with `stride()`. */
  readonly strides: readonly number[];
  readonly offset: number;
  readonly dtype: DType;
  private readonly store: Storage;

  /** Set by record() on outputs of ops whose inputs require grad, or by requiresGrad_(). */
  requiresGrad = false;
  grad: Tensor | null = null;
  gradFn: GradNode | null = null;
  /** A plain slot for the gradients the lessons compute by hand; the engine never touches it. */
  g: Tensor | undefined = undefined;

  constructor(storage: Storage, shape: readonly number[], strides: readonly number[], offset = 0) {
    this.store = storage;
    this.dtype = storage.dtype;
    this.shape = shape;
    this.strides = strides;
    this.offset = offset;
  }

  // ---- layout -------------------------------------------------------------------------------

  storage(): Storage {
    return this.store;
  }

  stride(): number[];
  stride(dim: number): number;
  stride(dim?: number): number[] | number {
    if (dim === undefined) return [...this.strides];
    return this.strides[views.dimIndex(this, dim)];
  }

  size(): number[];
  size(dim: number): number;
  size(dim?: number): number[] | number {
    if (dim === undefined) return [...this.shape];
    return this.shape[views.dimIndex(this, dim)];
  }

  numel(): number {
    return numelOf(this.shape);
  }

  dim(): number {
    return this.shape.length;
  }

  isContiguous(): boolean {
    return isContiguousLayout(this.shape, this.strides);
  }

  get isLeaf(): boolean {
    return this.gradFn === null;
  }

  /** @internal The typed array, strides and offset the kernels read. */
  strided(): Strided {
    return { data: this.store.data, strides: this.strides, offset: this.offset };
  }

  // ---- elements -----------------------------------------------------------------------------

  /** The element at a full index (negative indices count from the end). */
  get(...index: number[] | [readonly number[]]): number {
    tally('get');
    return this.store.data[views.elementOffset(this, flat(index))];
  }

  set(index: readonly number[], value: number | boolean): void {
    tally('set');
    inplace.setElement(this, index, scalarArgument('set', value));
  }

  item(): number {
    tally('item');
    if (this.numel() !== 1) {
      throw new Error(`a Tensor with ${this.numel()} elements cannot be converted to Scalar`);
    }
    return this.store.data[
      views.elementOffset(
        this,
        this.shape.map(() => 0),
      )
    ];
  }

  toArray(): NestedArray {
    return convert.toNested(this);
  }

  toString(): string {
    return uncounted(() => formatTensor(this));
  }

  /** console.log and the Node REPL show the PyTorch-style text too. */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.toString();
  }

  // ---- copies and dtypes --------------------------------------------------------------------

  contiguous(): Tensor {
    return counted('contiguous', () => convert.contiguous(this));
  }
  clone(): Tensor {
    return counted('clone', () => convert.clone(this));
  }
  to(dtype: DType): Tensor {
    return counted('to', () => convert.to(this, dtype));
  }
  float(): Tensor {
    return this.to('float32');
  }
  double(): Tensor {
    return this.to('float64');
  }
  int(): Tensor {
    return this.to('int32');
  }
  bool(): Tensor {
    return this.to('bool');
  }
  detach(): Tensor {
    tally('detach');
    return new Tensor(this.store, this.shape, this.strides, this.offset);
  }

  // ---- views (share storage, never copy) ----------------------------------------------------

  view(...shape: Sizes): Tensor {
    return counted('view', () => views.view(this, parseSize(shape)));
  }
  reshape(...shape: Sizes): Tensor {
    return counted('reshape', () => views.reshape(this, parseSize(shape)));
  }
  flatten(): Tensor {
    return counted('flatten', () => views.reshape(this, [this.numel()]));
  }
  unsqueeze(dim: number): Tensor {
    return counted('unsqueeze', () => views.unsqueeze(this, dim));
  }
  squeeze(dim?: number | readonly number[]): Tensor {
    return counted('squeeze', () => views.squeeze(this, dim));
  }
  expand(...sizes: Sizes): Tensor {
    return counted('expand', () => views.expand(this, parseSize(sizes)));
  }
  expandAs(other: Tensor): Tensor {
    return counted('expand', () => views.expand(this, [...other.shape]));
  }
  t(): Tensor {
    return counted('t', () => views.t(this));
  }
  /** The transpose of a 2-D tensor (`.T` in PyTorch; for more dims, all dims reversed). */
  get T(): Tensor {
    return counted('permute', () =>
      views.permute(
        this,
        this.shape.map((_, i) => this.dim() - 1 - i),
      ),
    );
  }
  transpose(dim0: number, dim1: number): Tensor {
    return counted('transpose', () => views.transpose(this, dim0, dim1));
  }
  permute(...dims: Sizes): Tensor {
    return counted('permute', () => views.permute(this, parseSize(dims)));
  }
  select(dim: number, index: number): Tensor {
    return counted('select', () => views.select(this, dim, index));
  }
  narrow(dim: number, start: number, length: number): Tensor {
    return counted('narrow', () => views.narrow(this, dim, start, length));
  }
  /** Basic indexing: `a[i, :]` is `a.index(i, ":")`, `c[None, :]` is `c.index(null, ":")`. */
  index(...keys: IndexKey[]): Tensor {
    return counted('index', () => views.index(this, keys));
  }

  // ---- elementwise, broadcasting ------------------------------------------------------------

  add(other: Operand): Tensor {
    return counted('add', () => ew.add(this, operand('add', other)));
  }
  sub(other: Operand): Tensor {
    return counted('sub', () => ew.sub(this, operand('sub', other)));
  }
  mul(other: Operand): Tensor {
    return counted('mul', () => ew.mul(this, operand('mul', other)));
  }
  div(other: Operand): Tensor {
    return counted('div', () => ew.div(this, operand('div', other)));
  }
  pow(exponent: Operand): Tensor {
    return counted('pow', () => ew.pow(this, operand('pow', exponent, 'exponent')));
  }
  neg(): Tensor {
    return counted('neg', () => ew.neg(this));
  }
  exp(): Tensor {
    return counted('exp', () => ew.exp(this));
  }
  log(): Tensor {
    return counted('log', () => ew.log(this));
  }
  sqrt(): Tensor {
    return counted('sqrt', () => ew.sqrt(this));
  }
  abs(): Tensor {
    return counted('abs', () => ew.abs(this));
  }
  clampMin(min: Operand): Tensor {
    return counted('clampMin', () => ew.clampMin(this, operand('clamp_min', min, 'min')));
  }
  relu(): Tensor {
    return counted('relu', () => ew.relu(this));
  }
  lt(other: Operand): Tensor {
    return counted('lt', () => ew.compare(this, operand('lt', other), 'lt'));
  }
  le(other: Operand): Tensor {
    return counted('le', () => ew.compare(this, operand('le', other), 'le'));
  }
  gt(other: Operand): Tensor {
    return counted('gt', () => ew.compare(this, operand('gt', other), 'gt'));
  }
  ge(other: Operand): Tensor {
    return counted('ge', () => ew.compare(this, operand('ge', other), 'ge'));
  }
  eq(other: Operand): Tensor {
    return counted('eq', () => ew.compare(this, operand('eq', other), 'eq'));
  }
  ne(other: Operand): Tensor {
    return counted('ne', () => ew.compare(this, operand('ne', other), 'ne'));
  }

  // ---- in place (the only ops that write into an existing tensor) ---------------------------

  add_(other: Operand): this {
    counted('add_', () => inplace.binaryInPlace(this, operand('add_', other), 'add'));
    return this;
  }
  sub_(other: Operand): this {
    counted('sub_', () => inplace.binaryInPlace(this, operand('sub_', other), 'sub'));
    return this;
  }
  mul_(other: Operand): this {
    counted('mul_', () => inplace.binaryInPlace(this, operand('mul_', other), 'mul'));
    return this;
  }
  div_(other: Operand): this {
    counted('div_', () => inplace.binaryInPlace(this, operand('div_', other), 'div'));
    return this;
  }
  zero_(): this {
    counted('zero_', () => inplace.fill(this, 0));
    return this;
  }
  fill_(value: number): this {
    counted('fill_', () => inplace.fill(this, scalarArgument('fill_', value) as number));
    return this;
  }
  copy_(src: Operand): this {
    counted('copy_', () => inplace.copyFrom(this, operand('copy_', src, 'src')));
    return this;
  }
  requiresGrad_(requiresGrad = true): this {
    tally('requiresGrad_');
    inplace.setRequiresGrad(this, requiresGrad);
    return this;
  }

  // ---- reductions ---------------------------------------------------------------------------

  sum(dim?: number | readonly number[] | null, keepdim = false): Tensor {
    return counted('sum', () => reduce.sum(this, dim, keepdim));
  }
  mean(dim?: number | readonly number[] | null, keepdim = false): Tensor {
    return counted('mean', () => reduce.mean(this, dim, keepdim));
  }
  /** With a dim, the values only (PyTorch's namedtuple `.values`); `argmax` gives the indices. */
  max(dim?: number | null, keepdim = false): Tensor {
    return counted('max', () => reduce.extreme(this, dim, keepdim, 'max'));
  }
  min(dim?: number | null, keepdim = false): Tensor {
    return counted('min', () => reduce.extreme(this, dim, keepdim, 'min'));
  }
  argmax(dim?: number | null, keepdim = false): Tensor {
    return counted('argmax', () => reduce.argExtreme(this, dim, keepdim, 'max'));
  }
  argmin(dim?: number | null, keepdim = false): Tensor {
    return counted('argmin', () => reduce.argExtreme(this, dim, keepdim, 'min'));
  }
  /** Unbiased (correction 1) by default, like torch.std. */
  std(dim?: number | readonly number[] | null, keepdim = false, correction = 1): Tensor {
    return counted('std', () => reduce.spread(this, dim, keepdim, correction, 'std'));
  }
  var(dim?: number | readonly number[] | null, keepdim = false, correction = 1): Tensor {
    return counted('var', () => reduce.spread(this, dim, keepdim, correction, 'var'));
  }
  all(dim?: number | readonly number[] | null, keepdim = false): Tensor {
    return counted('all', () => reduce.logical(this, dim, keepdim, 'all'));
  }
  any(dim?: number | readonly number[] | null, keepdim = false): Tensor {
    return counted('any', () => reduce.logical(this, dim, keepdim, 'any'));
  }

  // ---- products -----------------------------------------------------------------------------

  matmul(other: Tensor): Tensor {
    return counted('matmul', () => mm.matmul(this, tensorArgument('matmul', other)));
  }
  mm(other: Tensor): Tensor {
    return counted('matmul', () => mm.mm(this, tensorArgument('mm', other)));
  }
  bmm(other: Tensor): Tensor {
    return counted('matmul', () => mm.bmm(this, tensorArgument('bmm', other)));
  }

  // ---- autograd -----------------------------------------------------------------------------

  backward(gradient?: Tensor): void {
    counted('backward', () => runBackward(this, gradient));
  }
}

/** What a value is, in the words of PyTorch's argument errors (`not undefined`, `not string`). */
function typeName(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return 'Array';
  return typeof value === 'object' ? (value.constructor?.name ?? 'object') : typeof value;
}

/**
 * A tensor-or-number operand, checked the way PyTorch checks its arguments, so that a gradient
 * that was never set (`out.g` still undefined) fails naming the op instead of deep in a kernel:
 * `mul(): argument 'other' (position 1) must be Tensor or number, not undefined`.
 */
function operand(op: string, value: Operand, argument = 'other'): Operand {
  if (typeof value === 'number' || value instanceof Tensor) return value;
  throw new TypeError(
    `${op}(): argument '${argument}' (position 1) must be Tensor or number, not ${typeName(value)}`,
  );
}

/**
 * A number where one element goes (`set`, `fill_`, `full`). JavaScript does not check types at
 * run time, so without this a 0-dim tensor passed by mistake (`c.set([i, j], row.mul(col).sum())`)
 * would be written as NaN without a word.
 */
export function scalarArgument(op: string, value: unknown): number | boolean {
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  const hint =
    value instanceof Tensor ? ': call .item() to read the number a 1-element tensor holds' : '';
  throw new TypeError(`${op}(): the value must be a number, not ${typeName(value)}${hint}`);
}

/** A tensor argument (matmul's), checked like `operand`. */
function tensorArgument(op: string, value: Tensor): Tensor {
  if (value instanceof Tensor) return value;
  throw new TypeError(
    `${op}(): argument 'other' (position 1) must be Tensor, not ${typeName(value)}`,
  );
}

function flat(index: number[] | [readonly number[]]): readonly number[] {
  return index.length === 1 && Array.isArray(index[0])
    ? (index[0] as readonly number[])
    : (index as number[]);
}

/** A fresh contiguous tensor of the given shape and dtype, zero-filled. */
export function emptyTensor(shape: readonly number[], dtype: DType): Tensor {
  const storage = new Storage(allocate(dtype, numelOf(shape)), dtype);
  return new Tensor(storage, [...shape], contiguousStrides(shape));
}

/** A tensor over an existing typed array (contiguous, row-major), without copying it. */
export function tensorFromData(
  data: Storage['data'],
  shape: readonly number[],
  dtype: DType,
): Tensor {
  if (data.length !== numelOf(shape)) {
    throw new Error(`shape '${formatShape(shape)}' is invalid for input of size ${data.length}`);
  }
  return new Tensor(new Storage(data, dtype), [...shape], contiguousStrides(shape));
}
