/**
 * Weight initialisation, like `torch.nn.init`: each function fills a tensor in place (hence the
 * trailing underscore), draws from the engine's seeded generator (`manualSeed` makes it repeatable),
 * records nothing on the tape, and returns the tensor.
 *
 * The lesson's point: a layer's outputs keep a standard deviation near 1 only if the weights are
 * scaled by the layer's fan-in. Kaiming (He) init uses std = gain / sqrt(fanIn) with gain sqrt(2) for
 * ReLU; Xavier (Glorot) init uses std = gain * sqrt(2 / (fanIn + fanOut)).
 */
import { noGrad } from '../autograd/graph';
import type { Tensor } from '../tensor/tensor';
import { rand, randn } from '../tensor/creation';

export type Nonlinearity =
  'linear' | 'conv1d' | 'conv2d' | 'conv3d' | 'sigmoid' | 'tanh' | 'relu' | 'leakyRelu' | 'selu';

export type FanMode = 'fanIn' | 'fanOut';

export interface KaimingOptions {
  /** The negative slope of the leaky ReLU that follows (0 for ReLU). */
  a?: number;
  /** 'fanIn' keeps the forward pass's variance, 'fanOut' the backward pass's. */
  mode?: FanMode;
  nonlinearity?: Nonlinearity;
}

/** The recommended gain for a nonlinearity (torch.nn.init.calculate_gain). */
export function calculateGain(nonlinearity: Nonlinearity, param?: number): number {
  switch (nonlinearity) {
    case 'linear':
    case 'conv1d':
    case 'conv2d':
    case 'conv3d':
    case 'sigmoid':
      return 1;
    case 'tanh':
      return 5 / 3;
    case 'relu':
      return Math.SQRT2;
    case 'leakyRelu': {
      const slope = param ?? 0.01;
      return Math.sqrt(2 / (1 + slope * slope));
    }
    case 'selu':
      return 3 / 4;
    default:
      throw new Error(`Unsupported nonlinearity ${String(nonlinearity)}`);
  }
}

/**
 * fan_in and fan_out of a weight: for a Linear weight [out, in] they are in and out; for a
 * convolution weight [out, in, k...] each is multiplied by the kernel's size.
 */
export function fanInAndFanOut(t: Tensor): { fanIn: number; fanOut: number } {
  if (t.dim() < 2) {
    throw new Error(
      'Fan in and fan out can not be computed for tensor with fewer than 2 dimensions',
    );
  }
  const receptiveField = t.shape.slice(2).reduce((a, b) => a * b, 1);
  return { fanIn: t.shape[1] * receptiveField, fanOut: t.shape[0] * receptiveField };
}

/** Fills t from N(0, std^2) with std = gain / sqrt(fan): He et al. 2015. */
export function kaimingNormal_(t: Tensor, options: KaimingOptions = {}): Tensor {
  const std = kaimingGain(options) / Math.sqrt(chosenFan(t, options.mode ?? 'fanIn'));
  return normal_(t, 0, std);
}

/** Fills t from U(-bound, bound) with bound = gain * sqrt(3 / fan): the same variance as the normal. */
export function kaimingUniform_(t: Tensor, options: KaimingOptions = {}): Tensor {
  const std = kaimingGain(options) / Math.sqrt(chosenFan(t, options.mode ?? 'fanIn'));
  return uniform_(t, -Math.sqrt(3) * std, Math.sqrt(3) * std);
}

/** Fills t from N(0, std^2) with std = gain * sqrt(2 / (fanIn + fanOut)): Glorot & Bengio 2010. */
export function xavierNormal_(t: Tensor, gain = 1): Tensor {
  const { fanIn, fanOut } = fanInAndFanOut(t);
  return normal_(t, 0, gain * Math.sqrt(2 / (fanIn + fanOut)));
}

/** Fills t from U(-a, a) with a = gain * sqrt(6 / (fanIn + fanOut)). */
export function xavierUniform_(t: Tensor, gain = 1): Tensor {
  const { fanIn, fanOut } = fanInAndFanOut(t);
  const bound = gain * Math.sqrt(6 / (fanIn + fanOut));
  return uniform_(t, -bound, bound);
}

/** Fills t from U(low, high). */
export function uniform_(t: Tensor, low = 0, high = 1): Tensor {
  return noGrad(() =>
    t.copy_(
      rand(t.shape, { dtype: t.dtype })
        .mul(high - low)
        .add(low),
    ),
  );
}

/** Fills t from N(mean, std^2). */
export function normal_(t: Tensor, mean = 0, std = 1): Tensor {
  return noGrad(() => t.copy_(randn(t.shape, { dtype: t.dtype }).mul(std).add(mean)));
}

/** Fills t with zeros. */
export function zeros_(t: Tensor): Tensor {
  return noGrad(() => t.zero_());
}

function kaimingGain(options: KaimingOptions): number {
  return calculateGain(options.nonlinearity ?? 'leakyRelu', options.a ?? 0);
}

function chosenFan(t: Tensor, mode: FanMode): number {
  const { fanIn, fanOut } = fanInAndFanOut(t);
  return mode === 'fanIn' ? fanIn : fanOut;
}
