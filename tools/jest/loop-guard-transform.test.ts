import path from 'node:path';
import ts from 'typescript';
import { LOOP_TIMEOUT_MESSAGE as SRC_MESSAGE } from '../../src/testing/loop-guard';
import { LOOP_TIMEOUT_MESSAGE } from './loop-guard-runtime';
import { factory, isKataCode } from './loop-guard-transform';

const repoRoot = path.resolve(__dirname, '..', '..');

function transpile(source: string, fileName: string): string {
  return ts.transpileModule(source, {
    fileName,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
    transformers: { before: [factory({ configSet: { compilerModule: ts } })] },
  }).outputText;
}

/** Evaluates transpiled CommonJS with a `require` resolved from the file's own folder. */
function load(code: string, fileName: string): Record<string, (...args: number[]) => number> {
  const module = { exports: {} as Record<string, (...args: number[]) => number> };
  const localRequire = (request: string) =>
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require(request.startsWith('.') ? path.resolve(path.dirname(fileName), request) : request);
  new Function('require', 'module', 'exports', code)(localRequire, module, module.exports);
  return module.exports;
}

const GUARD = Symbol.for('kata.loopGuard');
const guardSlot = globalThis as unknown as Record<
  symbol,
  { deadline: number; tripped: boolean; timeouts: number }
>;
const cpuMicros = () => process.cpuUsage().user + process.cpuUsage().system;

describe('the loop guard transform', () => {
  const kataFile = path.join(repoRoot, 'katas', '99-demo', 'spin.ts');
  const source = `
    export function spin(n: number): number {
      let i = 0;
      while (i < n) {}
      return i;
    }
    export function sum(n: number): number {
      let total = 0;
      for (let i = 0; i < n; i++) total += i;
      for (const x of [1, 2]) total += x;
      do total++; while (false);
      return total;
    }
  `;

  test('guards kata code only', () => {
    expect(isKataCode(kataFile)).toBe(true);
    expect(isKataCode(path.join(repoRoot, 'solutions', '01-loop-matmul', 'matmul.ts'))).toBe(true);
    expect(isKataCode('/elsewhere/.mutant/01-loop-matmul/matmul.ts')).toBe(true);
    expect(isKataCode(path.join(repoRoot, 'src', 'tensor', 'kernels.ts'))).toBe(false);
    expect(isKataCode(path.join(repoRoot, 'tools', 'grade.ts'))).toBe(false);
    expect(isKataCode(path.join(repoRoot, 'node_modules', 'x', 'index.ts'))).toBe(false);
    expect(transpile(source, path.join(repoRoot, 'src', 'x.ts'))).not.toContain('__kataLoopTick');
  });

  test('every loop body ticks, and the meaning is unchanged', () => {
    const code = transpile(source, kataFile);
    expect(code.match(/__kataLoopTick\(\)/g)).toHaveLength(4);
    expect(code).toContain(`require("../../tools/jest/loop-guard-runtime.js")`);
    guardSlot[GUARD] = { deadline: cpuMicros() + 60e6, tripped: false, timeouts: 0 };
    expect(load(code, kataFile).sum(4)).toBe(0 + 1 + 2 + 3 + 1 + 2 + 1);
  });

  test('an endless loop throws once the deadline has passed', () => {
    const { spin } = load(transpile(source, kataFile), kataFile);
    guardSlot[GUARD] = { deadline: cpuMicros() - 1, tripped: false, timeouts: 0 };
    expect(() => spin(1)).toThrow(`${LOOP_TIMEOUT_MESSAGE}: is there a loop that never ends?`);
    expect(guardSlot[GUARD].tripped).toBe(true);
  });

  test('a loop that runs before any test (top-level kata code) starts a budget of its own', () => {
    const { spin } = load(transpile(source, kataFile), kataFile);
    const saved = { slot: guardSlot[GUARD], limit: process.env.KATA_TIME_LIMIT_MS };
    delete guardSlot[GUARD];
    process.env.KATA_TIME_LIMIT_MS = '50';
    try {
      expect(() => spin(1)).toThrow(LOOP_TIMEOUT_MESSAGE);
      expect(guardSlot[GUARD]).toMatchObject({ tripped: true, timeouts: 0 });
    } finally {
      guardSlot[GUARD] = saved.slot;
      if (saved.limit === undefined) delete process.env.KATA_TIME_LIMIT_MS;
      else process.env.KATA_TIME_LIMIT_MS = saved.limit;
    }
  });

  test('the runtime and src/testing agree on the message', () => {
    expect(LOOP_TIMEOUT_MESSAGE).toBe(SRC_MESSAGE);
  });
});
