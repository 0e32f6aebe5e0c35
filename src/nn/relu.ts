/** The ReLU layer, like `torch.nn.ReLU`: max(x, 0) elementwise, no parameters. */
import type { Tensor } from '../tensor/tensor';
import { Module } from './module';

export class ReLU extends Module {
  forward(input: Tensor): Tensor {
    return input.relu();
  }
}
