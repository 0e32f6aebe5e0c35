import pc from 'picocolors';
import { coloursFor } from './colour';
import { colourDiff, unifiedDiff } from './diff-view';

const pair = {
  oldName: 'katas/01/matmul.ts',
  oldText: 'a\nthrow new Error("not implemented yet");\nc\n',
  newName: 'solutions/01/matmul.ts',
  newText: 'a\nreturn x;\nc\n',
};

test('a unified diff from the learner file to the answer', () => {
  const patch = unifiedDiff(pair);
  expect(patch).toContain('--- katas/01/matmul.ts\tyours');
  expect(patch).toContain('+++ solutions/01/matmul.ts\treference');
  expect(patch).toContain('-throw new Error("not implemented yet");');
  expect(patch).toContain('+return x;');
});

test('identical files give no diff', () => {
  expect(unifiedDiff({ ...pair, newText: pair.oldText })).toBe('');
});

test('colours removed lines red and added lines green, and nothing when colours are off', () => {
  const patch = unifiedDiff(pair);
  const on = pc.createColors(true);
  expect(colourDiff(patch, on)).toContain(on.green('+return x;'));
  expect(colourDiff(patch, on)).toContain(on.red('-throw new Error("not implemented yet");'));
  expect(colourDiff(patch, pc.createColors(false))).not.toContain('\u001b[');
});

test('colour only on a terminal, unless NO_COLOR or FORCE_COLOR say otherwise', () => {
  const sample = (stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv) =>
    coloursFor(stream, env).red('x');
  expect(sample({ isTTY: true }, {})).not.toBe('x');
  expect(sample({ isTTY: false }, {})).toBe('x');
  expect(sample({}, {})).toBe('x');
  expect(sample({ isTTY: true }, { NO_COLOR: '1' })).toBe('x');
  expect(sample({ isTTY: false }, { FORCE_COLOR: '1' })).not.toBe('x');
});
