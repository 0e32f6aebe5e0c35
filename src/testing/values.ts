import fc from 'fast-check';

/**
 * Element value arbitraries. Small integers keep sums and products exact in float32, so a
 * property can demand equality; bounded floats need a tolerance justified by the op.
 */

export interface IntValueOptions {
  min?: number;
  max?: number;
}

/** Integers in `min..max` (default -9..9): products of a few stay exact in float32. */
export function smallIntArb(options: IntValueOptions = {}): fc.Arbitrary<number> {
  return fc.integer({ min: options.min ?? -9, max: options.max ?? 9 });
}

export interface FloatValueOptions {
  min?: number;
  max?: number;
}

/**
 * Finite floats in `min..max` (default -10..10). fast-check's float bounds must be 32-bit
 * floats, hence `Math.fround`; `v + 0` turns `-0` into `0`, which `toEqual` would tell apart.
 */
export function boundedFloatArb(options: FloatValueOptions = {}): fc.Arbitrary<number> {
  return fc
    .float({
      min: Math.fround(options.min ?? -10),
      max: Math.fround(options.max ?? 10),
      noNaN: true,
      noDefaultInfinity: true,
    })
    .map((v) => v + 0);
}

/** What a tensor arbitrary fills its elements with. */
export type ValueKind = 'int' | 'float' | fc.Arbitrary<number>;

export function valueArbOf(kind: ValueKind = 'int'): fc.Arbitrary<number> {
  if (kind === 'int') return smallIntArb();
  if (kind === 'float') return boundedFloatArb();
  return kind;
}
