import { createColors } from 'picocolors';
import { typeErrorLines, typeErrorPlace, typeErrorsByKata } from './board-type-errors';
import type { TypeDiagnostic } from './type-check';

const root = '/repo';
const c = createColors(false);

function diagnostic(file: string, line: number, column: number, code: number, message: string) {
  return { file: `${root}/${file}`, line, column, code, message } satisfies TypeDiagnostic;
}

const tensorForNumber = diagnostic(
  'katas/01-loop-matmul/matmul.ts',
  12,
  20,
  2345,
  "Argument of type 'Tensor' is not assignable to parameter of type 'number'.",
);

describe('typeErrorLines', () => {
  test('one error: its place and code on one line, TypeScript’s headline under it', () => {
    expect(typeErrorLines([tensorForNumber], { root, width: 80, c })).toEqual([
      '     type error  katas/01-loop-matmul/matmul.ts:12:20  TS2345',
      "     Argument of type 'Tensor' is not assignable to parameter of type 'number'.",
    ]);
  });

  test('only the headline of a message chain, wrapped to the width in at most two lines', () => {
    const chain = diagnostic(
      'katas/05-lin-grad/lin.ts',
      3,
      1,
      2322,
      `Type '{ a: number; }' is not assignable to type 'Tensor' because ${'of many reasons '.repeat(9)}\n  Property 'shape' is missing.`,
    );
    const lines = typeErrorLines([chain], { root, width: 40, c });
    expect(lines[0]).toBe('     type error  katas/05-lin-grad/lin.ts:3:1  TS2322');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toBe("     Type '{ a: number; }' is not");
    expect(lines[2].endsWith(' …')).toBe(true);
    for (const line of lines.slice(1)) expect(line.length).toBeLessThanOrEqual(40);
    expect(lines.join('\n')).not.toContain('shape');
  });

  test('at most three errors, then how many more', () => {
    const errors = [1, 2, 3, 4, 5].map((line) =>
      diagnostic('katas/01-loop-matmul/matmul.ts', line, 1, 2304, "Cannot find name 'x'."),
    );
    const lines = typeErrorLines(errors, { root, width: 80, c });
    expect(lines.filter((line) => line.includes('type error  '))).toHaveLength(3);
    expect(lines[lines.length - 1]).toBe('     … 2 more type errors (npm run typecheck lists all)');
  });

  test('skips the place the board already shows (the syntax error that stopped the kata)', () => {
    const syntax = diagnostic('katas/01-loop-matmul/matmul.ts', 14, 25, 1005, "')' expected.");
    const lines = typeErrorLines([syntax, tensorForNumber], {
      root,
      width: 80,
      c,
      skip: 'katas/01-loop-matmul/matmul.ts:14:25',
    });
    expect(lines.join('\n')).not.toContain('TS1005');
    expect(lines[0]).toContain('matmul.ts:12:20');
    // a copy outside the root: the board's relative place, the same error
    const outside = { ...syntax, file: '/tmp/copy/01-loop-matmul/matmul.ts' };
    const skip = '../tmp/copy/01-loop-matmul/matmul.ts:14:25';
    expect(typeErrorLines([outside], { root, width: 80, c, skip })).toEqual([]);
  });

  test('no errors, no lines; colour only when asked', () => {
    expect(typeErrorLines([], { root, width: 80, c })).toEqual([]);
    const coloured = typeErrorLines([tensorForNumber], {
      root,
      width: 80,
      c: createColors(true),
    });
    expect(coloured[0]).toContain('\u001b[');
  });
});

test('typeErrorsByKata groups by the kata folder under the judged directory', () => {
  const other = diagnostic('katas/03-expand-as/strides.ts', 1, 1, 2322, 'x');
  const outside = diagnostic('src/index.ts', 1, 1, 2322, 'y');
  const byKata = typeErrorsByKata([tensorForNumber, other, outside], `${root}/katas`);
  expect([...byKata.keys()]).toEqual(['01-loop-matmul', '03-expand-as']);
  expect(byKata.get('03-expand-as')).toEqual([other]);
});

test('typeErrorPlace: relative to the root, absolute for a copy outside it', () => {
  expect(typeErrorPlace(tensorForNumber, root)).toBe('katas/01-loop-matmul/matmul.ts:12:20');
  const copy = { ...tensorForNumber, file: '/tmp/copy/01-loop-matmul/matmul.ts' };
  expect(typeErrorPlace(copy, root)).toBe('/tmp/copy/01-loop-matmul/matmul.ts:12:20');
});
