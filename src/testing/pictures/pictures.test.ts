/**
 * The pictures failures draw, as text with colour off (snapshots in __snapshots__): what a learner
 * sees for the small cases properties shrink to, within 80 columns, and text for anything larger.
 */
import { stripVTControlCharacters } from 'node:util';
import { tensor, zeros } from '../../tensor';
import {
  alignedShapesPicture,
  comparisonPicture,
  pictureMode,
  viewComparisonPicture,
  viewPicture,
} from '.';

const lines = (picture: string | undefined) => (picture ?? '').split('\n');

function expectWithin80Columns(picture: string | undefined): void {
  expect(picture).toBeDefined();
  for (const line of lines(picture)) expect(line.length).toBeLessThanOrEqual(80);
}

describe('expected | got', () => {
  const expected = tensor([
    [1, 2, 3],
    [4, 5, 6],
  ]);

  test('a 2-D difference: both grids, the differing elements bracketed on both sides', () => {
    const got = tensor([
      [1, 2, 3],
      [4, 9, 6.123456],
    ]);
    const picture = comparisonPicture(expected, got, (p) => p >= 4, 'plain');
    expectWithin80Columns(picture);
    expect(picture).toMatchSnapshot();
  });

  test('a transposed result: both grids with their own shapes, nothing marked', () => {
    expect(comparisonPicture(expected, expected.t(), () => false, 'plain')).toMatchSnapshot();
  });

  test('1-D and 0-D tensors draw as one row', () => {
    expect(
      comparisonPicture(tensor([1, 2, 3]), tensor([1, 2, 4]), (p) => p === 2, 'plain'),
    ).toMatchSnapshot();
    expect(comparisonPicture(tensor(3), tensor(4), () => true, 'plain')).toMatchSnapshot();
  });

  test('values too wide for 80 columns give a map of where they differ', () => {
    const big = zeros(3, 30);
    const picture = comparisonPicture(big, big.add(0.5), (p) => p % 7 === 0, 'plain');
    expectWithin80Columns(picture);
    expect(picture).toMatchSnapshot();
  });

  test('anything larger, 3-D, or empty stays text', () => {
    expect(comparisonPicture(zeros(20, 50), zeros(20, 50), () => true, 'plain')).toBeUndefined();
    expect(comparisonPicture(zeros(2, 2, 2), zeros(2, 2, 2), () => true, 'plain')).toBeUndefined();
    expect(comparisonPicture(zeros(0), zeros(0), () => true, 'plain')).toBeUndefined();
  });

  test('colour marks the same cells as the brackets, and nothing else changes', () => {
    const got = tensor([
      [1, 2, 3],
      [4, 9, 6],
    ]);
    const plain = comparisonPicture(expected, got, (p) => p === 4, 'plain');
    const colour = comparisonPicture(expected, got, (p) => p === 4, 'colour');
    expect(colour).not.toBe(plain);
    expect(stripVTControlCharacters(colour!)).toBe(plain);
  });
});

describe('views over their storage', () => {
  const c = tensor([10, 20, 30]);

  test('a stride-0 view repeats cells: nothing was copied', () => {
    expect(viewPicture('c', c.expand(3, 3), 'plain')).toMatchSnapshot();
  });

  test('a transposed view reads the storage column by column', () => {
    const a = tensor([1, 2, 3, 4, 5, 6]).view(2, 3).t();
    expect(viewPicture('a', a, 'plain')).toMatchSnapshot();
  });

  test('a slice marks only the cells it reads, and its offset', () => {
    const s = tensor([1, 2, 3, 4, 5, 6]).narrow(0, 1, 2);
    expect(viewPicture('s', s, 'plain')).toMatchSnapshot();
  });

  test('expected view next to a copy: the copy is named and every cell marked', () => {
    const picture = viewComparisonPicture(
      { name: 't', tensor: c },
      c.expand(3, 3),
      c.expand(3, 3).contiguous(),
      'plain',
    );
    expectWithin80Columns(picture);
    expect(picture).toMatchSnapshot();
  });

  test('expected view next to one with the wrong strides: the wrong cells marked', () => {
    const t = tensor([1, 2, 3, 4, 5, 6]).view(2, 3);
    const picture = viewComparisonPicture({ name: 't', tensor: t }, t.t(), t.view(3, 2), 'plain');
    expect(picture).toMatchSnapshot();
  });

  test('a storage too long to draw stays text', () => {
    expect(viewPicture('z', zeros(40).expand(2, 40), 'plain')).toBeUndefined();
  });
});

describe('shapes lined up from the right', () => {
  test('a broadcasting clash is marked where PyTorch names it', () => {
    expect(alignedShapesPicture({ a: [2, 3], b: [4, 1, 2] }, 'plain')).toMatchSnapshot();
  });

  test('several clashes are all marked; the rightmost is the one named', () => {
    expect(alignedShapesPicture({ t: [3, 1, 2], other: [5, 2, 4, 1] }, 'plain')).toMatchSnapshot();
  });

  test('shapes that broadcast have no marks', () => {
    expect(lines(alignedShapesPicture({ a: [3], b: [3, 1] }, 'plain'))).toHaveLength(3);
  });
});

describe('when pictures are drawn', () => {
  test('off draws nothing', () => {
    expect(comparisonPicture(tensor([1]), tensor([2]), () => true, 'off')).toBeUndefined();
    expect(viewPicture('c', tensor([1]), 'off')).toBeUndefined();
    expect(alignedShapesPicture({ a: [2], b: [3] }, 'off')).toBeUndefined();
  });

  test('KATA_PICTURES chooses; otherwise NO_COLOR or a non-terminal is plain, a terminal colour', () => {
    expect(pictureMode({ KATA_PICTURES: 'off' }, { isTTY: true })).toBe('off');
    expect(pictureMode({ KATA_PICTURES: 'plain', FORCE_COLOR: '1' }, { isTTY: true })).toBe(
      'plain',
    );
    expect(pictureMode({ NO_COLOR: '1' }, { isTTY: true })).toBe('plain');
    expect(pictureMode({}, { isTTY: false })).toBe('plain');
    expect(pictureMode({ FORCE_COLOR: '1' }, { isTTY: false })).toBe('colour');
    expect(pictureMode({}, { isTTY: true })).toBe('colour');
  });
});
