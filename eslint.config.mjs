import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'out/',
      'reports/',
      '.stryker-tmp/',
      'coverage/',
      '.mutant/',
      '.mutant-*/',
      '.exercism-*/',
      // AssemblyScript, compiled by asc (npm run build:wasm) with its own tsconfig, not TypeScript.
      'assembly/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // Stubs take arguments they do not use yet: the learner fills them in.
    files: ['katas/**/*.ts'],
    rules: { '@typescript-eslint/no-unused-vars': 'off' },
  },
  {
    // Jest loads its reporter, sequencer and transformer as CommonJS modules.
    files: ['tools/**/*.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
