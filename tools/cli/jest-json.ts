import fs from 'node:fs';

/** The parts of jest's `--json` output the tools read (jest's AggregatedResult, trimmed). */
export interface JestAssertion {
  ancestorTitles: string[];
  title: string;
  fullName: string;
  status: 'passed' | 'failed' | 'pending' | 'todo' | 'skipped' | 'disabled' | 'focused';
  failureMessages: string[];
  /** The thrown values behind failureMessages, as JSON keeps them (their enumerable properties). */
  failureDetails?: unknown[];
  /** Milliseconds the test took (absent for a test that did not run). */
  duration?: number | null;
}

export interface JestSuite {
  /** Absolute path of the test file. */
  name: string;
  status: 'passed' | 'failed' | string;
  /** The suite's failure text: for a file that failed to run, the only explanation. */
  message: string;
  assertionResults: JestAssertion[];
}

export interface JestReport {
  success: boolean;
  numTotalTests: number;
  testResults: JestSuite[];
}

/** Reads the file jest wrote with `--json --outputFile`; null when jest died before writing it. */
export function readJestReport(file: string): JestReport | null {
  if (!fs.existsSync(file)) return null;
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as JestReport;
  } catch {
    return null;
  }
}

/** jest's messages carry terminal colours; JSON consumers and checks want the plain text. */
export function stripAnsi(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;]*[A-Za-z]/g, '');
}

/** Suites whose file lies in a given folder (an absolute path ending with the separator). */
export function suitesIn(report: JestReport, folder: string): JestSuite[] {
  return report.testResults.filter((suite) => suite.name.startsWith(folder));
}
