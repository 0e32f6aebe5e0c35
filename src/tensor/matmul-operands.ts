/**
 * Test support for the matmul kernels' property tests (the JavaScript kernel and the WebAssembly
 * one): operands laid out the way views lay them out, filled from one drawn seed.
 */
import type { StridedMatrix } from './matmul-kernel';

/**
 * How an operand's elements sit in storage. `transposed` is a `.t()` of a contiguous matrix,
 * `padded` a slice of a wider one, `stepped` every other column, the `expanded*` kinds are
 * `expand` views with stride 0.
 */
export const OPERAND_LAYOUTS = [
  'contiguous',
  'transposed',
  'padded',
  'stepped',
  'expandedRows',
  'expandedCols',
  'expandedBoth',
] as const;
export type OperandLayout = (typeof OPERAND_LAYOUTS)[number];

export interface OperandSpec {
  layout: OperandLayout;
  offset: number;
  /** float64 storage; float32 otherwise. */
  float64?: boolean;
}

/** Small integers make every product exact; reals exercise rounding. */
export type OperandValues = 'integers' | 'reals';

/** The value a kernel's output is filled with first, to prove it overwrites rather than adds. */
export const OUT_SENTINEL = 12345;

function strides(layout: OperandLayout, rows: number, cols: number): [number, number] {
  switch (layout) {
    case 'contiguous':
      return [cols, 1];
    case 'transposed':
      return [1, rows];
    case 'padded':
      return [cols + 3, 1];
    case 'stepped':
      return [2 * cols, 2];
    case 'expandedRows':
      return [0, 1];
    case 'expandedCols':
      return [1, 0];
    case 'expandedBoth':
      return [0, 0];
  }
}

// Read once: inside jest's sandbox a global `Math.x` lookup per element would dominate.
const { floor, imul } = Math;

/** mulberry32: the element values come from one drawn seed, so big matrices stay cheap to draw. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = imul(s ^ (s >>> 15), 1 | s);
    t = (t + imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Builds the operand's storage: NaN everywhere except the positions the view reaches, so a
 * kernel that reads outside its view produces NaN and fails.
 */
export function buildOperand(
  spec: OperandSpec,
  rows: number,
  cols: number,
  next: () => number,
  values: OperandValues,
): StridedMatrix {
  const [rowStride, colStride] = strides(spec.layout, rows, cols);
  const last = rows > 0 && cols > 0 ? (rows - 1) * rowStride + (cols - 1) * colStride : -1;
  const size = spec.offset + last + 3;
  const data = spec.float64 ? new Float64Array(size) : new Float32Array(size);
  data.fill(NaN);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const v = values === 'integers' ? floor(next() * 17) - 8 : next() * 4 - 2;
      data[spec.offset + r * rowStride + c * colStride] = v; // float32 storage rounds reals here
    }
  }
  return { data, offset: spec.offset, rowStride, colStride };
}
