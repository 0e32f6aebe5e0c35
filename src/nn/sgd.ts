/**
 * Stochastic gradient descent, like `torch.optim.SGD`, with momentum and weight decay.
 *
 * For each parameter p with gradient g, one `step()` does (PyTorch's algorithm):
 *   g = g + weightDecay * p
 *   buf = momentum * buf + (1 - dampening) * g   (buf = g on the first step)
 *   g = nesterov ? g + momentum * buf : buf        (only when momentum > 0)
 *   p = p - lr * g
 * Parameters without a gradient are skipped. Updates happen in place and are not recorded.
 */
import { noGrad } from '../autograd/graph';
import { zerosLike } from '../tensor/creation';
import type { TypedArray } from '../tensor/dtype';
import type { Tensor } from '../tensor/tensor';

export interface SGDOptions {
  lr: number;
  momentum?: number;
  dampening?: number;
  weightDecay?: number;
  nesterov?: boolean;
}

export class SGD {
  readonly params: Tensor[];
  lr: number;
  readonly momentum: number;
  readonly dampening: number;
  readonly weightDecay: number;
  readonly nesterov: boolean;
  private readonly momentumBuffers = new Map<Tensor, Tensor>();

  constructor(params: Iterable<Tensor>, options: SGDOptions) {
    this.params = [...params];
    this.lr = options.lr;
    this.momentum = options.momentum ?? 0;
    this.dampening = options.dampening ?? 0;
    this.weightDecay = options.weightDecay ?? 0;
    this.nesterov = options.nesterov ?? false;
    if (!(this.lr >= 0)) throw new Error(`Invalid learning rate: ${this.lr}`);
    if (this.momentum < 0) throw new Error(`Invalid momentum value: ${this.momentum}`);
    if (this.weightDecay < 0) throw new Error(`Invalid weight_decay value: ${this.weightDecay}`);
    if (this.nesterov && (this.momentum <= 0 || this.dampening !== 0)) {
      throw new Error('Nesterov momentum requires a momentum and zero dampening');
    }
  }

  step(): void {
    noGrad(() => {
      for (const p of this.params) {
        if (p.grad === null) continue;
        if (!this.stepFused(p, p.grad)) this.stepWithTensorOps(p, p.grad);
      }
    });
  }

  /** Forgets every parameter's gradient (sets `.grad` to null, PyTorch's default). */
  zeroGrad(): void {
    for (const p of this.params) p.grad = null;
  }

  /**
   * The whole update in one loop over the raw arrays, when parameter and gradient are plain
   * contiguous buffers of the same dtype (always true for Linear's parameters): one pass instead of
   * four or five whole-tensor ops, each allocating a temporary (PyTorch's "fused" SGD does the same).
   */
  private stepFused(p: Tensor, grad: Tensor): boolean {
    if (!isPlainBuffer(p) || !isPlainBuffer(grad) || grad.dtype !== p.dtype) return false;
    if (p.numel() !== grad.numel()) return false;
    const n = p.numel();
    const w = p.storage().data.subarray(p.offset, p.offset + n);
    const g = grad.storage().data.subarray(grad.offset, grad.offset + n);
    const { lr, momentum, dampening, weightDecay, nesterov } = this;
    // Each loop reads every element once and tests nothing inside: V8 does not hoist a test out
    // of a loop, and on a 784x50 float32 weight with momentum the two tests and the second read
    // of w made a step 1.4 times slower (CPU time per step 165 -> 120 us).
    if (momentum === 0) {
      for (let i = 0; i < n; i++) {
        const wi = w[i];
        w[i] = wi - lr * (g[i] + weightDecay * wi);
      }
      return true;
    }
    let bufTensor = this.momentumBuffers.get(p);
    // The first step takes the gradient itself as the buffer, as PyTorch does: the buffer starts
    // at 0 and the gradient enters undamped.
    const keep = bufTensor === undefined ? 1 : 1 - dampening;
    bufTensor ??= zerosLike(p);
    this.momentumBuffers.set(p, bufTensor);
    const buf = bufTensor.storage().data;
    if (nesterov) nesterovStep(w, g, buf, n, lr, momentum, keep, weightDecay);
    else momentumStep(w, g, buf, n, lr, momentum, keep, weightDecay);
    return true;
  }

  /** The same update with tensor ops, for any layout. */
  private stepWithTensorOps(p: Tensor, grad: Tensor): void {
    let g = grad;
    if (this.weightDecay !== 0) g = g.add(p.mul(this.weightDecay));
    if (this.momentum !== 0) {
      const previous = this.momentumBuffers.get(p);
      const buf =
        previous === undefined
          ? g.clone()
          : previous.mul_(this.momentum).add_(g.mul(1 - this.dampening));
      this.momentumBuffers.set(p, buf);
      g = this.nesterov ? g.add(buf.mul(this.momentum)) : buf;
    }
    p.sub_(g.mul(this.lr));
  }
}

/** A float tensor whose elements fill one stretch of its storage in row-major order. */
function isPlainBuffer(t: Tensor): boolean {
  return (t.dtype === 'float32' || t.dtype === 'float64') && t.isContiguous();
}

/** w -= lr * b, where b = momentum * buf + keep * (g + weightDecay * w) becomes the new buf. */
function momentumStep(
  w: TypedArray,
  g: TypedArray,
  buf: TypedArray,
  n: number,
  lr: number,
  momentum: number,
  keep: number,
  weightDecay: number,
): void {
  for (let i = 0; i < n; i++) {
    const wi = w[i];
    const b = momentum * buf[i] + keep * (g[i] + weightDecay * wi);
    buf[i] = b;
    w[i] = wi - lr * b;
  }
}

/** The same with Nesterov's look-ahead: w -= lr * (d + momentum * b), d = g + weightDecay * w. */
function nesterovStep(
  w: TypedArray,
  g: TypedArray,
  buf: TypedArray,
  n: number,
  lr: number,
  momentum: number,
  keep: number,
  weightDecay: number,
): void {
  for (let i = 0; i < n; i++) {
    const wi = w[i];
    const d = g[i] + weightDecay * wi;
    const b = momentum * buf[i] + keep * d;
    buf[i] = b;
    w[i] = wi - lr * (d + momentum * b);
  }
}
