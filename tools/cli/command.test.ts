import { commanderExitCode } from './command';

test('commander errors are usage errors (2); help and --version still end with 0', () => {
  expect(commanderExitCode({ exitCode: 1 })).toBe(2);
  expect(commanderExitCode({ exitCode: 0 })).toBe(0);
});
