import fc from 'fast-check';
import { tensor } from '../creation';
import type { DType } from '../dtype';
import { setWasmZipThreshold } from '../kernels';
import { broadcastPairArb, tensorOf } from '../test/arbitraries';
import { read } from '../test/reference';
import type { Tensor } from '../tensor';
import { setTileFloats, useWasmKernels } from './runtime';

/**
 * The WebAssembly arithmetic kernel against the JavaScript loops it replaces for dense float32
 * rows: every op runs twice, with the kernel taken wherever it applies (from any size) and with
 * the WebAssembly kernels off, and the results must be identical.
 */
function bothKernels(f: () => Tensor): [Tensor, Tensor] {
  const previousSize = setWasmZipThreshold(0);
  const previous = useWasmKernels(true);
  try {
    const wasm = f();
    useWasmKernels(false);
    return [wasm, f()];
  } finally {
    useWasmKernels(previous);
    setWasmZipThreshold(previousSize);
  }
}

function expectSame([wasm, js]: [Tensor, Tensor]): void {
  expect(wasm.dtype).toBe(js.dtype);
  expect(wasm.shape).toEqual(js.shape);
  expect(wasm.toArray()).toEqual(js.toArray());
}

const DTYPES: DType[] = ['float32', 'float32', 'float64', 'int32'];
const floats = fc.float({ min: Math.fround(-1e3), max: Math.fround(1e3), noNaN: true });

function valuesFor(dtype: DType): fc.Arbitrary<number> {
  return dtype === 'int32' ? fc.integer({ min: -9, max: 9 }) : floats;
}

type Op = 'add' | 'sub' | 'mul' | 'div';
const OPS: Op[] = ['add', 'sub', 'mul', 'div'];

describe('the WebAssembly SIMD arithmetic kernel', () => {
  test('+ - * / on broadcast pairs of any layout and dtype pair agree exactly with the loops', () => {
    fc.assert(
      fc.property(
        fc
          .tuple(broadcastPairArb(), fc.constantFrom(...DTYPES), fc.constantFrom(...DTYPES))
          .chain(([[sa, sb], da, db]) =>
            fc.tuple(tensorOf(sa, valuesFor(da), da), tensorOf(sb, valuesFor(db), db)),
          ),
        fc.constantFrom(...OPS),
        ([a, b], op) => expectSame(bothKernels(() => a.t[op](b.t))),
      ),
    );
  });

  test('rows with a broadcast row, a column or a number on either side, any row length (tails of 1 to 3 lanes)', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 9 }),
        fc.nat({ max: 13 }),
        fc.constantFrom(...OPS),
        fc.array(floats, { minLength: 1, maxLength: 30 }),
        (rows, cols, op, pool) => {
          const values = (n: number, shift: number) =>
            Array.from({ length: n }, (_, i) => pool[(i + shift) % pool.length]);
          const m = tensorFrom(values(rows * cols, 0), [rows, cols]);
          const row = tensorFrom(values(cols, 3), [cols]);
          expectSame(bothKernels(() => m[op](row)));
          expectSame(bothKernels(() => row[op](m)));
          expectSame(bothKernels(() => m[op](m)));
          const number = pool[1 % pool.length];
          expectSame(bothKernels(() => m[op](number)));
          expectSame(bothKernels(() => tensorFrom([number], [])[op](m)));
          expectSame(bothKernels(() => row[op](tensorFrom([number], [1, 1]))));
          // One number per row: a [rows, 1] column, and a column sliced out of a wider matrix
          // (its numbers cols + 2 apart).
          const column = tensorFrom(values(rows, 5), [rows, 1]);
          const wide = tensorFrom(values(rows * (cols + 2), 7), [rows, cols + 2]);
          expectSame(bothKernels(() => m[op](column)));
          expectSame(bothKernels(() => column[op](m)));
          expectSame(bothKernels(() => m[op](wide.narrow(1, 1, 1))));
          expectSame(bothKernels(() => wide.narrow(1, 1, 1)[op](row)));
        },
      ),
    );
  });

  test('tiles of any size: whole rows per tile, rows cut into column blocks, a last partial tile', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(1, 3, 4, 5, 8, 21),
        fc.nat({ max: 7 }),
        fc.nat({ max: 30 }),
        fc.constantFrom(...OPS),
        (tile, rows, cols, op) => {
          const m = tensorFrom(
            Array.from({ length: rows * cols }, (_, i) => (i % 7) - 2.5),
            [rows, cols],
          );
          const row = tensorFrom(
            Array.from({ length: cols }, (_, i) => (i % 5) + 0.5),
            [cols],
          );
          const previous = setTileFloats(tile);
          try {
            expectSame(bothKernels(() => m[op](row)));
            expectSame(bothKernels(() => row[op](m)));
            expectSame(bothKernels(() => m[op](m)));
            expectSame(bothKernels(() => m[op](3)));
            const column = tensorFrom(
              Array.from({ length: rows }, (_, i) => i - 1.5),
              [rows, 1],
            );
            expectSame(bothKernels(() => m[op](column)));
            expectSame(bothKernels(() => column[op](m)));
          } finally {
            setTileFloats(previous);
          }
        },
      ),
    );
  });

  test('relu and its backward, special values included, agree exactly with the loops', () => {
    const special = [NaN, Infinity, -Infinity, 0, -0, 1e-45, -1e-45, 3.5, -2];
    fc.assert(
      fc.property(
        fc.array(fc.oneof(floats, fc.constantFrom(...special)), { maxLength: 40 }),
        fc.array(fc.oneof(floats, fc.constantFrom(...special)), { maxLength: 40 }),
        fc.nat({ max: 5 }),
        (xs, gs, start) => {
          const n = Math.max(xs.length, gs.length);
          const x = tensorFrom(
            Array.from({ length: n + start }, (_, i) => xs[i % (xs.length || 1)] ?? 1),
            [n + start],
          );
          const g = tensorFrom(
            Array.from({ length: n }, (_, i) => gs[i % (gs.length || 1)] ?? 1),
            [n],
          );
          // A view that starts inside its storage, as a slice of activations would.
          const view = x.narrow(0, start, n);
          const [wasm, js] = bothKernels(() => view.relu());
          expectSame([wasm, js]);
          // Signed zeros: relu keeps -0, as PyTorch's does (toEqual above tells -0 from +0).
          const xsSeen = read(view).values;
          read(js).values.forEach((v, i) => {
            if (Object.is(xsSeen[i], -0)) expect(Object.is(v, -0)).toBe(true);
          });
          expectSame(
            bothKernels(() => {
              const leaf = view.detach().requiresGrad_();
              leaf.relu().backward(g);
              return leaf.grad as Tensor;
            }),
          );
        },
      ),
    );
  });

  test('in-place ops on a view, and in place with an overlapping input', () => {
    fc.assert(
      fc.property(fc.nat({ max: 20 }), fc.nat({ max: 20 }), (start, length) => {
        const run = () => {
          const whole = tensorFrom(
            Array.from({ length: start + length + 2 }, (_, i) => i / 4 - 2),
            [start + length + 2],
          );
          whole.narrow(0, start, length).add_(whole.narrow(0, 2, length));
          whole.narrow(0, 0, length).mul_(whole.narrow(0, 0, length));
          whole.narrow(0, start, length).sub_(whole.narrow(0, 1, 1).expand(length));
          whole.div_(4);
          return whole;
        };
        expectSame(bothKernels(run));
      }),
    );
  });
});

function tensorFrom(values: number[], shape: number[]): Tensor {
  return tensor(values).reshape(shape);
}
