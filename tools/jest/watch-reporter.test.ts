import WatchReporter from './watch-reporter';

const file = (name: string, statuses: string[], execError = false) => ({
  testFilePath: `/repo/katas/${name}`,
  testExecError: execError ? { message: 'SyntaxError' } : null,
  testResults: statuses.map((status, index) => ({ title: `t${index}`, status })),
});

test('a kata is done when every test passes, failing when one fails, broken when a file cannot run', () => {
  expect(WatchReporter.kataStatus([file('01-a/x.test.ts', ['passed', 'passed'])])).toBe('done');
  expect(WatchReporter.kataStatus([file('01-a/x.test.ts', ['passed', 'failed'])])).toBe('failing');
  expect(
    WatchReporter.kataStatus([
      file('01-a/x.test.ts', ['passed']),
      file('01-a/y.test.ts', [], true),
    ]),
  ).toBe('broken');
  expect(WatchReporter.kataStatus([])).toBe('not-run');
  expect(WatchReporter.kataStatus([file('01-a/x.test.ts', ['skipped'])])).toBe('not-run');
});

test('a file tested again replaces its earlier result; files not tested keep theirs', () => {
  const earlier = [file('01-a/x.test.ts', ['failed']), file('02-b/x.test.ts', ['failed'])];
  const merged = WatchReporter.mergeResults(earlier, [file('02-b/x.test.ts', ['passed'])]);
  expect(merged).toEqual([file('01-a/x.test.ts', ['failed']), file('02-b/x.test.ts', ['passed'])]);
});
