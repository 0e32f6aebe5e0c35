import { hintsSection } from './kata-docs';
import { kataName } from './katas';

export interface ScaffoldOptions {
  id: string;
  title: string;
  /** The file the learner edits, e.g. softmax.ts. */
  file: string;
  /** The function it exports, e.g. softmax. */
  exportName: string;
  points: number;
}

/** A file to create, relative to the repository root. */
export interface ScaffoldFile {
  path: string;
  text: string;
}

/** `08-layer-norm` → `layerNorm`: the default export name of a new kata. */
export function defaultExportName(id: string): string {
  return kataName(id).replace(/-([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
}

/** `08-layer-norm` → `Layer norm`: a placeholder title until the author writes a real one. */
export function defaultTitle(id: string): string {
  const words = kataName(id).replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * Everything a new kata needs, each file a working placeholder: the stub fails its test with the
 * one-line `not implemented yet`, the placeholder answer (a copy of the input) passes it, and the
 * one curated mutant (returning the input itself) is caught. The author then replaces the
 * placeholder idea with the real one in all five places.
 */
export function scaffoldKata(options: ScaffoldOptions): ScaffoldFile[] {
  const { id, file, exportName } = options;
  const module = file.replace(/\.ts$/, '');
  const testFile = `${module}.test.ts`;
  const lesson = `docs/${id}.md`;
  const number = id.slice(0, 2);
  const hints = [
    'A first, gentle hint: which idea from the lesson does this kata use?',
    'A second hint: name the engine operation or the shape to aim for.',
    'A last hint that nearly gives the answer away.',
  ];
  const kataJson = {
    id,
    title: options.title,
    files: [file],
    tests: [testFile],
    exports: { [file]: [exportName] },
    lesson,
    aliases: [] as string[],
    points: options.points,
    hints,
  };
  const mutants = [
    {
      name: 'returns-input',
      file,
      description: 'returns the input itself instead of a new tensor',
      find: 'return x.clone();',
      replace: 'return x;',
    },
  ];
  // another right way to write the answer: the tests must pass it too
  const alternatives = [
    {
      name: 'copy-via-mul',
      file,
      description: 'a new tensor made by multiplying by 1 instead of clone()',
      find: 'return x.clone();',
      replace: 'return x.mul(1);',
    },
  ];
  return [
    { path: `katas/${id}/${file}`, text: stub(options, lesson, number) },
    { path: `katas/${id}/${testFile}`, text: test(options, module) },
    { path: `katas/${id}/kata.json`, text: `${JSON.stringify(kataJson, null, 2)}\n` },
    { path: `solutions/${id}/${file}`, text: answer(options) },
    { path: `solutions/${id}/mutants.json`, text: `${JSON.stringify(mutants, null, 2)}\n` },
    {
      path: `solutions/${id}/alternatives.json`,
      text: `${JSON.stringify(alternatives, null, 2)}\n`,
    },
    {
      path: lesson,
      text: lessonText(
        options,
        number,
        hintsSection({ id, exports: kataJson.exports, lesson, hints }),
      ),
    },
  ];
}

function stub(
  { id, title, file, exportName }: ScaffoldOptions,
  lesson: string,
  number: string,
): string {
  return `import { Tensor } from '../../src';

/**
 * Kata ${number}: ${title}. Lesson: ${lesson}
 *
 * TODO: say what to return, what must not change, and which errors to throw (in PyTorch's words).
 * For now: return a new tensor holding the same values as \`x\`.
 *
 * Run the tests with \`npm run kata -- ${number}\`; \`npm run hint -- ${number}\` when stuck.
 */
export function ${exportName}(x: Tensor): Tensor {
  throw new Error('not implemented yet: ${exportName} in katas/${id}/${file}');
}
`;
}

function answer({ exportName }: ScaffoldOptions): string {
  return `import { Tensor } from '../../src';

/**
 * TODO: the reference answer. This placeholder returns a copy of its input, which is what the
 * placeholder test asks for; write the real answer with a comment that says why it works.
 */
export function ${exportName}(x: Tensor): Tensor {
  return x.clone();
}
`;
}

function test({ id, exportName }: ScaffoldOptions, module: string): string {
  return `import { ${exportName} } from '@kata/${id}/${module}';
import { tensor } from '../../src';
import { kataProperty, kataTest, tensorArb } from '../../src/testing';

// TODO: replace these placeholders with the kata's properties (see docs/instructors.md): the
// lesson's worked numbers first, then properties over random shapes and values, non-contiguous
// inputs, inputs left unchanged, the technique (countOps) and the error cases.

kataTest('the worked example: a copy of [1, 2, 3]', () => {
  expect(${exportName}(tensor([1, 2, 3]))).toBeCloseTensor(tensor([1, 2, 3]));
});

kataProperty('returns a new tensor with the same values', [tensorArb()], (x) => {
  const result = ${exportName}(x);
  expect(result).not.toBe(x);
  expect(result).toBeCloseTensor(x);
});
`;
}

function lessonText({ id, title, file }: ScaffoldOptions, number: string, hints: string): string {
  return `# ${number} · ${title}

You edit [\`katas/${id}/${file}\`](../katas/${id}/${file}). Run its tests with
\`npm run kata -- ${number}\`.

## The idea

TODO: the one idea this kata teaches, and how it follows from the kata before.

## A worked example

TODO: small numbers the reader can check by hand (the test's first example uses the same ones).

## What the tests check

TODO: one line per property, in the words of the test titles.

## Hints

<!-- hints:start -->
${hints}
<!-- hints:end -->
`;
}
