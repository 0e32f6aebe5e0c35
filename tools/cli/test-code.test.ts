import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './repo';
import { extractTestCode } from './test-code';

const source = `import { matmul } from '@kata/01-loop-matmul/matmul';

kataTest('the lesson example (3x3 @ 3x2)', () => {
  const c = matmul(a, b);
  expect(c.toArray()).toEqual([[1, 2], [3, 4]]);
});

  kataProperty(
    "agrees with the engine on transposed inputs",
    [matrixPairArb()],
    (a, b) => {
      const text = ')))'; // brackets in strings and comments (( are not counted
      assertClose(matmul(a, b), a.matmul(b));
    },
  );
`;

describe('extractTestCode', () => {
  test('takes the whole test call, from its title to its closing bracket', () => {
    expect(extractTestCode(source, 'the lesson example (3x3 @ 3x2)')).toBe(
      [
        "kataTest('the lesson example (3x3 @ 3x2)', () => {",
        '  const c = matmul(a, b);',
        '  expect(c.toArray()).toEqual([[1, 2], [3, 4]]);',
        '});',
      ].join('\n'),
    );
  });

  test('ignores brackets inside strings and comments, and removes the common indent', () => {
    const code = extractTestCode(source, 'agrees with the engine on transposed inputs');
    expect(code).not.toBeNull();
    expect(code!.split('\n')[0]).toBe('kataProperty(');
    expect(code!.split('\n')[1]).toBe('  "agrees with the engine on transposed inputs",');
    expect(code!.split('\n').at(-1)).toBe(');');
  });

  test('finds a title built at run time (describe.each) by its template literal', () => {
    const each = [
      "describe.each(versions)('02 · %s', (name, multiply) => {",
      '  kataProperty(',
      '    `${name} leaves its inputs unchanged`,',
      '    [matrixPairArb()],',
      '    ([a, b]) => {',
      '      multiply(a, b);',
      '    },',
      '  );',
      '  kataTest(`${name}`, () => {});',
      '});',
    ].join('\n');
    expect(extractTestCode(each, 'matmulDot leaves its inputs unchanged')).toBe(
      [
        'kataProperty(',
        '  `${name} leaves its inputs unchanged`,',
        '  [matrixPairArb()],',
        '  ([a, b]) => {',
        '    multiply(a, b);',
        '  },',
        ');',
      ].join('\n'),
    );
    // A template with (almost) no fixed text would match any title: it is not used.
    expect(extractTestCode(each, 'matmulDot')).toBeNull();
  });

  test("finds every describe.each test of kata 02's real test file by its template title", () => {
    const file = path.join(REPO_ROOT, 'katas', '02-broadcast-matmul', 'matmul.test.ts');
    const real = fs.readFileSync(file, 'utf8');
    const rests = [...real.matchAll(/`\$\{name\}([^`\n]*)`/g)].map((match) => match[1]);
    expect(rests.length).toBeGreaterThan(5);
    for (const rest of rests) {
      expect(extractTestCode(real, `matmulEinsum${rest}`)).toContain(`\`\${name}${rest}\``);
    }
  });

  test('returns null for a title it cannot find', () => {
    expect(extractTestCode(source, 'built at run time')).toBeNull();
  });

  test('stops after a maximum number of lines', () => {
    const long = `test('t', () => {\n${'  x();\n'.repeat(100)}});\n`;
    const code = extractTestCode(long, 't', 10)!;
    expect(code.split('\n')).toHaveLength(11);
    expect(code.endsWith('// …')).toBe(true);
  });
});
