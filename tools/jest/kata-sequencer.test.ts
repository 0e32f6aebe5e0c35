import KataSequencer from './kata-sequencer';

test('kata files run first, in id order; other files keep their order after them', () => {
  const paths = [
    '/r/src/tensor/tensor.test.ts',
    '/r/katas/03-expand-as/strides.test.ts',
    '/r/katas/01-loop-matmul/matmul.test.ts',
    '/r/tools/jest/board.test.ts',
    '/r/katas/02-broadcast-matmul/z.test.ts',
    '/r/katas/02-broadcast-matmul/a.test.ts',
  ];
  const ordered = KataSequencer.orderKataTests(paths.map((path) => ({ path }))).map(
    (test) => test.path,
  );
  expect(ordered).toEqual([
    '/r/katas/01-loop-matmul/matmul.test.ts',
    '/r/katas/02-broadcast-matmul/a.test.ts',
    '/r/katas/02-broadcast-matmul/z.test.ts',
    '/r/katas/03-expand-as/strides.test.ts',
    '/r/src/tensor/tensor.test.ts',
    '/r/tools/jest/board.test.ts',
  ]);
});
