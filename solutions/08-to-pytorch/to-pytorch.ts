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

/**
 * The data step: (x - mean) / std, elementwise. With the training set's mean and std, the training
 * inputs end up with mean 0 and std 1, the scale the initialisation of kata 07 assumes.
 */
export function normalize(x: Tensor, mean: number, std: number): Tensor {
  return x.sub(mean).div(std);
}

/**
 * Both sets normalised with the TRAINING set's statistics: the validation set must be shifted and
 * scaled exactly as the training set was, or the model sees it on another scale (and its own
 * statistics would leak what it holds). Returns the statistics too, to normalise new inputs later.
 */
export function normalizeSplits(
  xTrain: Tensor,
  xValid: Tensor,
): { train: Tensor; valid: Tensor; mean: number; std: number } {
  const mean = xTrain.mean().item();
  const std = xTrain.std().item();
  return { train: normalize(xTrain, mean, std), valid: normalize(xValid, mean, std), mean, std };
}

/**
 * relu as a custom autograd Function: forward computes it and keeps its input in ctx for later;
 * backward, run by `loss.backward()`, passes the gradient where that input was positive.
 */
export class MyRelu extends AutogradFunction {
  static override forward(ctx: FunctionCtx, i: Tensor): Tensor {
    ctx.saveForBackward(i);
    return i.clampMin(0);
  }

  static override backward(ctx: FunctionCtx, gradOutput: Tensor): Tensor {
    const [i] = ctx.savedTensors;
    return gradOutput.mul(i.gt(0));
  }
}

/** A Module around MyRelu, so that it can sit in a Sequential between two layers. */
class Relu extends Module {
  forward(x: Tensor): Tensor {
    return MyRelu.apply(x);
  }
}

/**
 * A linear layer in PyTorch's layout: weight is [nOut, nIn] (one row per output), so forward
 * multiplies by its transpose. Both tensors require grad and are fields, which makes them the
 * layer's parameters, in the order they are assigned: weight, then bias.
 */
export class LinearLayer extends Module {
  readonly weight: Tensor;
  readonly bias: Tensor;

  constructor(nIn: number, nOut: number) {
    super();
    // Kaiming: std √(2/nIn), since each output sums nIn products and a ReLU follows
    const std = Math.sqrt(2 / nIn);
    this.weight = randn(nOut, nIn).mul(std).requiresGrad_();
    this.bias = zeros(nOut).requiresGrad_();
  }

  forward(x: Tensor): Tensor {
    return x.matmul(this.weight.t()).add(this.bias);
  }
}

/** The lesson's network once more, now in PyTorch's style: autograd finds every gradient. */
export class Model extends Module {
  readonly layers: Sequential;
  readonly loss = mseLoss;

  constructor(nIn: number, nh: number, nOut: number) {
    super();
    this.layers = new Sequential(new LinearLayer(nIn, nh), new Relu(), new LinearLayer(nh, nOut));
  }

  /** The loss of the layers' output against targ; [n, 1] is squeezed to [n] first. */
  forward(x: Tensor, targ: Tensor): Tensor {
    return this.loss(this.layers.call(x).squeeze(-1), targ);
  }
}
