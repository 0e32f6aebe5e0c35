/**
 * `gradcheck(fn, inputs)`, like `torch.autograd.gradcheck`: compares the gradients autograd computes
 * with gradients estimated by finite differences, in float64.
 *
 * For every input x that requires grad and every output y of fn:
 * - numerical Jacobian, one column per element x[j] (central differences):
 *     (y(x + eps e_j) - y(x - eps e_j)) / (2 eps)
 * - analytical Jacobian, one row per element y[k]: the backward pass from a one-hot gradient at y[k].
 * They must agree elementwise: |analytical - numerical| <= atol + rtol * |numerical|.
 * As in PyTorch, both are laid out [x.numel(), y.numel()] and printed on a mismatch.
 */
import { zeros } from '../tensor/creation';
import { type Tensor, tensorFromData } from '../tensor/tensor';
import { grad } from './grad';
import { noGrad } from './graph';

export interface GradcheckOptions {
  /** Finite-difference step. */
  eps?: number;
  /** Absolute tolerance. */
  atol?: number;
  /** Relative tolerance. */
  rtol?: number;
  /** Throw on a mismatch (default) or return false. */
  raiseException?: boolean;
}

type Outputs = Tensor | readonly Tensor[];

export function gradcheck(
  fn: (...inputs: Tensor[]) => Outputs,
  inputs: Tensor | readonly Tensor[],
  options: GradcheckOptions = {},
): boolean {
  const { eps = 1e-6, atol = 1e-5, rtol = 1e-3, raiseException = true } = options;
  const xs = Array.isArray(inputs) ? [...(inputs as readonly Tensor[])] : [inputs as Tensor];
  const differentiable = xs.map((x, i) => (x.requiresGrad ? i : -1)).filter((i) => i >= 0);
  if (differentiable.length === 0) {
    throw new Error(
      'gradcheck expects at least one input tensor to require gradient, but none of the them have requires_grad=True.',
    );
  }
  differentiable.forEach((i) => checkInput(xs[i], i));

  const run = (): Tensor[] => asList(fn(...xs));
  const outputs = run();
  for (const [o, out] of outputs.entries()) {
    const numerical = differentiable.map((i) => numericalJacobian(run, o, xs[i], eps));
    const analytical = analyticalJacobian(
      out,
      differentiable.map((i) => xs[i]),
    );
    for (const [k, i] of differentiable.entries()) {
      if (!allClose(analytical[k], numerical[k], atol, rtol)) {
        if (!raiseException) return false;
        throw new Error(
          `Jacobian mismatch for output ${o} with respect to input ${i},\n` +
            `numerical:${jacobianText(numerical[k], xs[i].numel(), out.numel())}\n` +
            `analytical:${jacobianText(analytical[k], xs[i].numel(), out.numel())}\n`,
        );
      }
    }
  }
  return true;
}

/** Column j: how output o moves when element j of x moves, by central differences. */
function numericalJacobian(run: () => Tensor[], o: number, x: Tensor, eps: number): Float64Array {
  const positions = storagePositions(x);
  const data = x.storage().data;
  let outSize = -1;
  let jacobian = new Float64Array(0);
  positions.forEach((pos, j) => {
    const original = data[pos];
    data[pos] = original + eps;
    const plus = noGrad(() => flatValues(run()[o]));
    data[pos] = original - eps;
    const minus = noGrad(() => flatValues(run()[o]));
    data[pos] = original;
    if (outSize < 0) {
      outSize = plus.length;
      jacobian = new Float64Array(positions.length * outSize);
    }
    for (let k = 0; k < outSize; k++) jacobian[j * outSize + k] = (plus[k] - minus[k]) / (2 * eps);
  });
  return jacobian;
}

/** Row k of d(out)/d(x) for each x: one backward pass per output element, from a one-hot gradient. */
function analyticalJacobian(out: Tensor, xs: Tensor[]): Float64Array[] {
  const outSize = out.numel();
  const jacobians = xs.map((x) => new Float64Array(x.numel() * outSize));
  if (!out.requiresGrad) return jacobians; // a constant output: every gradient is zero
  const oneHot = zeros(out.shape, { dtype: out.dtype });
  const oneHotData = oneHot.storage().data;
  for (let k = 0; k < outSize; k++) {
    oneHotData.fill(0);
    oneHotData[k] = 1;
    const grads = grad(out, xs, oneHot, { allowUnused: true });
    grads.forEach((g, i) => {
      if (g === null) return;
      flatValues(g).forEach((v, j) => {
        jacobians[i][j * outSize + k] = v;
      });
    });
  }
  return jacobians;
}

function checkInput(x: Tensor, i: number): void {
  if (x.dtype !== 'float64') {
    throw new Error(
      `Input #${i} requires gradient and is not a double precision floating point. ` +
        'gradcheck needs float64 inputs: float32 rounding swamps the finite differences.',
    );
  }
  if (x.stride().some((s, d) => s === 0 && x.shape[d] > 1)) {
    throw new Error(
      `The ${i}th input has a dimension with stride 0. gradcheck only supports inputs that are ` +
        'non-overlapping to be able to compute the numerical gradients correctly. You should call ' +
        '.contiguous on the input before passing it to gradcheck.',
    );
  }
}

function allClose(a: Float64Array, b: Float64Array, atol: number, rtol: number): boolean {
  for (let i = 0; i < a.length; i++) {
    const difference = a[i] > b[i] ? a[i] - b[i] : b[i] - a[i];
    const size = b[i] < 0 ? -b[i] : b[i];
    if (!(difference <= atol + rtol * size)) return false; // NaN fails too
  }
  return true;
}

function jacobianText(values: Float64Array, rows: number, cols: number): string {
  return String(tensorFromData(Float64Array.from(values), [rows, cols], 'float64'));
}

/** Where each element of x (row-major order) lives in its storage. */
function storagePositions(x: Tensor): number[] {
  const shape = x.shape;
  const strides = x.stride();
  const positions: number[] = [];
  const index = shape.map(() => 0);
  if (shape.some((n) => n === 0)) return positions;
  for (;;) {
    positions.push(index.reduce((p, n, d) => p + n * strides[d], x.offset));
    let d = shape.length - 1;
    while (d >= 0 && ++index[d] === shape[d]) index[d--] = 0;
    if (d < 0) return positions;
  }
}

function flatValues(t: Tensor): number[] {
  const data = t.storage().data;
  return storagePositions(t).map((p) => data[p]);
}

function asList(outputs: Outputs): Tensor[] {
  return Array.isArray(outputs) ? [...(outputs as readonly Tensor[])] : [outputs as Tensor];
}
