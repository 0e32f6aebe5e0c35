import fs from 'node:fs';
import path from 'node:path';
import resolveKataImport from './kata-resolver';

const repo = path.resolve(__dirname, '..', '..');
const options = (basedir: string) => ({
  basedir,
  defaultResolver: (request: string, { basedir: dir }: { basedir: string }) =>
    path.resolve(dir, request) + (request.endsWith('src') ? '/index.ts' : '.ts'),
});

describe('kata-resolver', () => {
  const kataDir = path.join(repo, 'katas', '03-expand-as');

  test("kata code may import the engine's public API and the test helpers", () => {
    expect(resolveKataImport('../../src', options(kataDir))).toBe(path.join(repo, 'src/index.ts'));
    expect(resolveKataImport('../../src/testing/close', options(kataDir))).toBe(
      path.join(repo, 'src/testing/close.ts'),
    );
  });

  test('an engine module imported directly resolves to a module that says what to import', () => {
    for (const dir of [
      kataDir,
      path.join(repo, 'solutions', '03-expand-as'),
      path.join(repo, '.mutant', '03-expand-as'),
    ]) {
      const file = resolveKataImport('../../src/tensor/layout', options(dir));
      expect(fs.readFileSync(file, 'utf8')).toContain(
        `imports '../../src/tensor/layout': kata code uses the engine's public API only. Import from '../../src' instead.`,
      );
    }
  });

  test("a variant's tests import the answer beside them (the mutant check's copies)", () => {
    const variant = path.join(repo, '.mutant-v7', '03-expand-as');
    expect(
      resolveKataImport(
        path.join(repo, '.kata-variant', '03-expand-as', 'strides'),
        options(variant),
      ),
    ).toBe(path.join(variant, 'strides.ts'));
  });

  test('the engine and the tools import their own modules freely', () => {
    const dir = path.join(repo, 'src', 'tensor');
    expect(resolveKataImport('./layout', options(dir))).toBe(path.join(dir, 'layout.ts'));
  });
});
