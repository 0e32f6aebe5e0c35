import { countOf } from './plural';

test('countOf uses the singular for exactly one', () => {
  expect(countOf(1, 'kata')).toBe('1 kata');
  expect(countOf(0, 'kata')).toBe('0 katas');
  expect(countOf(7, 'mutant')).toBe('7 mutants');
});
