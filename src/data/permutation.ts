/**
 * Reproducible shuffles. A split or an epoch's batch order that depends only on a seed lets two
 * runs (a learner's and the reference's) see the same digits in the same order.
 */

// Read once: inside jest's sandbox every `Math.x` lookup in a hot loop costs microseconds.
const { floor, imul } = Math;

/** mulberry32: a tiny, fast 32-bit generator; plenty for shuffling, not for cryptography. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = imul(t ^ (t >>> 15), t | 1);
    t ^= t + imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 0..n-1 in an order fixed by `random` (Fisher-Yates: every order equally likely). */
export function permutation(n: number, random: () => number): Int32Array {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = floor(random() * (i + 1));
    const tmp = order[i];
    order[i] = order[j];
    order[j] = tmp;
  }
  return order;
}

/** 0..n-1 shuffled by a generator seeded with `seed`: the same order for the same seed, everywhere. */
export function seededPermutation(n: number, seed: number): Int32Array {
  return permutation(n, seededRandom(seed));
}
