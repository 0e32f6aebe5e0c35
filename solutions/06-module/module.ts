import type { Tensor } from '../../src';

/**
 * A layer that remembers its last call, so it can run its own backward step later.
 *
 * `call(...args)` keeps the arguments and the output on the instance (`this.args`, `this.out`);
 * `backward()` hands both to `bwd`, which reads `out.g` (set by the layer after this one) and sets
 * `.g` on the arguments. Each subclass writes only the maths: `forward` and `bwd`.
 */
export abstract class Module {
  /** The arguments of the last call. */
  args: Tensor[] = [];
  /** The output of the last call; the next layer's backward step sets its `.g`. */
  out: Tensor | undefined = undefined;

  call(...args: Tensor[]): Tensor {
    this.args = args;
    this.out = this.forward(...args);
    return this.out;
  }

  abstract forward(...args: Tensor[]): Tensor;

  /** Sets `.g` on each argument from `out.g`. */
  abstract bwd(out: Tensor, ...args: Tensor[]): void;

  backward(): void {
    if (this.out === undefined) throw new Error('backward() needs a call() first');
    this.bwd(this.out, ...this.args);
  }
}

export class Relu extends Module {
  override forward(inp: Tensor): Tensor {
    return inp.clampMin(0);
  }

  // relu passes the gradient where its input was positive and blocks it elsewhere (also at 0)
  override bwd(out: Tensor, inp: Tensor): void {
    inp.g = inp.gt(0).float().mul(out.g!);
  }
}

export class Lin extends Module {
  constructor(
    readonly w: Tensor,
    readonly b: Tensor,
  ) {
    super();
  }

  override forward(inp: Tensor): Tensor {
    return inp.matmul(this.w).add(this.b);
  }

  override bwd(out: Tensor, inp: Tensor): void {
    inp.g = out.g!.matmul(this.w.t());
    this.w.g = inp.t().matmul(out.g!);
    this.b.g = out.g!.sum(0);
  }
}

export class Mse extends Module {
  // squeeze [n, 1] to [n] first, or [n, 1] - [n] broadcasts to [n, n]
  override forward(inp: Tensor, targ: Tensor): Tensor {
    return inp.squeeze(-1).sub(targ).pow(2).mean();
  }

  // the loss is where backward starts, so its own out.g is not needed
  override bwd(_out: Tensor, inp: Tensor, targ: Tensor): void {
    inp.g = inp.squeeze(-1).sub(targ).unsqueeze(-1).mul(2).div(targ.shape[0]);
  }
}

/** The lesson's two-layer network built from modules: Lin → Relu → Lin, scored by Mse. */
export class Model {
  readonly layers: Module[];
  readonly loss: Mse;

  constructor(w1: Tensor, b1: Tensor, w2: Tensor, b2: Tensor) {
    this.layers = [new Lin(w1, b1), new Relu(), new Lin(w2, b2)];
    this.loss = new Mse();
  }

  /** Runs the layers in order and returns the loss of their output against targ. */
  call(x: Tensor, targ: Tensor): Tensor {
    for (const layer of this.layers) x = layer.call(x);
    return this.loss.call(x, targ);
  }

  /** Backward from the loss, then through the layers last to first. */
  backward(): void {
    this.loss.backward();
    // a reversed copy: Array.prototype.reverse() would reorder this.layers itself
    for (const layer of [...this.layers].reverse()) layer.backward();
  }
}
