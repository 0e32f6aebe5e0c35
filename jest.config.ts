/** @jest-config-loader-options {"transpileOnly": true} */
import path from 'node:path';
import type { Config } from 'jest';

// Tests import a kata as `@kata/<id>/<file>`. A learner's `npm test` judges the stubs in katas/;
// `KATA_SOURCE=solutions` (used by `npm run verify`) judges the reference answers instead, and an
// absolute directory judges a copy. `KATA_SOURCE=variants:<prefix>` is the mutant check's: many
// copies at once, each folder `<prefix><n>/<id>/` holding a changed answer beside a copy of the
// kata's tests, which import the answer beside them (tools/jest/kata-resolver.js).
const VARIANT_PLACEHOLDER = '<rootDir>/.kata-variant';

function kataRoot(source = 'katas'): string {
  if (source === 'katas' || source === 'solutions') return `<rootDir>/${source}`;
  if (path.isAbsolute(source)) return source;
  if (variantPrefix(source) !== undefined) return VARIANT_PLACEHOLDER;
  throw new Error(
    `KATA_SOURCE must be "katas", "solutions", "variants:<prefix>" or an absolute directory, got "${source}"`,
  );
}

function variantPrefix(source = ''): string | undefined {
  return /^variants:([.\w-]+)$/.exec(source)?.[1];
}

const variants = variantPrefix(process.env.KATA_SOURCE);

// isolatedModules: ts-jest transpiles file by file; `npm run typecheck` does the type checking.
// pretty: ts-jest's compiler messages carry colour codes only when they reach a terminal.
const tsJest = {
  tsconfig: '<rootDir>/tsconfig.jest.json',
  diagnostics: { pretty: Boolean(process.stderr.isTTY) },
};

// Kata code (katas/, solutions/, a mutant copy) gets a tick in every loop body, so a learner's
// endless loop fails its test with a message instead of hanging jest. The engine runs untouched.
const kataTsJest = {
  ...tsJest,
  astTransformers: { before: ['<rootDir>/tools/jest/loop-guard-transform.js'] },
};

const shared = {
  testEnvironment: 'node',
  // A running Stryker keeps a copy of the repository (and its package.json) in .stryker-tmp.
  modulePathIgnorePatterns: ['<rootDir>/.stryker-tmp'],
  setupFiles: ['<rootDir>/tools/jest/fast-check-seed.ts'],
  setupFilesAfterEnv: ['<rootDir>/tools/jest/matchers.ts'],
} satisfies Config;

const config: Config = {
  // Listed explicitly: jest 30 swaps its default reporter on some machines, and CI parsers read
  // the closing `Tests: … passed, … total` line that the default reporter prints.
  reporters: ['default', '<rootDir>/tools/board-reporter.js'],
  // Katas run in course order, so the first failure a learner reads is the next kata to do.
  testSequencer: '<rootDir>/tools/jest/kata-sequencer.js',
  testTimeout: 10_000,
  projects: [
    {
      ...shared,
      displayName: 'engine',
      transform: { '^.+\\.ts$': ['ts-jest', tsJest] },
      testMatch: ['<rootDir>/src/**/*.test.ts', '<rootDir>/tools/**/*.test.ts'],
    },
    {
      ...shared,
      displayName: 'katas',
      transform: { '^.+\\.ts$': ['ts-jest', kataTsJest] },
      testMatch: [
        variants === undefined
          ? '<rootDir>/katas/**/*.test.ts'
          : `<rootDir>/${variants}*/*/*.test.ts`,
      ],
      moduleNameMapper: { '^@kata/(.*)$': `${kataRoot(process.env.KATA_SOURCE)}/$1` },
      // Kata code may import the engine only from '../../src', where countOps sees every call.
      resolver: '<rootDir>/tools/jest/kata-resolver.js',
      // Grading for Exercism (KATA_OUTPUT_DIR set) records what each test printed.
      setupFilesAfterEnv: [...shared.setupFilesAfterEnv, '<rootDir>/tools/jest/capture-output.ts'],
    },
  ],
};

export default config;
