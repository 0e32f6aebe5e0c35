/**
 * A fully connected layer, like `torch.nn.Linear`: y = x @ weight.T + bias, with weight of shape
 * [outFeatures, inFeatures] and bias of shape [outFeatures].
 *
 * Default initialisation is PyTorch's: weight from kaiming_uniform_ with a = sqrt(5), which works
 * out to U(-1/sqrt(inFeatures), 1/sqrt(inFeatures)), and bias from the same range.
 */
import type { DType } from '../tensor/dtype';
import { Tensor } from '../tensor/tensor';
import { empty } from '../tensor/creation';
import { kaimingUniform_, uniform_ } from './init';
import { Module } from './module';

export interface LinearOptions {
  /** Whether to learn an additive bias (default true). */
  bias?: boolean;
  dtype?: DType;
}

export class Linear extends Module {
  readonly inFeatures: number;
  readonly outFeatures: number;
  weight: Tensor;
  bias: Tensor | null;

  constructor(inFeatures: number, outFeatures: number, options: LinearOptions = {}) {
    super();
    this.inFeatures = inFeatures;
    this.outFeatures = outFeatures;
    const dtype = options.dtype ?? 'float32';
    this.weight = empty([outFeatures, inFeatures], { dtype });
    kaimingUniform_(this.weight, { a: Math.sqrt(5) });
    this.weight.requiresGrad_();
    if (options.bias ?? true) {
      const bound = inFeatures > 0 ? 1 / Math.sqrt(inFeatures) : 0;
      this.bias = uniform_(empty([outFeatures], { dtype }), -bound, bound).requiresGrad_();
    } else {
      this.bias = null;
    }
  }

  forward(input: Tensor): Tensor {
    const product = input.matmul(this.weight.t());
    return this.bias === null ? product : product.add(this.bias);
  }

  override extraRepr(): string {
    const bias = this.bias !== null ? 'True' : 'False';
    return `in_features=${this.inFeatures}, out_features=${this.outFeatures}, bias=${bias}`;
  }
}
