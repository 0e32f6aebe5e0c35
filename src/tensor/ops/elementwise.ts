/**
 * Elementwise ops with broadcasting. Each op is its scalar function, its result dtype (PyTorch's
 * promotion) and its backward, side by side; the strided loops live in ../kernels.
 */
import { allocate, checkFitsInt32, isFloating, resultType, type DType } from '../dtype';
import { mapInto, zipInto, type Expression, type Strided } from '../kernels';
import { broadcastPair, type Shape } from '../layout';
import { emptyTensor, Tensor, tensorFromData, type Operand } from '../tensor';
import { gradFor } from './grad-shape';
import { recordOp } from './record';

/** A JS number as a 0-d tensor of the dtype the op computes in (so 0.1 rounds like PyTorch's). */
export function asTensor(value: Operand, dtype: DType): Tensor {
  if (value instanceof Tensor) return value;
  if (dtype === 'int32') checkFitsInt32(value);
  const data = allocate(dtype, 1);
  data[0] = dtype === 'bool' ? +(value !== 0) : value;
  return tensorFromData(data, [], dtype);
}

/** The strides that read `t` as if it had been expanded to `shape` (0 on broadcast dims). */
export function broadcastView(t: Tensor, shape: Shape): Strided {
  const lead = shape.length - t.dim();
  const strides = shape.map((size, d) =>
    d < lead || (t.shape[d - lead] === 1 && size !== 1) ? 0 : t.strides[d - lead],
  );
  return { data: t.storage().data, strides, offset: t.offset };
}

/**
 * Bool results must be 0 or 1: any non-zero (NaN included) is true. Written `+(test)` rather than
 * `test ? 1 : 0`, which V8 compiles to a branch: on real data (signs at random) that branch is
 * mispredicted every other element and a 1e6-element comparison took 6 ms instead of 1 ms.
 */
export function asBool(expression: Expression): Expression {
  return `+((${expression}) !== 0)`;
}

export function zipNew(a: Tensor, b: Tensor, dtype: DType, expression: Expression): Tensor {
  return zipNewRaw(a, b, dtype, dtype === 'bool' ? asBool(expression) : expression);
}

/** zipNew for an expression that already gives what `dtype` stores (a comparison's 0 or 1). */
function zipNewRaw(a: Tensor, b: Tensor, dtype: DType, expression: Expression): Tensor {
  const shape = broadcastPair(a.shape, b.shape);
  const out = emptyTensor(shape, dtype);
  zipInto(shape, out.strided(), broadcastView(a, shape), broadcastView(b, shape), expression);
  return out;
}

export function mapNew(a: Tensor, dtype: DType, expression: Expression): Tensor {
  const out = emptyTensor(a.shape, dtype);
  const op = dtype === 'bool' ? asBool(expression) : expression;
  mapInto(a.shape, out.strided(), a.strided(), op);
  return out;
}

/** Floating ops (true division, exp, sqrt...) turn integer inputs into the default float. */
function floatOf(dtype: DType): DType {
  return isFloating(dtype) ? dtype : 'float32';
}

export const ADD = 'x + y';
export const SUB = 'x - y';
export const MUL = 'x * y';
export const DIV = 'x / y';
// Integer products wrap like int32 arithmetic instead of losing precision past 2^53.
export const IMUL = 'imul(x, y)';

function checkNotBoolPair(a: Tensor, b: Tensor, message: string): void {
  if (a.dtype === 'bool' && b.dtype === 'bool') throw new Error(message);
}

export function add(a: Tensor, other: Operand): Tensor {
  const dtype = resultType([a, other]);
  const b = asTensor(other, dtype);
  const out = zipNew(a, b, dtype, ADD);
  return recordOp('AddBackward0', out, [a, b], (g) => [gradFor(g, a), gradFor(g, b)]);
}

export function sub(a: Tensor, other: Operand): Tensor {
  const dtype = resultType([a, other]);
  const b = asTensor(other, dtype);
  checkNotBoolPair(
    a,
    b,
    'Subtraction, the `-` operator, with two bool tensors is not supported. Use the `^` or `logical_xor()` operator instead.',
  );
  const out = zipNew(a, b, dtype, SUB);
  return recordOp('SubBackward0', out, [a, b], (g) => [
    gradFor(g, a),
    b.requiresGrad ? gradFor(g.neg(), b) : null,
  ]);
}

export function mul(a: Tensor, other: Operand): Tensor {
  const dtype = resultType([a, other]);
  const b = asTensor(other, dtype);
  const out = zipNew(a, b, dtype, dtype === 'int32' ? IMUL : MUL);
  return recordOp('MulBackward0', out, [a, b], (g) => [
    a.requiresGrad ? gradFor(g.mul(b), a) : null,
    b.requiresGrad ? gradFor(g.mul(a), b) : null,
  ]);
}

/** True division: integer inputs give the default float dtype, as torch.div does. */
export function div(a: Tensor, other: Operand): Tensor {
  const dtype = floatOf(resultType([a, other]));
  const b = asTensor(other, dtype);
  const out = zipNew(a, b, dtype, DIV);
  return recordOp('DivBackward0', out, [a, b], (g) => [
    a.requiresGrad ? gradFor(g.div(b), a) : null,
    b.requiresGrad ? gradFor(g.neg().mul(a).div(b.mul(b)), b) : null,
  ]);
}

const POW_SLOPE = 'y === 0 ? 0 : y * pow(x, y - 1)';

export function pow(a: Tensor, exponent: Operand): Tensor {
  const dtype = resultType([a, exponent]);
  const e = asTensor(exponent, dtype);
  if (!isFloating(dtype) && e.lt(0).any().item() !== 0) {
    throw new Error('Integers to negative integer powers are not allowed.');
  }
  const out = zipNew(a, e, dtype, 'pow(x, y)');
  const name = typeof exponent === 'number' ? 'PowBackward0' : 'PowBackward1';
  return recordOp(name, out, [a, e], (g) => [
    // d(a^e)/da = e * a^(e-1), and exactly 0 where e == 0 (not 0 * a^-1, which is NaN at a == 0).
    a.requiresGrad ? gradFor(g.mul(zipNew(a, e, out.dtype, POW_SLOPE)), a) : null,
    e.requiresGrad ? gradFor(g.mul(powExponentGrad(a, out)), e) : null,
  ]);
}

// d(a^e)/de = a^e * log(a), taken as 0 where a == 0 (PyTorch masks those points the same way).
function powExponentGrad(a: Tensor, out: Tensor): Tensor {
  const logA = mapNew(a, floatOf(a.dtype), 'x === 0 ? 0 : log(x)');
  return out.mul(logA);
}

export function neg(a: Tensor): Tensor {
  if (a.dtype === 'bool') {
    throw new Error(
      'Negation, the `-` operator, on a bool tensor is not supported. If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.',
    );
  }
  const out = mapNew(a, a.dtype, '-x');
  return recordOp('NegBackward0', out, [a], (g) => [g.neg()]);
}

export function exp(a: Tensor): Tensor {
  const out = mapNew(a, floatOf(a.dtype), 'exp(x)');
  return recordOp('ExpBackward0', out, [a], (g) => [g.mul(out)]);
}

export function log(a: Tensor): Tensor {
  const out = mapNew(a, floatOf(a.dtype), 'log(x)');
  return recordOp('LogBackward0', out, [a], (g) => [g.div(a)]);
}

export function sqrt(a: Tensor): Tensor {
  const out = mapNew(a, floatOf(a.dtype), 'sqrt(x)');
  return recordOp('SqrtBackward0', out, [a], (g) => [g.div(out.mul(2))]);
}

const SIGN = 'x > 0 ? 1 : x < 0 ? -1 : 0';

export function abs(a: Tensor): Tensor {
  const out = mapNew(a, a.dtype, 'abs(x)');
  return recordOp('AbsBackward0', out, [a], (g) => [g.mul(mapNew(a, a.dtype, SIGN))]);
}

/** max(x, min) elementwise; NaN in either propagates, as torch.clamp_min. */
export function clampMin(a: Tensor, min: Operand): Tensor {
  const dtype = resultType([a, min]);
  const m = asTensor(min, dtype);
  const out = zipNew(a, m, dtype, 'x !== x || y !== y ? NaN : x < y ? y : x');
  return recordOp('ClampMinBackward0', out, [a, m], (g) => [
    a.requiresGrad ? gradFor(g.mul(a.ge(m)), a) : null,
    m.requiresGrad ? gradFor(g.mul(a.lt(m)), m) : null,
  ]);
}

/** max(x, 0); NaN stays NaN and -0 stays -0, as in PyTorch (whose relu is clamp_min(x, 0)). */
export function relu(a: Tensor): Tensor {
  if (a.dtype === 'bool') throw new Error('"clamp_min_scalar_cpu" not implemented for \'Bool\'');
  const out = mapNew(a, a.dtype, 'x < 0 ? 0 : x');
  // 0 where the output is 0 and the gradient elsewhere, as PyTorch's threshold_backward: an
  // infinite or NaN gradient where relu is flat gives 0 (not 0 * inf = NaN), and a NaN output
  // passes its gradient on.
  return recordOp('ReluBackward0', out, [a], (g) => [zipNew(g, out, g.dtype, 'y <= 0 ? 0 : x')]);
}

export type Comparison = 'lt' | 'le' | 'gt' | 'ge' | 'eq' | 'ne';

const COMPARE: Record<Comparison, string> = {
  lt: '<',
  le: '<=',
  gt: '>',
  ge: '>=',
  eq: '===',
  ne: '!==',
};

/** Comparisons give bool; both sides are first brought to their common dtype, as in PyTorch. */
export function compare(a: Tensor, other: Operand, op: Comparison): Tensor {
  const common = resultType([a, other]);
  const b = asTensor(other, common);
  const operator = COMPARE[op];
  // An int32 operand compared in float32 is first rounded to float32, as PyTorch casts it.
  const roundInts = common === 'float32' && (a.dtype === 'int32' || b.dtype === 'int32');
  const expression = roundInts ? `+(fround(x) ${operator} fround(y))` : `+(x ${operator} y)`; // without a branch, as in asBool
  return zipNewRaw(a, b, 'bool', expression);
}
