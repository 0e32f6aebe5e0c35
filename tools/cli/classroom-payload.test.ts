import {
  classroomPayload,
  githubOutputLine,
  splitPoints,
  type TestPlace,
} from './classroom-payload';
import type { GradeReport, TestResult } from './grade-report';

const test = (name: string, status: TestResult['status'], message?: string): TestResult => ({
  name,
  status,
  ...(message === undefined ? {} : { message }),
  test_code: `kataTest('${name}', () => {})`,
  task_id: 3,
});

function report(tests: TestResult[]): GradeReport {
  return {
    version: 3,
    status: tests.every((t) => t.status === 'pass') ? 'pass' : 'fail',
    tests,
    katas: [],
    points: 0,
    maxPoints: 20,
  };
}

const place: TestPlace = { filename: 'katas/03-x/x.test.ts', line_no: 12, execution_time: '0.05s' };

describe('splitPoints', () => {
  it('splits in hundredths that add up to the points exactly', () => {
    expect(splitPoints(10, 3)).toEqual([3.34, 3.33, 3.33]);
    expect(splitPoints(20, 25).reduce((a, b) => a + b, 0)).toBeCloseTo(20, 10);
    expect(splitPoints(15, 0)).toEqual([]);
  });
});

describe('classroomPayload', () => {
  const tests = [test('a', 'pass'), test('b', 'fail', 'expected 1, got 2'), test('c', 'pass')];
  const payload = classroomPayload(report(tests), new Map([['a', place]]));

  it("has the reporter's shape: version 1, status, max_score and every test with its fields", () => {
    expect(Object.keys(payload)).toEqual(['version', 'status', 'max_score', 'tests']);
    expect(payload).toMatchObject({ version: 1, status: 'fail', max_score: 20 });
    for (const entry of payload.tests) {
      expect(Object.keys(entry)).toEqual([
        'name',
        'status',
        'score',
        'message',
        'test_code',
        'filename',
        'line_no',
        'execution_time',
      ]);
    }
    expect(payload.tests[0]).toMatchObject({ name: 'a', filename: place.filename, line_no: 12 });
  });

  it('passing tests earn their share, failing ones nothing and say why', () => {
    expect(payload.tests.map((t) => t.score)).toEqual([6.67, 0, 6.66]);
    expect(payload.tests[1]).toMatchObject({ status: 'fail', message: 'expected 1, got 2' });
    const all = classroomPayload(
      report([test('a', 'pass'), test('b', 'pass'), test('c', 'pass')]),
      new Map(),
    );
    expect(all.tests.reduce((sum, t) => sum + t.score, 0)).toBeCloseTo(20, 10);
  });

  it('the GITHUB_OUTPUT line decodes back to the payload', () => {
    const line = githubOutputLine(payload);
    expect(line).toMatch(/^result=[A-Za-z0-9+/]+=*\n$/);
    const decoded = JSON.parse(
      Buffer.from(line.slice('result='.length), 'base64').toString('utf8'),
    );
    expect(decoded).toEqual(payload);
  });
});
