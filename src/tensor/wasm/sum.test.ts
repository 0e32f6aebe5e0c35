import fc from 'fast-check';
import { manualSeed, randn, type Tensor } from '../..';
import { setTileFloats, useWasmKernels } from './runtime';
import { wasmSumRows } from './sum';

// Read once: the reference loop below runs per element, and inside jest a global lookup is slow.
const { fround } = Math;

/** The JavaScript kernel's order: row after row, each added into float64 column sums. */
function referenceSumRows(src: Float32Array, offset: number, rows: number, cols: number) {
  const acc = new Float64Array(cols);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) acc[j] += src[offset + i * cols + j];
  }
  return acc;
}

/** Runs f with the WebAssembly kernels on and then off; both results as plain arrays. */
function bothKernels(f: () => Tensor): [unknown, unknown] {
  const previous = useWasmKernels(true);
  try {
    const wasm = f().toArray();
    useWasmKernels(false);
    return [wasm, f().toArray()];
  } finally {
    useWasmKernels(previous);
  }
}

describe('the WebAssembly SIMD column sum', () => {
  test('adds the same numbers in the same order as the JavaScript loop (any rows, cols, offset, tile)', () => {
    fc.assert(
      fc.property(
        // Tiles of a few floats make small blocks cross tile boundaries: whole rows per tile,
        // rows cut into column blocks, and a last partial tile. 16384 is the real size.
        fc.constantFrom(1, 3, 4, 5, 8, 21, 16384),
        fc.nat({ max: 40 }),
        fc.nat({ max: 23 }),
        fc.nat({ max: 9 }),
        fc.array(fc.float({ min: fround(-1e6), max: fround(1e6), noNaN: true }), {
          minLength: 1,
          maxLength: 64,
        }),
        (tile, rows, cols, offset, pool) => {
          const src = new Float32Array(offset + rows * cols + 3);
          for (let i = 0; i < src.length; i++) src[i] = pool[i % pool.length];
          const acc = new Float64Array(cols);
          const previous = setTileFloats(tile);
          try {
            expect(wasmSumRows(src, offset, rows, cols, acc)).toBe(true);
          } finally {
            setTileFloats(previous);
          }
          expect(Array.from(acc)).toEqual(Array.from(referenceSumRows(src, offset, rows, cols)));
        },
      ),
    );
  });

  test('adds into the sums it is given', () => {
    const acc = Float64Array.from([1, 2, 3]);
    wasmSumRows(Float32Array.from([1, 1, 1, 2, 2, 2]), 0, 2, 3, acc);
    expect(Array.from(acc)).toEqual([4, 5, 6]);
  });

  test('sum and mean over leading dims agree exactly with the JavaScript kernel on any view', () => {
    manualSeed(7);
    const m = randn(300, 130);
    const cube = randn(40, 30, 31);
    const cases: [string, () => Tensor][] = [
      ['[300, 130].sum(0)', () => m.sum(0)],
      ['keepdim', () => m.sum(0, true)],
      ['mean(0)', () => m.mean(0)],
      ['leading two dims', () => cube.sum([0, 1])],
      ['dim 0 of a 3-d block', () => cube.sum(0)],
      ['a row slice (offset)', () => m.narrow(0, 5, 290).sum(0)],
      ['a column slice (not dense: JavaScript)', () => m.narrow(1, 1, 128).sum(0)],
      ['a transpose (JavaScript)', () => m.t().sum(1)],
      ['an expanded row', () => m.narrow(0, 0, 1).expand(300, 130).sum(0)],
      ['float64 (JavaScript)', () => m.double().sum(0)],
      ['0-sized', () => randn(40000, 0).sum(0)],
    ];
    for (const [name, f] of cases) {
      const [wasm, js] = bothKernels(f);
      expect({ name, sums: wasm }).toEqual({ name, sums: js });
    }
  });
});
