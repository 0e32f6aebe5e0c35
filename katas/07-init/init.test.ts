import fc from 'fast-check';
import { activationStats, kaimingNormal } from '@kata/07-init/init';
import { manualSeed, Tensor } from '../../src';
import { flatValues, kataProperty, kataTest } from '../../src/testing';

/*
 * Statistics of random numbers, with tolerances from the sample size.
 *
 * kaimingNormal draws N = fanIn · fanOut independent normals with std σ. Their sample mean has
 * standard error σ/√N and their sample std σ/√(2N). Every check allows SIGMAS = 5 standard
 * errors: a correct answer fails one with probability under 1e-6, on any seed. Every test also
 * fixes the engine's seed (manualSeed), so the numbers are the same on every run.
 */
const SIGMAS = 5;

function sampleMean(t: Tensor): number {
  return t.mean().item();
}

function sampleStd(t: Tensor): number {
  return t.std().item();
}

function expectStd(t: Tensor, expected: number): void {
  const tolerance = (SIGMAS * expected) / Math.sqrt(2 * t.numel());
  const actual = sampleStd(t);
  if (Math.abs(actual - expected) > tolerance) {
    throw new Error(
      `std ${actual} is not within ${tolerance} of ${expected} (shape [${t.shape.join(', ')}])`,
    );
  }
}

function expectMeanNearZero(t: Tensor, std: number): void {
  const tolerance = (SIGMAS * std) / Math.sqrt(t.numel());
  const actual = sampleMean(t);
  if (Math.abs(actual) > tolerance)
    throw new Error(`mean ${actual} is not within ${tolerance} of 0`);
}

describe('kaimingNormal', () => {
  kataTest('kaimingNormal(fanIn, fanOut) has shape [fanIn, fanOut] and dtype float32', () => {
    manualSeed(1);
    expect(kaimingNormal(3, 5).shape).toEqual([3, 5]);
    const w = kaimingNormal(784, 50);
    expect(w.shape).toEqual([784, 50]);
    // randn gives float32, as torch.randn does; the scale is a plain number and keeps it
    expect(w.dtype).toBe('float32');
  });

  kataTest(
    'kaimingNormal draws normal values: about 31.7% lie beyond one std and 4.55% beyond two',
    () => {
      manualSeed(5);
      const [fanIn, fanOut] = [200, 150];
      const sigma = Math.sqrt(2 / fanIn);
      const values = flatValues(kaimingNormal(fanIn, fanOut));
      const n = values.length;
      // For a normal, P(|w| > kσ) is 0.3173 (k = 1) and 0.0455 (k = 2); the count beyond is
      // binomial(n, p), so its share has standard error √(p(1 − p)/n): allow SIGMAS of them.
      // A uniform with the right std (|w| ≤ √3·σ) has none beyond 2σ, ±σ coin flips none at all.
      for (const [k, p] of [
        [1, 0.3173],
        [2, 0.0455],
      ]) {
        const share = values.filter((v) => Math.abs(v) > k * sigma).length / n;
        const tolerance = SIGMAS * Math.sqrt((p * (1 - p)) / n);
        if (Math.abs(share - p) > tolerance) {
          throw new Error(
            `${(100 * share).toFixed(2)}% of the weights lie beyond ${k}σ, expected ${100 * p}% ± ${(100 * tolerance).toFixed(2)}% for normal draws: use randn`,
          );
        }
      }
    },
  );

  kataTest('the default gain is √2: std √(2/fanIn), for a layer followed by ReLU', () => {
    manualSeed(2);
    const w = kaimingNormal(100, 150);
    expectStd(w, Math.sqrt(2 / 100));
    expectMeanNearZero(w, Math.sqrt(2 / 100));
  });

  kataTest('gain 1 gives std 1/√fanIn (it is fanIn, the length of each sum, that counts)', () => {
    manualSeed(3);
    expectStd(kaimingNormal(50, 200, { gain: 1 }), 1 / Math.sqrt(50));
    expectStd(kaimingNormal(200, 50, { gain: 1 }), 1 / Math.sqrt(200));
  });

  kataProperty(
    'kaimingNormal(fanIn, fanOut, { gain }) has mean 0 and std gain/√fanIn',
    [
      fc.integer({ min: 16, max: 128 }),
      fc.integer({ min: 16, max: 128 }),
      fc.double({ min: 0.25, max: 4, noNaN: true }),
      fc.nat(),
    ],
    (fanIn, fanOut, gain, seed) => {
      manualSeed(seed);
      const w = kaimingNormal(fanIn, fanOut, { gain });
      expect(w.shape).toEqual([fanIn, fanOut]);
      expectStd(w, gain / Math.sqrt(fanIn));
      expectMeanNearZero(w, gain / Math.sqrt(fanIn));
    },
    { numRuns: 25 },
  );

  kataTest(
    "kaimingNormal draws from the engine's generator: the same seed gives the same weights, another seed others",
    () => {
      manualSeed(4);
      const first = kaimingNormal(4, 3);
      manualSeed(4);
      expect(kaimingNormal(4, 3)).toBeCloseTensor(first, 0);
      manualSeed(5);
      expect(kaimingNormal(4, 3).toArray()).not.toEqual(first.toArray());
    },
  );
});

/*
 * The deep experiment. Multiplying x (b rows, n columns) by fresh weights multiplies the mean
 * square of x by a random factor R with mean 1 for the right scale (n·σ² = 1, or 2 with a ReLU).
 * R averages n independent terms, one per output column: ‖x·w‖² for a column w of the weights
 * (or ‖relu(x·w)‖²). Whatever x looks like, such a term has relative standard deviation at most √2
 * (at most √5 after a ReLU, from relu(z)'s fourth moment, 3/2 · var(z)²), the worst case being all
 * rows of x alike; so R has relative standard deviation at most √(c/n), c = 2 or 5. The weights of
 * each layer are drawn afresh, so over L layers ln(mean square) moves like a random walk: variance
 * at most c·L/n, and a drift of about −c·L/(2n) because ln is concave. ln(std) is half of that.
 * The checks allow SIGMAS of those standard deviations around that drift. At layer 50 that is a
 * factor of about 12 either way without a ReLU and 50 with one: loose, because the bound is for the
 * worst case, yet the lesson's failures are off by factors of 10^7 or more there.
 */
const BATCH = 100;
const WIDTH = 100;
const DEPTH = 50;

function expectScale(
  actual: number,
  expected: number,
  layers: number,
  withRelu: boolean,
  what: string,
  width = WIDTH,
): void {
  const variance = ((withRelu ? 5 : 2) * layers) / width;
  const drift = -variance / 4;
  const spread = Math.sqrt(variance) / 2;
  const low = expected * Math.exp(drift - SIGMAS * spread);
  const high = expected * Math.exp(drift + SIGMAS * spread);
  if (!(actual >= low && actual <= high)) {
    throw new Error(
      `${what} is ${actual}, expected about ${expected} (between ${low.toPrecision(3)} and ${high.toPrecision(3)})`,
    );
  }
}

type Options = Parameters<typeof activationStats>[2];

/**
 * activationStats, with what every entry must be checked first: one entry per layer, each with
 * a plain number (`.item()`) as its mean and std, so a wrong count says so instead of failing
 * later on an undefined entry.
 */
function statsOf(depth: number, init: Parameters<typeof activationStats>[1], options: Options) {
  const stats = activationStats(depth, init, options);
  const call = `activationStats(${depth}, '${init}', ${JSON.stringify(options)})`;
  if (!Array.isArray(stats)) throw new Error(`${call} returned ${String(stats)}, not an array`);
  if (stats.length !== depth) {
    throw new Error(
      `${call} returned ${stats.length} entries: expected ${depth} entries, one per layer`,
    );
  }
  stats.forEach((entry, i) => {
    for (const key of ['mean', 'std'] as const) {
      const value: unknown = entry?.[key];
      if (typeof value !== 'number') {
        const what = value instanceof Tensor ? 'a Tensor (call .item())' : typeof value;
        throw new Error(`${call}: stats[${i}].${key} is ${what}, expected a number`);
      }
    }
  });
  return stats;
}

const run = (init: Parameters<typeof activationStats>[1], seed: number) => {
  manualSeed(seed);
  return statsOf(DEPTH, init, { batch: BATCH, width: WIDTH });
};

/**
 * After a ReLU of N(0, s²) the activations have mean s·√(1/(2π)) and std s·√(1/2 − 1/(2π)):
 * mean/std = √(1/(π − 1)) ≈ 0.683 whatever s is. The root mean square would give mean/rms =
 * √(1/π) ≈ 0.564. Over the N = batch · width activations of the first kaiming layer, the delta
 * method on relu(z)'s first four moments gives the ratio a standard error of 0.627/√N. The rows
 * of x have slightly different lengths (their squares average width values), which makes the
 * pre-activations a mixture of normals and lowers the ratio by a factor of about 1 − 0.367/width.
 */
const RELU_RATIO = Math.sqrt(1 / (Math.PI - 1));

/**
 * Without a ReLU the activations are centred. After layer 1, x = x0 @ w has mean
 * (1/(b·n)) Σₖ Aₖ·Bₖ with Aₖ the sum of column k of x0 (variance b) and Bₖ the sum of row k of w
 * (variance n·σ²): the mean has standard deviation σ/√b, the std is √n·σ, so mean/std has
 * standard deviation 1/√(b·n). (The mean of |x| would be about 0.8 std.)
 */
function expectMeanNearZeroAfterLayer1(
  layer: { mean: number; std: number },
  batch: number,
  width: number,
): void {
  const tolerance = SIGMAS / Math.sqrt(batch * width);
  if (!(Math.abs(layer.mean / layer.std) <= tolerance)) {
    throw new Error(
      `mean/std after layer 1 is ${layer.mean / layer.std}, expected 0 ± ${tolerance} (batch ${batch}, width ${width})`,
    );
  }
}

describe('activationStats', () => {
  kataTest('it returns one { mean, std } per layer, both plain numbers', () => {
    manualSeed(10);
    statsOf(3, 'xavier', { batch: 8, width: 4 });
    statsOf(1, 'kaiming', { batch: 2, width: 3 });
  });

  kataTest(
    "it draws from the engine's generator: the same seed gives the same statistics, another seed others",
    () => {
      const options = { batch: 6, width: 5 };
      manualSeed(20);
      const first = statsOf(4, 'kaiming', options);
      manualSeed(20);
      expect(statsOf(4, 'kaiming', options)).toEqual(first);
      manualSeed(21);
      expect(statsOf(4, 'kaiming', options)).not.toEqual(first);
    },
  );

  kataTest(
    'mean and std are over all the activations of a layer: one row (batch 1) or one column (width 1) is enough, one number has std nan',
    () => {
      manualSeed(22);
      // a std per row of one value, or per column of one value, would be nan
      for (const options of [
        { batch: 1, width: 64 },
        { batch: 64, width: 1 },
      ]) {
        const [layer] = statsOf(1, 'xavier', options);
        if (!(Number.isFinite(layer.std) && layer.std > 0)) {
          throw new Error(
            `with ${JSON.stringify(options)} the std after layer 1 is ${layer.std}: expected the std of all 64 activations`,
          );
        }
      }
      // the unbiased std (x.std(), dividing by N − 1) of a single number is nan, as in PyTorch
      const [single] = statsOf(1, 'xavier', { batch: 1, width: 1 });
      expect(single.std).toBeNaN();
      expect(Number.isFinite(single.mean)).toBe(true);
    },
  );

  kataTest(
    'width 1 without ReLU: each layer multiplies every activation by one weight, so |mean|/std stays what it was after layer 1',
    () => {
      const depth = 10;
      const batch = 16;
      for (const [init, seed] of [
        ['xavier', 23],
        ['randn', 24],
      ] as const) {
        // (not 'small': by layer 10 its squares are ~1e-40, below float32's normal range)
        manualSeed(seed);
        const stats = statsOf(depth, init, { batch, width: 1 });
        const ratio = ({ mean, std }: { mean: number; std: number }) => Math.abs(mean) / std;
        const first = ratio(stats[0]);
        stats.forEach((layer, i) => {
          // Every activation is rounded once per layer (relative u = 2^-24 each) and the sums of
          // mean and std add batch roundings relative to Σ|x|, which is at most √(std² + mean²)
          // per element: allow 4(depth + batch)·u times that over |mean|.
          const k = Math.sqrt(layer.std ** 2 + layer.mean ** 2) / Math.abs(layer.mean);
          const eps = 4 * (depth + batch) * 2 ** -24 * k * first;
          if (!(Math.abs(ratio(layer) - first) <= eps)) {
            throw new Error(
              `'${init}', width 1: |mean|/std is ${ratio(layer)} after layer ${i + 1} but ${first} after layer 1: are the weights multiplied into the same x at every layer?`,
            );
          }
        });
      }
    },
  );

  kataProperty(
    'the std has the mean subtracted: after the first kaiming layer mean/std is √(1/(π − 1)) ≈ 0.683, at any batch and width',
    [fc.integer({ min: 20, max: 100 }), fc.integer({ min: 20, max: 100 }), fc.nat()],
    (batch, width, seed) => {
      manualSeed(seed);
      const [layer] = statsOf(1, 'kaiming', { batch, width });
      const expected = RELU_RATIO * (1 - 0.367 / width);
      const tolerance = (SIGMAS * 0.627) / Math.sqrt(batch * width);
      const ratio = layer.mean / layer.std;
      if (!(Math.abs(ratio - expected) <= tolerance)) {
        throw new Error(
          `mean/std after a kaiming layer is ${ratio.toFixed(4)}, expected ${expected.toFixed(4)} ± ${tolerance.toFixed(4)} (√(1/π) ≈ 0.564 would be the mean over the root mean square)`,
        );
      }
    },
    { numRuns: 15 },
  );

  kataTest(
    'at batch 37 and width 64 the lesson holds too: randn × 8 per layer, 1/√n near 1, kaiming near 0.83',
    () => {
      const options = { batch: 37, width: 64 };
      manualSeed(26);
      const randn = statsOf(10, 'randn', options);
      expectScale(randn[0].std, 8, 1, false, "'randn': the std after layer 1", 64);
      expectScale(randn[9].std, 8 ** 10, 10, false, "'randn': the std after layer 10", 64);
      manualSeed(27);
      const xavier = statsOf(DEPTH, 'xavier', options);
      expectMeanNearZeroAfterLayer1(xavier[0], 37, 64);
      manualSeed(28);
      const kaiming = statsOf(DEPTH, 'kaiming', options);
      expectScale(
        kaiming[0].mean,
        Math.sqrt(1 / Math.PI),
        1,
        true,
        "'kaiming': the mean after layer 1",
        64,
      );
      for (const layer of [1, 10, DEPTH]) {
        expectScale(
          xavier[layer - 1].std,
          1,
          layer,
          false,
          `'xavier': the std after layer ${layer}`,
          64,
        );
        const what = `'kaiming': the std after layer ${layer}`;
        expectScale(kaiming[layer - 1].std, Math.sqrt(1 - 1 / Math.PI), layer, true, what, 64);
      }
    },
  );

  kataTest(
    'plain randn: each layer multiplies the std by √n = 10, and 50 layers end in nan',
    () => {
      const stats = run('randn', 11);
      expectScale(stats[0].std, Math.sqrt(WIDTH), 1, false, 'the std after layer 1');
      expectScale(stats[9].std, Math.sqrt(WIDTH) ** 10, 10, false, 'the std after layer 10');
      // float32 overflows to ±inf past 3.4e38 (from about layer 38); inf − inf is nan.
      expect(stats[DEPTH - 1].std).toBeNaN();
    },
  );

  kataTest('randn · 0.01: each layer divides the std by 10, and 50 layers end in exact 0', () => {
    const stats = run('small', 12);
    expectScale(stats[0].std, 0.01 * Math.sqrt(WIDTH), 1, false, 'the std after layer 1');
    // float32 underflows to 0 below 1.4e-45 (with seed 0: first zeros at layer 41, all 0 from 46).
    expect(stats[DEPTH - 1].mean).toBe(0);
    expect(stats[DEPTH - 1].std).toBe(0);
  });

  kataTest(
    'randn / √n without ReLU: the mean stays near 0 and the std near 1 for 50 layers',
    () => {
      const stats = run('xavier', 13);
      expectMeanNearZeroAfterLayer1(stats[0], BATCH, WIDTH);
      for (const layer of [1, 10, DEPTH]) {
        expectScale(stats[layer - 1].std, 1, layer, false, `the std after layer ${layer}`);
      }
    },
  );

  kataTest('randn / √n with ReLU: the mean square halves at every layer', () => {
    const stats = run('xavier-relu', 14);
    // After layer L the std is √(1 − 1/π) · 2^(−L/2): ≈ 2.5e-8 at layer 50.
    const stdAfter = (layers: number) => Math.sqrt(1 - 1 / Math.PI) * 2 ** (-layers / 2);
    for (const layer of [1, 10, DEPTH]) {
      expectScale(
        stats[layer - 1].std,
        stdAfter(layer),
        layer,
        true,
        `the std after layer ${layer}`,
      );
    }
  });

  kataTest('kaiming, randn · √(2/n) with ReLU: the std stays near 0.83 for 50 layers', () => {
    const stats = run('kaiming', 15);
    // The pre-activations keep variance 2; a ReLU of N(0, 2) has mean √(1/π) and std √(1 − 1/π).
    expectScale(stats[0].mean, Math.sqrt(1 / Math.PI), 1, true, 'the mean after layer 1');
    for (const layer of [1, 10, DEPTH]) {
      const what = `the std after layer ${layer}`;
      expectScale(stats[layer - 1].std, Math.sqrt(1 - 1 / Math.PI), layer, true, what);
    }
  });
});
