import pc from 'picocolors';
import { coloursFor } from './colour';
import { colourDiff, compareNote, unifiedDiff } from './diff-view';
import { unstartedIn } from './stub-text';

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

describe('compareNote', () => {
  const stub = [
    "export function mse() { throw new Error('not implemented yet: mse in katas/04-mse-grad/mse.ts'); }",
    "export function mseGrad() { throw new Error('not implemented yet: mseGrad in katas/04-mse-grad/mse.ts'); }",
  ].join('\n');
  const file = 'katas/04-mse-grad/mse.ts';

  test('an untouched stub: not started, and no answer shown', () => {
    expect(compareNote(file, ['mse', 'mseGrad'], stub, '04')).toEqual({
      started: false,
      note: 'You have not started katas/04-mse-grad/mse.ts yet: mse and mseGrad still throw "not implemented yet". Try it first (npm run hint -- 04 helps); compare once you have an answer to check.',
    });
  });

  test('half done: the diff is shown, with what is left to write', () => {
    const half = stub.replace(
      /throw new Error\('not implemented yet: mse in [^']*'\);/,
      'return 1;',
    );
    expect(compareNote(file, ['mse', 'mseGrad'], half, '04')).toEqual({
      started: true,
      note: 'Still to write in katas/04-mse-grad/mse.ts: mseGrad.',
    });
    expect(compareNote(file, ['mse', 'mseGrad'], 'export const done = 1;', '04')).toEqual({
      started: true,
    });
  });

  test('a class counts as one export, whichever of its methods still throw', () => {
    expect(
      unstartedIn(
        "throw new Error('not implemented yet: MyRelu.forward in x.ts'); throw new Error('not implemented yet: MyRelu.backward in x.ts');",
      ),
    ).toEqual(['MyRelu']);
  });
});
