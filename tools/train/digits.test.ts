import { loadDigits, epochBatches } from './digits';

describe('the capstone digits', () => {
  const digits = loadDigits({ trainSize: 800, valSize: 200, seed: 3 });

  it('has 784 pixels per digit and labels 0 to 9 in both sets', () => {
    expect(digits.trainX.shape).toEqual([800, 784]);
    expect(digits.trainLabels.shape).toEqual([800]);
    expect(digits.valX.shape).toEqual([200, 784]);
    expect(digits.valLabels.shape).toEqual([200]);
    for (const labels of [digits.trainLabels, digits.valLabels]) {
      expect(labels.dtype).toBe('int32');
      const values = labels.toArray() as number[];
      expect(new Set(values)).toEqual(new Set([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]));
    }
  });

  it('normalises with the training statistics: train mean 0 and std 1, pixels from [0, 1]', () => {
    expect(digits.trainX.mean().item()).toBeCloseTo(0, 4);
    expect(digits.trainX.std().item()).toBeCloseTo(1, 3);
    // A blank pixel (0) lands at -mean/std; the brightest (1) at (1 - mean)/std.
    expect(digits.trainX.min().item()).toBeCloseTo(-digits.mean / digits.std, 4);
    expect(digits.valX.max().item()).toBeLessThanOrEqual((1 - digits.mean) / digits.std + 1e-4);
    expect(digits.mean).toBeGreaterThan(0);
    expect(digits.mean).toBeLessThan(1);
  });

  it('splits the same way for the same seed, and differently for another', () => {
    const again = loadDigits({ trainSize: 800, valSize: 200, seed: 3 });
    const other = loadDigits({ trainSize: 800, valSize: 200, seed: 4 });
    expect(again.trainLabels.toArray()).toEqual(digits.trainLabels.toArray());
    expect(again.valX.sum().item()).toBe(digits.valX.sum().item());
    expect(other.trainLabels.toArray()).not.toEqual(digits.trainLabels.toArray());
  });

  it('makes reproducible shuffled batches that cover every training digit once', () => {
    const first = epochBatches(digits, 64, 1, 1);
    expect(first.map((b) => b.x.shape[0])).toEqual([...Array(12).fill(64), 800 - 12 * 64]);
    const labelCount = first.reduce((n, b) => n + b.labels.shape[0], 0);
    expect(labelCount).toBe(800);
    const sorted = (batches: typeof first) =>
      batches.flatMap((b) => b.labels.toArray() as number[]).sort((p, q) => p - q);
    expect(sorted(first)).toEqual((digits.trainLabels.toArray() as number[]).sort((p, q) => p - q));
    expect(epochBatches(digits, 64, 1, 1)[0].labels.toArray()).toEqual(first[0].labels.toArray());
    expect(epochBatches(digits, 64, 1, 2)[0].labels.toArray()).not.toEqual(
      first[0].labels.toArray(),
    );
  });
});
