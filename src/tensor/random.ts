/**
 * The engine's random number generator: xoshiro128** seeded through splitmix32, so
 * `manualSeed(n)` makes every rand/randn (and anything built on them) reproducible.
 * The streams differ from PyTorch's Mersenne Twister; only reproducibility is promised.
 */
// Read once: inside jest's sandbox every global lookup (`Math.imul`) costs about half a microsecond,
// which a loop drawing one number per element would pay several times over.
const { imul, floor, sqrt, log, sin, cos, PI } = Math;

const state = new Uint32Array(4);
let spareNormal: number | null = null;

function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** Seeds the generator, like torch.manual_seed. Any finite number works (it is hashed). */
export function manualSeed(seed: number): void {
  if (!Number.isFinite(seed)) throw new Error(`manualSeed expects a finite number, got ${seed}`);
  const low = seed >>> 0;
  const high = floor(seed / 2 ** 32) >>> 0;
  const next = splitmix32(low ^ imul(high, 0x27d4eb2d));
  for (let i = 0; i < 4; i++) state[i] = next();
  spareNormal = null;
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

/** 32 random bits. */
export function nextUint32(): number {
  const result = imul(rotl(imul(state[1], 5) >>> 0, 7), 9) >>> 0;
  const t = (state[1] << 9) >>> 0;
  state[2] ^= state[0];
  state[3] ^= state[1];
  state[1] ^= state[2];
  state[0] ^= state[3];
  state[2] ^= t;
  state[3] = rotl(state[3], 11);
  return result;
}

/** Uniform on [0, 1) with 24 random bits: exactly representable in float32, never 1. */
export function nextUniform(): number {
  return (nextUint32() >>> 8) / 16777216;
}

/** Uniform on [0, 1) with 53 random bits, for float64 tensors. */
export function nextUniform53(): number {
  return ((nextUint32() >>> 5) * 67108864 + (nextUint32() >>> 6)) / 9007199254740992;
}

/** Standard normal by the Box-Muller transform (the second value of each pair is kept). */
export function nextNormal(): number {
  if (spareNormal !== null) {
    const v = spareNormal;
    spareNormal = null;
    return v;
  }
  const u1 = 1 - nextUniform53(); // in (0, 1]: log(u1) is finite
  const u2 = nextUniform53();
  const r = sqrt(-2 * log(u1));
  spareNormal = r * sin(2 * PI * u2);
  return r * cos(2 * PI * u2);
}

// PyTorch's default generator is also seeded with a fixed number at start-up.
manualSeed(67280421310721);
