import path from 'node:path';
import { loadCatalogue } from './catalogue-core';
import { jestArgs, pictureOption } from './test-args';

const root = path.resolve(__dirname, '..', '..');
const katas = loadCatalogue(root);
const folder = (id: string) =>
  new RegExp(jestArgs([id], katas, root)[3]).test(path.join(root, 'katas', id, 'x.test.ts'));

describe('npm test arguments', () => {
  it('no arguments: every kata', () => {
    expect(jestArgs([], katas, root)).toEqual(['--selectProjects', 'katas']);
  });

  it('a kata by number, id, short name or alias becomes a pattern anchored at its folder', () => {
    for (const word of ['02', '2', '02-broadcast-matmul', 'broadcast-matmul']) {
      const args = jestArgs([word], katas, root);
      expect(args.slice(0, 3)).toEqual(['--selectProjects', 'katas', '--testPathPatterns']);
      const pattern = new RegExp(args[3]);
      expect(pattern.test(path.join(root, 'katas', '02-broadcast-matmul', 'matmul.test.ts'))).toBe(
        true,
      );
      expect(pattern.test(path.join(root, 'katas', '03-expand-as', 'strides.test.ts'))).toBe(false);
    }
    expect(folder('08-to-pytorch')).toBe(true);
  });

  it('several katas, then jest flags that pass through untouched', () => {
    const args = jestArgs(['3', 'loop', '--verbose', '-t', 'loop'], katas, root);
    expect(args.slice(0, 2)).toEqual(['--selectProjects', 'katas']);
    expect(args.slice(5)).toEqual(['--verbose', '-t', 'loop']);
    expect(args).toHaveLength(8);
  });

  it('a path is passed on as a pattern; an unknown word lists the katas', () => {
    expect(jestArgs(['katas/02'], katas, root)).toEqual([
      '--selectProjects',
      'katas',
      '--testPathPatterns',
      'katas/02',
    ]);
    expect(() => jestArgs(['nope'], katas, root)).toThrow(/unknown kata "nope"\. The katas are:/);
  });

  it('--no-pictures is taken out wherever it stands and turns the pictures off', () => {
    expect(pictureOption(['--no-pictures', '02', '--verbose'])).toEqual({
      args: ['02', '--verbose'],
      env: { KATA_PICTURES: 'off' },
    });
    expect(pictureOption(['02'])).toEqual({ args: ['02'], env: {} });
  });
});
