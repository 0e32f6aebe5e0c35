// The WebAssembly module's exports: every kernel the engine calls (see src/tensor/wasm/).
export { zipRows } from './elementwise';
export { heapBase, matmul } from './matmul';
export { sumRows } from './sum';
