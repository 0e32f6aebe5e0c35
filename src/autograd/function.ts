/**
 * Custom differentiable functions, like `torch.autograd.Function`: write the forward and the backward
 * yourself and the tape treats the pair as one op.
 *
 *   class MyReLU extends AutogradFunction {
 *     static override forward(ctx: FunctionCtx, x: Tensor): Tensor {
 *       ctx.saveForBackward(x);
 *       return x.clampMin(0);
 *     }
 *     static override backward(ctx: FunctionCtx, gradOutput: Tensor): Tensor {
 *       const [x] = ctx.savedTensors;
 *       return gradOutput.mul(x.gt(0));
 *     }
 *   }
 *   const y = MyReLU.apply(x);
 *
 * `forward` runs with recording off (it sees plain tensors); `backward` returns one gradient per
 * argument of `forward` (`null` for arguments that are not tensors or need no gradient), or a single
 * tensor when `forward` takes one argument.
 */
import { Tensor } from '../tensor/tensor';
import { noGrad, record } from './graph';

/** The context object shared by one call's forward and backward. Extra fields may be attached. */
export class FunctionCtx {
  /** For each argument of `forward`: is it a tensor that requires grad? */
  readonly needsInputGrad: readonly boolean[];
  private saved: readonly Tensor[] = [];
  [extra: string]: unknown;

  constructor(needsInputGrad: readonly boolean[]) {
    this.needsInputGrad = needsInputGrad;
  }

  /** Keeps tensors for backward (ctx.save_for_backward). */
  saveForBackward(...tensors: Tensor[]): void {
    this.saved = tensors;
  }

  /** The tensors given to `saveForBackward`, in order (ctx.saved_tensors). */
  get savedTensors(): readonly Tensor[] {
    return this.saved;
  }
}

type Gradients = Tensor | null | readonly (Tensor | null)[];

export abstract class AutogradFunction {
  static forward(_ctx: FunctionCtx, ..._args: never[]): Tensor {
    throw new Error(`You must implement the forward function for custom autograd.Function.`);
  }

  static backward(_ctx: FunctionCtx, _gradOutput: Tensor): Gradients {
    throw new Error(
      `You must implement either the backward or vjp method for your custom autograd.Function to use it with backward mode AD.`,
    );
  }

  /** Runs forward and, when an input requires grad, records the pair on the tape. */
  static apply<F extends typeof AutogradFunction>(
    this: F,
    ...args: Parameters<F['forward']> extends [FunctionCtx, ...infer A] ? A : never
  ): Tensor {
    const values: unknown[] = args;
    const needsInputGrad = values.map((a) => isTensor(a) && a.requiresGrad);
    const ctx = new FunctionCtx(needsInputGrad);
    const forward = this.forward as (ctx: FunctionCtx, ...args: unknown[]) => Tensor;
    let out = noGrad(() => forward.call(this, ctx, ...values));
    const tensorPositions = values.flatMap((a, i) => (isTensor(a) ? [i] : []));
    const inputs = tensorPositions.map((i) => values[i] as Tensor);
    // Returning an input unchanged must not attach a gradFn to the caller's tensor: use an alias.
    if (inputs.includes(out)) out = out.detach();
    // PyTorch names a custom function's node after its class: MyReLU -> MyReLUBackward.
    const name = `${this.name}Backward`;
    const backward = this.backward as (ctx: FunctionCtx, g: Tensor) => Gradients;
    return record(name, out, inputs, (gradOutput) => {
      const grads = asList(backward.call(this, ctx, gradOutput));
      if (grads.length !== values.length) {
        throw new Error(
          `function ${name} returned an incorrect number of gradients ` +
            `(expected ${values.length}, got ${grads.length})`,
        );
      }
      return tensorPositions.map((i) => grads[i]);
    });
  }
}

function asList(grads: Gradients): readonly (Tensor | null)[] {
  return Array.isArray(grads) ? grads : [grads as Tensor | null];
}

function isTensor(value: unknown): value is Tensor {
  return value instanceof Tensor;
}
