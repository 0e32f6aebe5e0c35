/**
 * GitHub Classroom's per-test credit: the payload `education/autograding-grading-reporter` reads
 * from a step's `result` output, base64 of `{ version: 1, status, max_score, tests: [{ name,
 * status, score, message, test_code, filename, line_no, execution_time }] }`. The reporter adds up
 * the tests' `score`s against the steps' `max_score`s, so a kata's points are split over its tests
 * and a learner who passes 20 of 29 tests earns 20 shares.
 */
import path from 'node:path';
import type { GradeReport, Status } from './grade-report';
import type { JestReport } from './jest-json';
import { titleLineIndex } from './test-code';

export interface ClassroomTest {
  name: string;
  status: Status;
  score: number;
  message: string;
  test_code: string;
  filename: string;
  line_no: number;
  execution_time: string;
}

export interface ClassroomPayload {
  version: 1;
  status: Status;
  max_score: number;
  tests: ClassroomTest[];
}

/**
 * `points` split over `count` tests in hundredths, the remainder spread over the first ones, so
 * the shares add up to exactly `points` (10 over 3 tests: 3.34, 3.33, 3.33).
 */
export function splitPoints(points: number, count: number): number[] {
  if (count === 0) return [];
  const cents = Math.round(points * 100);
  const base = Math.floor(cents / count);
  const extra = cents - base * count;
  return Array.from({ length: count }, (_, i) => (base + (i < extra ? 1 : 0)) / 100);
}

/** Where a test sits and how long it took, from jest's report, by the grade report's test name. */
export interface TestPlace {
  filename: string;
  line_no: number;
  execution_time: string;
}

/**
 * The places of every test in a jest report, keyed like GradeReport's test names
 * (`<kata> > <describe> > <title>`). The line is the first line of the file that quotes the title
 * (1 when a generated title, as in `describe.each`, is quoted nowhere).
 */
export function testPlaces(
  report: JestReport,
  kataId: string,
  root: string,
  readSource: (file: string) => string | null,
): Map<string, TestPlace> {
  const places = new Map<string, TestPlace>();
  for (const suite of report.testResults) {
    const lines = (readSource(suite.name) ?? '').split('\n');
    const filename = path.relative(root, suite.name).split(path.sep).join('/');
    for (const test of suite.assertionResults) {
      const index = titleLineIndex(lines, test.title);
      places.set([kataId, ...test.ancestorTitles, test.title].join(' > '), {
        filename,
        line_no: index + 1 || 1,
        execution_time: `${((test.duration ?? 0) / 1000).toFixed(2)}s`,
      });
    }
  }
  return places;
}

/** The payload for one kata's grade report: its points split over its tests. */
export function classroomPayload(
  report: GradeReport,
  places: ReadonlyMap<string, TestPlace>,
): ClassroomPayload {
  const maxScore = report.maxPoints;
  const shares = splitPoints(maxScore, report.tests.length);
  const tests = report.tests.map((test, i): ClassroomTest => {
    const place = places.get(test.name);
    return {
      name: test.name,
      status: test.status,
      score: test.status === 'pass' ? shares[i] : 0,
      message: test.message ?? '',
      test_code: test.test_code,
      filename: place?.filename ?? '',
      line_no: place?.line_no ?? 0,
      execution_time: place?.execution_time ?? '0.00s',
    };
  });
  return { version: 1, status: report.status, max_score: maxScore, tests };
}

/** The line a step appends to `$GITHUB_OUTPUT`: `result=<base64 of the payload's JSON>`. */
export function githubOutputLine(payload: ClassroomPayload): string {
  return `result=${Buffer.from(JSON.stringify(payload)).toString('base64')}\n`;
}
