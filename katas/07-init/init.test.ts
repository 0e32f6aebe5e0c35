import fc from 'fast-check';
import { activationStats, kaimingNormal } from '@kata/07-init/init';
import { manualSeed, type Tensor } from '../../src';
import { kataProperty, kataTest } from '../../src/testing';

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
  kataTest('kaimingNormal(fanIn, fanOut) has shape [fanIn, fanOut]', () => {
    manualSeed(1);
    expect(kaimingNormal(3, 5).shape).toEqual([3, 5]);
    expect(kaimingNormal(784, 50).shape).toEqual([784, 50]);
  });

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
    "kaimingNormal draws from the engine's generator: the same seed gives the same weights",
    () => {
      manualSeed(4);
      const first = kaimingNormal(4, 3);
      manualSeed(4);
      expect(kaimingNormal(4, 3)).toBeCloseTensor(first, 0);
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
): void {
  const variance = ((withRelu ? 5 : 2) * layers) / WIDTH;
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

const run = (init: Parameters<typeof activationStats>[1], seed: number) => {
  manualSeed(seed);
  return activationStats(DEPTH, init, { batch: BATCH, width: WIDTH });
};

describe('activationStats', () => {
  kataTest('it returns one { mean, std } per layer', () => {
    manualSeed(10);
    const stats = activationStats(3, 'xavier', { batch: 8, width: 4 });
    expect(stats).toHaveLength(3);
    for (const layer of stats) {
      expect(typeof layer.mean).toBe('number');
      expect(typeof layer.std).toBe('number');
    }
  });

  kataTest(
    'plain randn: each layer multiplies the std by √n = 10, and 50 layers end in nan',
    () => {
      const stats = run('randn', 11);
      expectScale(stats[0].std, Math.sqrt(WIDTH), 1, false, 'the std after layer 1');
      expectScale(stats[9].std, Math.sqrt(WIDTH) ** 10, 10, false, 'the std after layer 10');
      // float32 overflows to ±inf past 3.4e38 (around layer 38); inf − inf is nan.
      expect(stats[DEPTH - 1].std).toBeNaN();
    },
  );

  kataTest('randn · 0.01: each layer divides the std by 10, and 50 layers end in exact 0', () => {
    const stats = run('small', 12);
    expectScale(stats[0].std, 0.01 * Math.sqrt(WIDTH), 1, false, 'the std after layer 1');
    // float32 underflows to 0 below 1.4e-45 (every value is 0 by layer 42 to 45).
    expect(stats[DEPTH - 1].mean).toBe(0);
    expect(stats[DEPTH - 1].std).toBe(0);
  });

  kataTest('randn / √n without ReLU: the std stays near 1 for 50 layers', () => {
    const stats = run('xavier', 13);
    for (const layer of [1, 10, DEPTH]) {
      expectScale(stats[layer - 1].std, 1, layer, false, `the std after layer ${layer}`);
    }
  });

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
