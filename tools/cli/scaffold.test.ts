import { ID_PATTERN, validateKata } from '../jest/catalogue-core';
import { applyMutant, type Mutant } from './mutant-plan';
import { defaultExportName, defaultTitle, scaffoldKata } from './scaffold';
import { exportedNames } from './ts-exports';

const files = scaffoldKata({
  id: '08-layer-norm',
  title: 'Layer norm',
  file: 'layer-norm.ts',
  exportName: 'layerNorm',
  points: 10,
});
const byPath = new Map(files.map((file) => [file.path, file.text]));

test('creates the stub, test, kata.json, answer, mutants, alternatives and lesson', () => {
  expect([...byPath.keys()]).toEqual([
    'katas/08-layer-norm/layer-norm.ts',
    'katas/08-layer-norm/layer-norm.test.ts',
    'katas/08-layer-norm/kata.json',
    'solutions/08-layer-norm/layer-norm.ts',
    'solutions/08-layer-norm/mutants.json',
    'solutions/08-layer-norm/alternatives.json',
    'docs/08-layer-norm.md',
  ]);
});

test('kata.json passes the catalogue validation and points at the created files', () => {
  const kata = validateKata(
    JSON.parse(byPath.get('katas/08-layer-norm/kata.json')!),
    'kata.json',
    '08-layer-norm',
  );
  expect(byPath.has(`katas/${kata.id}/${kata.files[0]}`)).toBe(true);
  expect(byPath.has(`katas/${kata.id}/${kata.tests[0]}`)).toBe(true);
  expect(byPath.has(kata.lesson)).toBe(true);
  expect(kata.exports).toEqual({ 'layer-norm.ts': ['layerNorm'] });
});

test('stub and answer export the same name; the stub throws the not-implemented line', () => {
  const stub = byPath.get('katas/08-layer-norm/layer-norm.ts')!;
  const answer = byPath.get('solutions/08-layer-norm/layer-norm.ts')!;
  expect(exportedNames(stub)).toEqual(new Set(['layerNorm']));
  expect(exportedNames(answer)).toEqual(new Set(['layerNorm']));
  expect(stub).toContain(
    "throw new Error('not implemented yet: layerNorm in katas/08-layer-norm/layer-norm.ts');",
  );
});

test('the test imports the kata through the alias', () => {
  expect(byPath.get('katas/08-layer-norm/layer-norm.test.ts')).toContain(
    "from '@kata/08-layer-norm/layer-norm'",
  );
});

test('the curated mutant applies to the answer', () => {
  const [mutant] = JSON.parse(byPath.get('solutions/08-layer-norm/mutants.json')!) as Mutant[];
  expect(applyMutant(byPath.get('solutions/08-layer-norm/layer-norm.ts')!, mutant).ok).toBe(true);
});

test('the lesson carries the hint markers', () => {
  expect(byPath.get('docs/08-layer-norm.md')).toMatch(
    /<!-- hints:start -->[\s\S]*Hint 3[\s\S]*<!-- hints:end -->/,
  );
});

test('default names come from the id', () => {
  expect(defaultExportName('08-layer-norm')).toBe('layerNorm');
  expect(defaultExportName('09-softmax')).toBe('softmax');
  expect(defaultTitle('08-layer-norm')).toBe('Layer norm');
  expect(ID_PATTERN.test('08-layer-norm')).toBe(true);
});
