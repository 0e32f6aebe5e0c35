/**
 * The WebAssembly kernels' runtime: loads the compiled module once, on first use, and manages the
 * memory the kernels work in.
 *
 * Loading is synchronous (`new WebAssembly.Module(bytes)`), so ops stay synchronous: the module
 * is a few kilobytes, which Node and browsers compile synchronously on any thread. The bytes are
 * committed as base64 (./module.generated.ts, built by `npm run build:wasm`) and decoded with
 * `atob`, which Node and browsers both have: no file system, no fetch, no build step for users.
 * The relaxed-SIMD build (fused multiply-add) is used when the runtime validates it (browsers do;
 * Node 20 only with --experimental-wasm-relaxed-simd), the plain SIMD build otherwise. Where
 * WebAssembly or SIMD is missing, `wasmKernels()` returns null and the JavaScript kernels run.
 *
 * Memory: operands are copied into the module's memory, the kernel runs there, and the result is
 * copied out; the streaming kernels (elementwise, sums) do it tile by tile (`tileOf`), matmul
 * copies the parts of its operands it reads. The memory only grows, to what the largest op so far
 * needed. Growing detaches every view of the old buffer, so views are taken afresh (`heap()`)
 * after each `reserve`.
 */
import { RELAXED_SIMD_MODULE, SIMD_MODULE } from './module.generated';

/**
 * The part of the WebAssembly JavaScript API used here. The project compiles against ES2022 and
 * Node's types, neither of which declares it; Node and browsers both provide it.
 */
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
declare const WebAssembly:
  | {
      validate(bytes: Uint8Array): boolean;
      Module: new (bytes: Uint8Array) => object;
      Instance: new (module: object, imports: object) => { exports: unknown };
    }
  | undefined;

/** The functions assembly/index.ts exports. Addresses are in bytes, strides in elements. */
export interface KernelExports {
  memory: WasmMemory;
  heapBase(): number;
  matmul(
    m: number,
    k: number,
    n: number,
    a: number,
    aRow: number,
    aCol: number,
    b: number,
    bRow: number,
    bCol: number,
    c: number,
    kc: number,
    mc: number,
    nc: number,
    packedA: number,
    packedB: number,
  ): void;
  sumRows(src: number, rows: number, cols: number, acc: number): void;
  zipRows(
    op: number,
    rows: number,
    cols: number,
    a: number,
    aRow: number,
    b: number,
    bRow: number,
    out: number,
    scalars: number,
  ): void;
}

export interface WasmKernels {
  readonly exports: KernelExports;
  /** Which build runs: 'relaxed-simd' or 'simd'. */
  readonly flavour: 'relaxed-simd' | 'simd';
  /** Makes the memory at least `base + bytes` long; false if it cannot grow that far. */
  reserve(bytes: number): boolean;
  /** The first usable byte address, 64-byte aligned. */
  readonly base: number;
  /** A float32 view of the whole memory, valid until the next `reserve`. */
  heap(): Float32Array;
}

const PAGE = 65536;
/** WebAssembly 32-bit memory ends at 4 GiB. */
const MAX_BYTES = 4 * 1024 * 1024 * 1024;

function decode(base64: string): Uint8Array {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

type WasmApi = NonNullable<typeof WebAssembly>;

function instantiate(
  wasm: WasmApi,
  bytes: Uint8Array,
  flavour: WasmKernels['flavour'],
): WasmKernels {
  const instance = new wasm.Instance(new wasm.Module(bytes), {});
  const exports = instance.exports as unknown as KernelExports;
  const memory = exports.memory;
  const base = exports.heapBase();
  let view = new Float32Array(memory.buffer);
  return {
    exports,
    flavour,
    base,
    reserve(bytes: number): boolean {
      const needed = base + bytes;
      const have = memory.buffer.byteLength;
      if (needed <= have) return true;
      if (needed > MAX_BYTES) return false;
      try {
        memory.grow(Math.ceil((needed - have) / PAGE));
      } catch {
        return false; // the host refused the memory: the JavaScript kernel runs instead
      }
      view = new Float32Array(memory.buffer);
      return true;
    },
    heap(): Float32Array {
      // memory.grow detaches the old buffer (its views read as empty): take a new view then.
      if (view.length === 0 || view.buffer !== memory.buffer)
        view = new Float32Array(memory.buffer);
      return view;
    },
  };
}

function load(): WasmKernels | null {
  if (typeof WebAssembly !== 'object' || typeof atob !== 'function') return null;
  const wasm = WebAssembly;
  try {
    const relaxed = decode(RELAXED_SIMD_MODULE);
    if (wasm.validate(relaxed)) return instantiate(wasm, relaxed, 'relaxed-simd');
    const simd = decode(SIMD_MODULE);
    if (wasm.validate(simd)) return instantiate(wasm, simd, 'simd');
  } catch {
    // A host that forbids synchronous compilation, or runs out of memory: JavaScript kernels.
  }
  return null;
}

let kernels: WasmKernels | null | undefined;
let enabled = true;

/** The loaded kernels, or null when they are switched off or cannot run here. */
export function wasmKernels(): WasmKernels | null {
  if (!enabled) return null;
  if (kernels === undefined) kernels = load();
  return kernels;
}

/**
 * Switches the WebAssembly kernels off (the JavaScript kernels run) or back on; returns the
 * previous setting. For benchmarks and tests that compare the two.
 */
export function useWasmKernels(on: boolean): boolean {
  const previous = enabled;
  enabled = on;
  return previous;
}

/**
 * Where the next region of a kernel's scratch memory may start, in floats: regions begin on a
 * cache line (16 floats = 64 bytes), which also keeps float64 accumulators 8-byte aligned.
 */
export function nextRegion(floats: number): number {
  return Math.ceil(floats / 16) * 16;
}

/**
 * Floats per operand tile of the streaming kernels (elementwise, sums): 64 KiB, so three tiles
 * (a, b, out: 192 KiB) sit in a 512 KiB L2 with room to spare, and a call into WebAssembly
 * (tens of nanoseconds) is paid once per 16384 elements.
 */
let tile = 16384;

export function tileFloats(): number {
  return tile;
}

/**
 * @internal Sets the tile size in floats: tests pass a few floats so that small shapes cross
 * tile boundaries. Returns the previous size.
 */
export function setTileFloats(floats: number): number {
  const previous = tile;
  tile = floats;
  return previous;
}

/**
 * How a rows x cols block is cut into tiles: `width` columns (a row wider than a tile is cut
 * into column blocks) by `height` whole rows (one row when the rows were cut).
 */
export function tileOf(rows: number, cols: number): { width: number; height: number } {
  const width = Math.max(1, Math.min(cols, tile));
  return { width, height: Math.max(1, Math.min(rows, Math.floor(tile / width))) };
}
