import { spawnSync } from 'node:child_process';
import { RELAXED_SIMD_MODULE } from './module.generated';

/**
 * Node 20 runs the plain SIMD build, so the relaxed-SIMD build (what browsers run) is checked in
 * a child Node with relaxed SIMD switched on: the same products as a triple loop in doubles,
 * within the float32 summation bound, through transposed and stride-0 operands and edge tiles.
 */
const CHILD = `
const bytes = Buffer.from(process.argv[1], 'base64');
const ok = WebAssembly.validate(bytes);
if (!ok) { console.log(JSON.stringify({ validated: false })); process.exit(0); }
const e = new WebAssembly.Instance(new WebAssembly.Module(bytes), {}).exports;
let worst = 0;
let seed = 1;
const next = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648) * 2 - 1;
for (const [m, k, n, aT, bZero] of [[5, 784, 10, 0, 0], [37, 601, 29, 1, 0], [9, 1100, 17, 0, 1], [130, 20, 1030, 1, 0]]) {
  const base = e.heapBase();
  const aRow = aT ? 1 : k, aCol = aT ? m : 1;
  const bRow = bZero ? 0 : n, bCol = 1;
  const aAt = base, bAt = aAt + 4 * m * k, cAt = bAt + 4 * k * n, pA = cAt + 4 * m * n, pB = pA + 4 * 128 * 512;
  const need = pB + 4 * 512 * 1024 + 64;
  if (need > e.memory.buffer.byteLength) e.memory.grow(Math.ceil((need - e.memory.buffer.byteLength) / 65536));
  const heap = new Float32Array(e.memory.buffer);
  for (let i = 0; i < m * k; i++) heap[aAt / 4 + i] = next();
  for (let i = 0; i < k * n; i++) heap[bAt / 4 + i] = next();
  const kc = Math.ceil(k / Math.ceil(k / 512));
  e.matmul(m, k, n, aAt, aRow, aCol, bAt, bRow, bCol, cAt, kc, 128, 1024, pA, pB);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) {
    let sum = 0, size = 0;
    for (let p = 0; p < k; p++) {
      const x = heap[aAt / 4 + i * aRow + p * aCol] * heap[bAt / 4 + p * bRow + j * bCol];
      sum += x; size += Math.abs(x);
    }
    const bound = (k + 1) * 2 ** -24 * size;
    worst = Math.max(worst, Math.abs(heap[cAt / 4 + i * n + j] - sum) / bound);
  }
}
console.log(JSON.stringify({ validated: true, worst }));
`;

function runChild(flags: string[]) {
  return spawnSync(process.execPath, [...flags, '-e', CHILD, RELAXED_SIMD_MODULE], {
    encoding: 'utf8',
  });
}

test('the relaxed-SIMD build agrees with a triple loop within the float32 bound', () => {
  // Node 20 needs the flag; a Node that has relaxed SIMD on by default may not know it.
  let run = runChild(['--experimental-wasm-relaxed-simd']);
  if (run.status !== 0 && /bad option/.test(run.stderr)) run = runChild([]);
  expect(run.stderr).toBe('');
  const result = JSON.parse(run.stdout) as { validated: boolean; worst?: number };
  expect(result.validated).toBe(true);
  // The worst error as a share of the bound (k + 1) * 2^-24 * sum|a_ip b_pj|: at most 1.
  expect(result.worst).toBeLessThanOrEqual(1);
}, 30_000);
