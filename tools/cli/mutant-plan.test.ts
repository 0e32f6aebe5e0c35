import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { type Mutant, applyMutant, readMutants } from './mutant-plan';

const mutant = (find: string, replace: string): Mutant => ({
  name: 'm',
  file: 'a.ts',
  description: 'd',
  find,
  replace,
});

describe('applyMutant', () => {
  test('replaces the one occurrence of the find text', () => {
    expect(applyMutant('a + b', mutant('+', '-'))).toEqual({ ok: true, text: 'a - b' });
  });

  test('refuses text that is missing, repeated, empty or unchanged', () => {
    expect(applyMutant('a + b', mutant('*', '-'))).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/not found/),
    });
    expect(applyMutant('a + b + c', mutant('+', '-'))).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/2 times/),
    });
    expect(applyMutant('a + b', mutant('', '-'))).toMatchObject({ ok: false });
    expect(applyMutant('a + b', mutant('+', '+'))).toMatchObject({ ok: false });
  });

  test('changes exactly the found text and keeps the rest', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), (before, after, replace) => {
        const find = '\u0000FIND\u0000';
        const result = applyMutant(before + find + after, mutant(find, replace));
        if (before.includes(find) || after.includes(find) || replace === find) return;
        expect(result).toEqual({ ok: true, text: before + replace + after });
      }),
    );
  });
});

describe('readMutants', () => {
  let root: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'mutants-'));
    fs.mkdirSync(path.join(root, 'solutions', '01-x'), { recursive: true });
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));
  const write = (text: string) =>
    fs.writeFileSync(path.join(root, 'solutions', '01-x', 'mutants.json'), text);

  test('no file means no mutants', () => {
    expect(readMutants(root, '01-x')).toEqual([]);
  });

  test('reads a valid list', () => {
    write(JSON.stringify([mutant('+', '-')]));
    expect(readMutants(root, '01-x')).toEqual([mutant('+', '-')]);
  });

  test('names the field that is wrong', () => {
    write(JSON.stringify([{ name: 'm', file: 'a.ts', description: 'd', find: '+' }]));
    expect(() => readMutants(root, '01-x')).toThrow(/\[0\]: "replace" must be a string/);
    write('{');
    expect(() => readMutants(root, '01-x')).toThrow(/not valid JSON/);
  });

  test('correct alternatives come from alternatives.json, in the same format', () => {
    write(JSON.stringify([mutant('+', '-')]));
    const alternative = mutant('a + b', 'b + a');
    fs.writeFileSync(
      path.join(root, 'solutions', '01-x', 'alternatives.json'),
      JSON.stringify([alternative]),
    );
    expect(readMutants(root, '01-x', 'alternative')).toEqual([alternative]);
    fs.writeFileSync(path.join(root, 'solutions', '01-x', 'alternatives.json'), '{}');
    expect(() => readMutants(root, '01-x', 'alternative')).toThrow(
      /alternatives\.json must hold an array of alternatives/,
    );
  });
});
