/**
 * The capstone's data: the 10,000 real digits of the `mnist` package, split reproducibly into
 * training and validation sets and normalised with the training set's mean and std (as the lesson
 * does: the validation set never contributes its own statistics).
 */
import { batches, loadMnist, meanAndStd, normalize, trainValidSplit, type Tensor } from '../../src';

export interface Digits {
  /** [trainSize, 784] float32, normalised. */
  trainX: Tensor;
  /** [trainSize] int32 digits 0..9. */
  trainLabels: Tensor;
  valX: Tensor;
  valLabels: Tensor;
  /** The training pixels' statistics used to normalise both sets. */
  mean: number;
  std: number;
}

export interface DigitBatch {
  x: Tensor;
  labels: Tensor;
}

export function loadDigits({
  trainSize,
  valSize,
  seed,
}: {
  trainSize: number;
  valSize: number;
  seed: number;
}): Digits {
  const { images, labels } = loadMnist();
  const split = trainValidSplit(images, labels, { trainSize, seed });
  const { mean, std } = meanAndStd(split.xTrain);
  return {
    trainX: normalize(split.xTrain, mean, std),
    trainLabels: split.yTrain,
    valX: normalize(split.xValid.narrow(0, 0, valSize), mean, std),
    valLabels: split.yValid.narrow(0, 0, valSize).contiguous(),
    mean,
    std,
  };
}

/** One epoch's mini-batches in a shuffled order fixed by the seed and the epoch number. */
export function epochBatches(
  digits: Digits,
  batchSize: number,
  seed: number,
  epoch: number,
): DigitBatch[] {
  const order = batches(digits.trainX, digits.trainLabels, batchSize, {
    shuffle: true,
    seed: seed * 1009 + epoch,
  });
  return [...order].map(([x, labels]) => ({ x, labels }));
}
