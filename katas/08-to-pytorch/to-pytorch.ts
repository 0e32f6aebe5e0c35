import {
  AutogradFunction,
  FunctionCtx,
  Module,
  Sequential,
  mseLoss,
  randn,
  zeros,
  type Tensor,
} from '../../src';

/*
 * Kata 08: from hand-written gradients to PyTorch's way. Lesson: docs/08-to-pytorch.md
 * The engine's `AutogradFunction`, `Module` and `Sequential` are PyTorch's `autograd.Function`,
 * `nn.Module` and `nn.Sequential`: here autograd finds the gradients you wrote by hand in kata 05.
 * Run the tests with `npm run kata -- 08`; `npm run hint -- 08` when stuck.
 */

/**
 * The data step: `(x - mean) / std`, elementwise, as a new tensor (leave `x` alone).
 */
export function normalize(x: Tensor, mean: number, std: number): Tensor {
  throw new Error('not implemented yet: normalize in katas/08-to-pytorch/to-pytorch.ts');
}

/**
 * Normalise both sets with the TRAINING set's mean and std (`xTrain.mean().item()`,
 * `xTrain.std().item()`): afterwards the training set has mean 0 and std 1, and the validation
 * set was shifted and scaled exactly as the training set was (never by its own statistics).
 * Return the two normalised tensors and the two numbers used.
 */
export function normalizeSplits(
  xTrain: Tensor,
  xValid: Tensor,
): { train: Tensor; valid: Tensor; mean: number; std: number } {
  throw new Error('not implemented yet: normalizeSplits in katas/08-to-pytorch/to-pytorch.ts');
}

/**
 * relu as a custom autograd Function, used as `MyRelu.apply(x)`:
 * - `forward(ctx, i)` returns `i.clampMin(0)` and keeps `i` for later with
 *   `ctx.saveForBackward(i)`;
 * - `backward(ctx, gradOutput)` reads it back (`const [i] = ctx.savedTensors`) and returns the
 *   gradient with respect to `i`: gradOutput where `i > 0`, 0 elsewhere (at exactly 0 too).
 */
export class MyRelu extends AutogradFunction {
  static override forward(ctx: FunctionCtx, i: Tensor): Tensor {
    throw new Error('not implemented yet: MyRelu.forward in katas/08-to-pytorch/to-pytorch.ts');
  }

  static override backward(ctx: FunctionCtx, gradOutput: Tensor): Tensor {
    throw new Error('not implemented yet: MyRelu.backward in katas/08-to-pytorch/to-pytorch.ts');
  }
}

/**
 * A linear layer in PyTorch's layout. `new LinearLayer(nIn, nOut)` holds
 * - `weight`: shape [nOut, nIn] (one row per output), `randn(nOut, nIn)` times √(2/nIn), requiring
 *   grad (`.requiresGrad_()`);
 * - `bias`: `zeros(nOut)`, requiring grad;
 * assigned in that order (a Module's parameters are its fields that require grad, in order).
 * `forward(x)` is `x @ weightᵀ + bias`.
 */
export class LinearLayer extends Module {
  readonly weight!: Tensor;
  readonly bias!: Tensor;

  constructor(nIn: number, nOut: number) {
    super();
    throw new Error('not implemented yet: LinearLayer in katas/08-to-pytorch/to-pytorch.ts');
  }

  forward(x: Tensor): Tensor {
    throw new Error(
      'not implemented yet: LinearLayer.forward in katas/08-to-pytorch/to-pytorch.ts',
    );
  }
}

/**
 * The lesson's network in PyTorch's style. `new Model(nIn, nh, nOut)` holds
 * - `layers`: a `Sequential` of `LinearLayer(nIn, nh)`, a ReLU Module whose forward is
 *   `MyRelu.apply(x)` (write that small Module class here too), and `LinearLayer(nh, nOut)`;
 * - `loss`: the engine's `mseLoss`.
 * `forward(x, targ)` returns the loss of `layers.call(x).squeeze(-1)` against `targ`; then
 * `loss.backward()` fills every parameter's `.grad`.
 */
export class Model extends Module {
  readonly layers!: Sequential;
  readonly loss = mseLoss;

  constructor(nIn: number, nh: number, nOut: number) {
    super();
    throw new Error('not implemented yet: Model in katas/08-to-pytorch/to-pytorch.ts');
  }

  forward(x: Tensor, targ: Tensor): Tensor {
    throw new Error('not implemented yet: Model.forward in katas/08-to-pytorch/to-pytorch.ts');
  }
}
