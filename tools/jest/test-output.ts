/**
 * What the code under test printed, test by test, for the `output` of Exercism's results.json.
 * When `npm run grade -- --results-dir` sets KATA_OUTPUT_DIR, the setup file capture-output.ts
 * records every console call made during a test under that test's full name (jest's
 * `currentTestName`, the same as `fullName` in jest's JSON report) and writes one file per test
 * file into that folder; the grader reads them back with readTestOutputs.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { format } from 'node:util';

/** The folder to write the captured output to; capture is off when it is unset. */
export const OUTPUT_DIR_ENV = 'KATA_OUTPUT_DIR';

/** The console methods a learner prints with. */
export const CAPTURED_METHODS = ['log', 'info', 'warn', 'error', 'debug'] as const;

/** One test file's capture: the printed text of each test, by its full name. */
export interface TestFileOutput {
  testPath: string;
  tests: Record<string, string>;
}

/** A console call as the terminal would show it: arguments formatted like console.log, one line. */
export function consoleLine(args: readonly unknown[]): string {
  return `${format(...args)}\n`;
}

/** The file one test file's capture is written to (named by a hash of its path). */
export function outputFileFor(dir: string, testPath: string): string {
  const hash = createHash('sha1').update(testPath).digest('hex').slice(0, 16);
  return path.join(dir, `${hash}.json`);
}

export function writeTestFileOutput(dir: string, output: TestFileOutput): void {
  fs.writeFileSync(outputFileFor(dir, output.testPath), JSON.stringify(output));
}

/** Every capture in `dir`: test file path → full test name → printed text. */
export function readTestOutputs(dir: string): Map<string, Map<string, string>> {
  const outputs = new Map<string, Map<string, string>>();
  if (!fs.existsSync(dir)) return outputs;
  for (const name of fs.readdirSync(dir).filter((file) => file.endsWith('.json'))) {
    const { testPath, tests } = JSON.parse(
      fs.readFileSync(path.join(dir, name), 'utf8'),
    ) as TestFileOutput;
    outputs.set(testPath, new Map(Object.entries(tests)));
  }
  return outputs;
}
