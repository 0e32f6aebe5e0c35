import fc from 'fast-check';
import { UsageError } from './errors';
import { listKatas, resolveKata, resolveKatas } from './kata-id';

const katas = [
  { id: '01-loop-matmul', aliases: ['loop'] },
  { id: '02-broadcast-matmul', aliases: ['broadcast', 'einsum'] },
  { id: '03-expand-as', aliases: ['expand', 'strides'] },
  { id: '12-layer-norm', aliases: [] },
];

function resolvedId(query: string): string {
  return resolveKata(query, katas).id;
}

describe('resolveKata', () => {
  test.each([
    ['03', '03-expand-as'],
    ['3', '03-expand-as'],
    ['003', '03-expand-as'],
    ['03-expand-as', '03-expand-as'],
    ['expand-as', '03-expand-as'],
    ['expand', '03-expand-as'],
    ['STRIDES', '03-expand-as'],
    ['katas/03-expand-as/', '03-expand-as'],
    ['./solutions/03-expand-as', '03-expand-as'],
    ['  loop ', '01-loop-matmul'],
    ['12', '12-layer-norm'],
    ['lay', '12-layer-norm'],
    ['ein', '02-broadcast-matmul'],
  ])('%s means %s', (query, id) => {
    expect(resolvedId(query)).toBe(id);
  });

  test('an unknown id is a usage error (exit 2) that lists every valid id', () => {
    const attempt = () => resolveKata('09', katas);
    expect(attempt).toThrow(UsageError);
    try {
      attempt();
    } catch (error) {
      expect((error as UsageError).exitCode).toBe(2);
      for (const kata of katas) expect((error as Error).message).toContain(kata.id);
    }
  });

  test('a prefix two katas share is refused, naming both', () => {
    expect(() => resolveKata('e', katas)).toThrow(
      /03-expand-as, .*|02-broadcast-matmul, 03-expand-as/,
    );
  });

  test('a number is never a prefix: 0 is unknown rather than ambiguous, 1 is 01 and not 12', () => {
    expect(() => resolveKata('0', katas)).toThrow(/Unknown kata "0"/);
    expect(resolvedId('1')).toBe('01-loop-matmul');
  });

  test('an empty query is refused', () => {
    expect(() => resolveKata('  ', katas)).toThrow(UsageError);
  });

  test('every kata is found by its own id, number and aliases', () => {
    fc.assert(
      fc.property(fc.constantFrom(...katas), fc.boolean(), (kata, padded) => {
        const number = String(Number(kata.id.slice(0, 2)));
        const queries = [kata.id, padded ? number.padStart(2, '0') : number, ...kata.aliases];
        return queries.every((query) => resolvedId(query) === kata.id);
      }),
    );
  });
});

describe('resolveKatas', () => {
  test('no queries means every kata', () => {
    expect(resolveKatas([], katas)).toEqual(katas);
  });

  test('keeps catalogue order and drops repeats', () => {
    expect(resolveKatas(['expand', '1', '03'], katas).map((kata) => kata.id)).toEqual([
      '01-loop-matmul',
      '03-expand-as',
    ]);
  });
});

test('listKatas shows each id with its number and aliases', () => {
  expect(listKatas(katas)).toMatch(/03-expand-as\s+03, expand, strides/);
  expect(listKatas([])).toMatch(/no katas/);
});
