// Records what the code under test prints during each test, for Exercism's per-test `output`.
// Active only when the grader sets KATA_OUTPUT_DIR (see test-output.ts); otherwise it does nothing.
// The console still prints as usual: capture only keeps a copy.
import { CAPTURED_METHODS, consoleLine, OUTPUT_DIR_ENV, writeTestFileOutput } from './test-output';

const dir = process.env[OUTPUT_DIR_ENV];

if (dir) {
  const tests: Record<string, string> = {};
  for (const method of CAPTURED_METHODS) {
    const original = console[method].bind(console);
    console[method] = (...args: unknown[]) => {
      // Output outside a test (while the file loads, in beforeAll) belongs to no test.
      const name = expect.getState().currentTestName;
      if (name) tests[name] = (tests[name] ?? '') + consoleLine(args);
      original(...args);
    };
  }
  afterAll(() => {
    const testPath = expect.getState().testPath;
    if (testPath) writeTestFileOutput(dir, { testPath, tests });
  });
}
