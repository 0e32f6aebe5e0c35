/**
 * Layers run one after another, like `torch.nn.Sequential`: each layer's output is the next one's
 * input. Its children are named '0', '1', ... so parameters read `0.weight`, `0.bias`, `2.weight`.
 */
import type { Tensor } from '../tensor/tensor';
import { Module } from './module';

export class Sequential extends Module {
  readonly layers: Module[];

  constructor(...layers: Module[]) {
    super();
    this.layers = layers;
  }

  override namedChildren(): [string, Module][] {
    return this.layers.map((layer, i) => [String(i), layer]);
  }

  forward(input: Tensor): Tensor {
    return this.layers.reduce((x, layer) => layer.call(x), input);
  }

  /** The i-th layer (negative counts from the end), as `model[i]` in PyTorch. */
  at(i: number): Module {
    const layer = this.layers[i < 0 ? i + this.layers.length : i];
    if (layer === undefined) throw new Error(`index ${i} is out of range`);
    return layer;
  }

  get length(): number {
    return this.layers.length;
  }
}
