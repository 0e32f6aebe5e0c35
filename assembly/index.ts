// The WebAssembly module's exports: every kernel the engine calls (see src/tensor/wasm/).
export { heapBase, matmul } from './matmul';
export { sumRows } from './sum';
