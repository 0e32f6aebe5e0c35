/**
 * The MNIST digits of the `mnist` package, as tensors: every image and label, a reproducible split,
 * normalisation with the training statistics.
 */
import { loadMnist, loadMnistSplit } from './mnist';
import { IMAGE_SIZE, scanPixelArray } from './mnist-files';
import { meanAndStd, normalize } from './normalize';
import { trainValidSplit } from './split';
import { arange, tensor, type Tensor } from '../tensor';

const mnist = loadMnist();
const split = loadMnistSplit();

function rangeOf(data: ArrayLike<number>): [number, number] {
  // Plain comparisons: inside jest's sandbox a `Math.min` per pixel would take seconds.
  let low = data[0];
  let high = data[0];
  for (let i = 1; i < data.length; i++) {
    if (data[i] < low) low = data[i];
    if (data[i] > high) high = data[i];
  }
  return [low, high];
}

function counts(labels: Tensor): number[] {
  const c = new Array<number>(10).fill(0);
  for (const k of labels.toArray() as number[]) c[k]++;
  return c;
}

describe('loadMnist', () => {
  test('10,000 images of 784 float32 pixels in [0, 1], with int32 labels 0..9', () => {
    expect(mnist.images.shape).toEqual([10000, IMAGE_SIZE]);
    expect(mnist.images.dtype).toBe('float32');
    expect(mnist.labels.shape).toEqual([10000]);
    expect(mnist.labels.dtype).toBe('int32');
    // Scanned directly: whole-dataset engine reductions would dominate this suite's time.
    const pixels = mnist.images.storage().data;
    expect(Math.min(...rangeOf(pixels))).toBe(0);
    expect(Math.max(...rangeOf(pixels))).toBe(1);
    // Per-class counts of the package's files (digits/0.json ... digits/9.json).
    expect(counts(mnist.labels)).toEqual([1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978]);
  });

  test('pixels are bytes / 255 written with three decimals, as the package stores them', () => {
    const data = mnist.images.storage().data;
    const { abs, round } = Math; // read once: a global lookup per pixel is slow inside jest
    let worst = 0;
    for (let i = 0; i < data.length; i++) {
      const error = abs(data[i] - round(data[i] * 255) / 255);
      if (error > worst) worst = error;
    }
    expect(worst).toBeLessThan(0.0006);
  });

  test('each call returns fresh tensors: mutating one does not change the next', () => {
    const first = loadMnist();
    first.images.narrow(0, 0, 10).zero_();
    expect(loadMnist().images.narrow(0, 0, 10).max().item()).toBeGreaterThan(0);
  });

  test('the fast reader parses like JSON.parse, and declines what it does not know', () => {
    const text = '{ "data": [0,0.2,0.624,1,0.004,\n0.992] }';
    const parsed = JSON.parse(text) as { data: number[] };
    expect(Array.from(scanPixelArray(Buffer.from(text)) ?? [])).toEqual(
      Array.from(Float32Array.from(parsed.data)),
    );
    expect(scanPixelArray(Buffer.from('{"data":[1e-3]}'))).toBeUndefined();
    expect(scanPixelArray(Buffer.from('{"data":[-1]}'))).toBeUndefined();
  });
});

describe('train / validation split', () => {
  test("the lesson's 8,000 / 2,000 split is reproducible and covers every digit once", () => {
    const a = split;
    const b = loadMnistSplit();
    expect(a.xTrain.shape).toEqual([8000, IMAGE_SIZE]);
    expect(a.xValid.shape).toEqual([2000, IMAGE_SIZE]);
    expect(a.yTrain.toArray()).toEqual(b.yTrain.toArray());
    const together = counts(a.yTrain).map((n, k) => n + counts(a.yValid)[k]);
    expect(together).toEqual(counts(mnist.labels));
    // Shuffled: the training set is not the first 8,000 rows (which are all digits 0..7).
    expect(counts(a.yTrain).every((n) => n > 500)).toBe(true);
  });

  test('rows stay with their labels; another seed gives another split', () => {
    const x = arange(20, { dtype: 'float32' }).reshape(10, 2);
    const y = arange(10, { dtype: 'int32' });
    const s = trainValidSplit(x, y, { trainSize: 7, seed: 3 });
    const rows = s.xTrain.toArray() as number[][];
    (s.yTrain.toArray() as number[]).forEach((label, i) =>
      expect(rows[i]).toEqual([2 * label, 2 * label + 1]),
    );
    const all = [...(s.yTrain.toArray() as number[]), ...(s.yValid.toArray() as number[])].sort(
      (p, q) => p - q,
    );
    expect(all).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const other = trainValidSplit(x, y, { trainSize: 7, seed: 4 });
    expect(other.yTrain.toArray()).not.toEqual(s.yTrain.toArray());
  });

  test('bad sizes are refused', () => {
    const x = arange(4, { dtype: 'float32' }).reshape(4, 1);
    expect(() => trainValidSplit(x, arange(3), {})).toThrow(
      'Size mismatch between tensors: x has 4 rows, y has 3',
    );
    expect(() => trainValidSplit(x, arange(4), { trainSize: 5 })).toThrow(
      'trainSize must be an integer between 0 and 4, got 5',
    );
  });
});

describe('normalize', () => {
  test('with the training statistics, the training set has mean 0 and std 1', () => {
    const { xTrain, xValid } = split;
    const { mean, std } = meanAndStd(xTrain);
    expect(mean).toBeCloseTo(0.13, 2); // the lesson's MNIST mean is about 0.13, std about 0.31
    expect(std).toBeCloseTo(0.31, 2);
    const train = meanAndStd(normalize(xTrain, mean, std));
    expect(train.mean).toBeCloseTo(0, 5);
    expect(train.std).toBeCloseTo(1, 5);
    // The validation set uses the same numbers, so it is only approximately standardised.
    expect(Math.abs(meanAndStd(normalize(xValid, mean, std)).mean)).toBeLessThan(0.05);
  });

  test('accepts tensors for per-feature statistics', () => {
    const x = tensor(
      [
        [1, 10],
        [3, 30],
      ],
      { dtype: 'float32' },
    );
    const out = normalize(x, x.mean(0), x.std(0));
    expect(out.toArray()).toEqual([
      [-Math.SQRT1_2, -Math.SQRT1_2].map(Math.fround),
      [Math.SQRT1_2, Math.SQRT1_2].map(Math.fround),
    ]);
  });
});
