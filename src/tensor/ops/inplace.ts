/**
 * The ops that write into an existing tensor (names ending in `_`, and `set`). They refuse what
 * PyTorch refuses: writing into a leaf that requires grad, writing through a broadcast view
 * (several elements sharing one memory location), and results whose dtype cannot be cast back.
 */
import { isGradEnabled } from '../../autograd/graph';
import { canCast, checkFitsInt32, resultType, scalarTypeName } from '../dtype';
import { copyInto, zipInto } from '../kernels';
import { broadcastPair, formatShape, sameShape } from '../layout';
import type { Operand, Tensor } from '../tensor';
import { ADD, asBool, asTensor, broadcastView, DIV, IMUL, MUL, SUB } from './elementwise';
import { elementOffset } from './views';

function checkWritable(t: Tensor): void {
  if (isGradEnabled() && t.requiresGrad) {
    if (t.isLeaf) {
      throw new Error('a leaf Variable that requires grad is being used in an in-place operation.');
    }
    // PyTorch would rewrite the graph (CopySlices); this engine refuses rather than give wrong grads.
    throw new Error(
      'in-place operations on a tensor that requires grad are not supported here; use the out-of-place op (e.g. add instead of add_) or run it inside noGrad',
    );
  }
  for (let d = 0; d < t.dim(); d++) {
    if (t.strides[d] === 0 && t.shape[d] > 1) {
      throw new Error(
        'unsupported operation: more than one element of the written-to tensor refers to a single memory location. Please clone() the tensor before performing the operation.',
      );
    }
  }
}

/** The source of an in-place op, copied first if it overlaps the destination differently. */
function source(t: Tensor, other: Operand): Tensor {
  const src = asTensor(other, t.dtype);
  const aliased =
    src !== t &&
    src.storage() === t.storage() &&
    !(
      src.offset === t.offset &&
      sameShape(src.shape, t.shape) &&
      sameShape(src.strides, t.strides)
    );
  return aliased ? src.clone() : src;
}

function checkBroadcastsInto(t: Tensor, src: Tensor): void {
  const shape = broadcastPair(t.shape, src.shape);
  if (!sameShape(shape, t.shape)) {
    throw new Error(
      `output with shape ${formatShape(t.shape)} doesn't match the broadcast shape ${formatShape(shape)}`,
    );
  }
}

const OPS = { add: ADD, sub: SUB, mul: MUL, div: DIV };

export function binaryInPlace(t: Tensor, other: Operand, op: keyof typeof OPS): void {
  checkWritable(t);
  let dtype = resultType([t, other]);
  if (op === 'div' && (dtype === 'int32' || dtype === 'bool')) dtype = 'float32';
  if (!canCast(dtype, t.dtype)) {
    throw new Error(
      `result type ${scalarTypeName(dtype)} can't be cast to the desired output type ${scalarTypeName(t.dtype)}`,
    );
  }
  const src = source(t, other);
  checkBroadcastsInto(t, src);
  const expression = op === 'mul' && t.dtype === 'int32' ? IMUL : OPS[op];
  const fn = t.dtype === 'bool' ? asBool(expression) : expression;
  zipInto(t.shape, t.strided(), t.strided(), broadcastView(src, t.shape), fn);
}

export function fill(t: Tensor, value: number): void {
  checkWritable(t);
  copyFrom(t, value);
}

/** copy_: broadcasts the source to t's shape and casts it to t's dtype. */
export function copyFrom(t: Tensor, other: Operand): void {
  checkWritable(t);
  const src = source(t, other);
  checkBroadcastsInto(t, src);
  if (t.dtype === 'bool' && src.dtype !== 'bool') {
    zipInto(t.shape, t.strided(), t.strided(), broadcastView(src, t.shape), '+(y !== 0)');
    return;
  }
  copyInto(t.shape, t.strided(), broadcastView(src, t.shape));
}

export function setElement(t: Tensor, index: readonly number[], value: number | boolean): void {
  checkWritable(t);
  const v = +value;
  if (t.dtype === 'int32') checkFitsInt32(v);
  t.storage().data[elementOffset(t, index)] = t.dtype === 'bool' ? +(v !== 0) : v;
}

export function setRequiresGrad(t: Tensor, flag: boolean): void {
  if (flag && t.dtype !== 'float32' && t.dtype !== 'float64') {
    throw new Error('Only Tensors of floating point and complex dtype can require gradients');
  }
  if (!flag && !t.isLeaf) {
    throw new Error(
      "you can only change requires_grad flags of leaf variables. If you want to use a computed variable in a subgraph that doesn't require differentiation use var_no_grad = var.detach().",
    );
  }
  t.requiresGrad = flag;
}
