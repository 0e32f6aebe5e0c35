import { exportedNames } from './ts-exports';

test('finds exported functions, classes, consts, types and export lists', () => {
  const source = `
import { Tensor } from '../../src';
export function matmul(a: Tensor, b: Tensor): Tensor { return a; }
export class Module {}
export abstract class Base {}
export const scale = 2, shift = 1;
export type Shape = number[];
export interface Options { eps: number }
function helper() {}
const hidden = 1;
export { helper as publicHelper, hidden };
export default class Ignored {}
`;
  expect([...exportedNames(source)].sort()).toEqual(
    [
      'Base',
      'Ignored',
      'Module',
      'Options',
      'Shape',
      'hidden',
      'matmul',
      'publicHelper',
      'scale',
      'shift',
    ].sort(),
  );
});

test('a module without exports exports nothing', () => {
  expect(exportedNames('const x = 1;').size).toBe(0);
});
