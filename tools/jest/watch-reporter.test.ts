import WatchReporter from './watch-reporter';

const file = (name: string, statuses: string[], execError = false) => ({
  testFilePath: `/repo/katas/${name}`,
  testExecError: execError ? { message: 'SyntaxError' } : null,
  testResults: statuses.map((status, index) => ({ title: `t${index}`, status })),
});

/** Kata 01-a's status from these file results (it is in the catalogue whether or not it ran). */
const statusOf = (files: ReturnType<typeof file>[]) =>
  WatchReporter.statusesOf(['01-a'], files, '/repo')['01-a'];

test('a kata is done when every test passes, failing when one fails, broken when a file cannot run', () => {
  expect(statusOf([file('01-a/x.test.ts', ['passed', 'passed'])])).toBe('done');
  expect(statusOf([file('01-a/x.test.ts', ['passed', 'failed'])])).toBe('failing');
  expect(statusOf([file('01-a/x.test.ts', ['passed']), file('01-a/y.test.ts', [], true)])).toBe(
    'broken',
  );
  expect(statusOf([])).toBe('not-run');
  expect(statusOf([file('01-a/x.test.ts', ['skipped'])])).toBe('not-run');
});

test('a file tested again replaces its earlier result; files not tested keep theirs', () => {
  const earlier = [file('01-a/x.test.ts', ['failed']), file('02-b/x.test.ts', ['failed'])];
  const merged = WatchReporter.mergeResults(earlier, [file('02-b/x.test.ts', ['passed'])]);
  expect(merged).toEqual([file('01-a/x.test.ts', ['failed']), file('02-b/x.test.ts', ['passed'])]);
});
