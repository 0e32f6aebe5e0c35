import fc from 'fast-check';
import { arange } from './creation';
import type { DType } from './dtype';
import { setFlatLoopThreshold } from './kernels';
import { broadcastPairArb, shapeArb, tensorOf } from './test/arbitraries';
import type { Tensor } from './tensor';

// The flat loop takes dense runs from a size on; these properties run every op twice, once with
// the flat loop forced on every dense run and once with it off, and the results must be identical.
function bothWays(f: () => Tensor): [Tensor, Tensor] {
  const previous = setFlatLoopThreshold(0);
  try {
    const flat = f();
    setFlatLoopThreshold(Infinity);
    return [flat, f()];
  } finally {
    setFlatLoopThreshold(previous);
  }
}

function expectSame([flat, nest]: [Tensor, Tensor]): void {
  expect(flat.dtype).toBe(nest.dtype);
  expect(flat.shape).toEqual(nest.shape);
  expect(Array.from(flat.contiguous().storage().data)).toEqual(
    Array.from(nest.contiguous().storage().data),
  );
}

const DTYPES: DType[] = ['float32', 'float64', 'int32'];
const value = fc.integer({ min: -12, max: 12 }).map((v) => v / 4);

function valuesFor(dtype: DType): fc.Arbitrary<number> {
  return dtype === 'int32' ? fc.integer({ min: -9, max: 9 }) : value;
}

type Binary = 'add' | 'sub' | 'mul' | 'div' | 'pow' | 'lt';
type Unary = 'exp' | 'neg' | 'abs' | 'relu';

describe('the flat elementwise loop agrees with the general strided loop', () => {
  test('binary ops on broadcast pairs of any layout and dtype pair (0-sized dims included)', () => {
    fc.assert(
      fc.property(
        fc
          .tuple(broadcastPairArb(), fc.constantFrom(...DTYPES), fc.constantFrom(...DTYPES))
          .chain(([[sa, sb], da, db]) =>
            fc.tuple(tensorOf(sa, valuesFor(da), da), tensorOf(sb, valuesFor(db), db)),
          ),
        fc.constantFrom<Binary>('add', 'sub', 'mul', 'div', 'pow', 'lt'),
        ([a, b], op) => expectSame(bothWays(() => a.t[op](b.t))),
      ),
    );
  });

  test('unary ops and casts on any layout and dtype', () => {
    fc.assert(
      fc.property(
        fc
          .tuple(shapeArb(4, 4), fc.constantFrom(...DTYPES))
          .chain(([shape, dtype]) => tensorOf(shape, valuesFor(dtype), dtype)),
        fc.constantFrom<Unary>('exp', 'neg', 'abs', 'relu'),
        fc.constantFrom(...DTYPES),
        ({ t }, op, target) => {
          expectSame(bothWays(() => t[op]()));
          expectSame(bothWays(() => t.to(target)));
        },
      ),
    );
  });

  test('a dense run that starts inside its storage reads and writes from its offset', () => {
    fc.assert(
      fc.property(fc.nat({ max: 40 }), fc.nat({ max: 40 }), (start, length) => {
        const whole = arange(start + length + 3).mul(0.25);
        const a = whole.narrow(0, start, length);
        const b = whole.narrow(0, 3, length);
        expectSame(bothWays(() => a.add(b)));
        expectSame(bothWays(() => a.mul(2)));
        const target = whole.clone();
        bothWays(() => target.narrow(0, start, length).mul_(3));
        const expected = whole.clone();
        expected.narrow(0, start, length).mul_(3).mul_(3);
        expect(target.toArray()).toEqual(expected.toArray());
      }),
    );
  });
});
