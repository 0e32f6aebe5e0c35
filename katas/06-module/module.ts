import type { Tensor } from '../../src';

/**
 * A layer that remembers its last call, so it can run its own backward step later.
 *
 * Every layer of kata 05 needed its inputs and its output again on the way back. A Module keeps
 * them: `call(...args)` stores the arguments in `this.args`, runs `this.forward(...args)`, stores
 * the result in `this.out` and returns it. `backward()` hands both back to the subclass:
 * `this.bwd(this.out, ...this.args)`. Each subclass then writes only the maths: `forward` and `bwd`.
 * Before any `call()` there is nothing to hand back: `backward()` then throws
 * `backward() needs a call() first`.
 */
export abstract class Module {
  /** The arguments of the last call. */
  args: Tensor[] = [];
  /** The output of the last call; the next layer's backward step sets its `.g`. */
  out: Tensor | undefined = undefined;

  call(...args: Tensor[]): Tensor {
    throw new Error('not implemented yet: Module.call in katas/06-module/module.ts');
  }

  abstract forward(...args: Tensor[]): Tensor;

  /** Sets `.g` on each argument from `out.g`. */
  abstract bwd(out: Tensor, ...args: Tensor[]): void;

  backward(): void {
    throw new Error('not implemented yet: Module.backward in katas/06-module/module.ts');
  }
}

/** relu as a Module: forward clamps at 0; bwd sets inp.g (the gradient is 0 where inp <= 0). */
export class Relu extends Module {
  override forward(inp: Tensor): Tensor {
    throw new Error('not implemented yet: Relu.forward in katas/06-module/module.ts');
  }

  override bwd(out: Tensor, inp: Tensor): void {
    throw new Error('not implemented yet: Relu.bwd in katas/06-module/module.ts');
  }
}

/** A linear layer holding its weights: forward is inp @ w + b; bwd sets inp.g, w.g and b.g. */
export class Lin extends Module {
  constructor(
    readonly w: Tensor,
    readonly b: Tensor,
  ) {
    super();
  }

  override forward(inp: Tensor): Tensor {
    throw new Error('not implemented yet: Lin.forward in katas/06-module/module.ts');
  }

  override bwd(out: Tensor, inp: Tensor): void {
    throw new Error('not implemented yet: Lin.bwd in katas/06-module/module.ts');
  }
}

/** Mean squared error as a Module: forward(inp [n, 1], targ [n]) is the loss; bwd sets inp.g. */
export class Mse extends Module {
  override forward(inp: Tensor, targ: Tensor): Tensor {
    throw new Error('not implemented yet: Mse.forward in katas/06-module/module.ts');
  }

  override bwd(out: Tensor, inp: Tensor, targ: Tensor): void {
    throw new Error('not implemented yet: Mse.bwd in katas/06-module/module.ts');
  }
}

/**
 * The lesson's two-layer network built from modules.
 * - constructor: `layers` = [Lin(w1, b1), Relu, Lin(w2, b2)] and `loss` = an Mse.
 * - `call(x, targ)`: runs x through the layers in order, returns the loss against targ.
 * - `backward()`: the loss's backward first, then every layer's, last layer first.
 */
export class Model {
  readonly layers: Module[];
  readonly loss: Mse;

  constructor(w1: Tensor, b1: Tensor, w2: Tensor, b2: Tensor) {
    throw new Error('not implemented yet: Model constructor in katas/06-module/module.ts');
  }

  call(x: Tensor, targ: Tensor): Tensor {
    throw new Error('not implemented yet: Model.call in katas/06-module/module.ts');
  }

  backward(): void {
    throw new Error('not implemented yet: Model.backward in katas/06-module/module.ts');
  }
}
