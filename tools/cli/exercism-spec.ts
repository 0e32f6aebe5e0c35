/**
 * A strict reading of Exercism's test-runner interface, version 3 (exercism/docs:
 * building/tooling/test-runners/interface.md), for the tests: the ways a results.json object
 * breaks it, or none. Only the keys the spec defines, each with its type and presence rule.
 */
const STATUSES = ['pass', 'fail', 'error'];
const TOP_KEYS = ['version', 'status', 'message', 'tests'];
const TEST_KEYS = ['name', 'test_code', 'status', 'message', 'output', 'task_id'];
const OUTPUT_LIMIT = 500;

export function resultsProblems(value: unknown): string[] {
  if (!isRecord(value)) return ['results.json is not an object'];
  const problems = unknownKeys(value, TOP_KEYS, 'top level');
  if (value.version !== 3) problems.push(`version is ${String(value.version)}, not 3`);
  if (!STATUSES.includes(value.status as string))
    problems.push(`status "${String(value.status)}" is not pass, fail or error`);
  if (value.status === 'error') {
    if (typeof value.message !== 'string' || value.message.trim() === '')
      problems.push('status error needs a message');
  } else if (value.message !== undefined && value.message !== null) {
    problems.push('message must be null or absent unless status is error');
  }
  if (!Array.isArray(value.tests)) return [...problems, 'tests is required and must be an array'];
  value.tests.forEach((test, i) => problems.push(...testProblems(test, `tests[${i}]`)));
  const statuses = value.tests.map((test) => (isRecord(test) ? test.status : undefined));
  if (value.status === 'pass' && statuses.some((status) => status !== 'pass'))
    problems.push('status pass while a test did not pass');
  if (value.status === 'fail' && statuses.every((status) => status === 'pass'))
    problems.push('status fail while no test failed');
  return problems;
}

function testProblems(test: unknown, where: string): string[] {
  if (!isRecord(test)) return [`${where} is not an object`];
  const problems = unknownKeys(test, TEST_KEYS, where);
  if (typeof test.name !== 'string' || test.name === '')
    problems.push(`${where}.name must be a non-empty string`);
  if (!STATUSES.includes(test.status as string))
    problems.push(`${where}.status "${String(test.status)}" is not pass, fail or error`);
  if (test.message !== undefined && test.message !== null && typeof test.message !== 'string')
    problems.push(`${where}.message must be a string or null`);
  if (test.output !== undefined && test.output !== null) {
    if (typeof test.output !== 'string') problems.push(`${where}.output must be a string`);
    else if (Array.from(test.output).length > OUTPUT_LIMIT)
      problems.push(`${where}.output is longer than ${OUTPUT_LIMIT} characters`);
  }
  if (test.test_code !== undefined && typeof test.test_code !== 'string')
    problems.push(`${where}.test_code must be a string`);
  if (test.task_id !== undefined && !(Number.isInteger(test.task_id) && Number(test.task_id) > 0))
    problems.push(`${where}.task_id must be a task's number`);
  return problems;
}

function unknownKeys(value: Record<string, unknown>, allowed: string[], where: string): string[] {
  return Object.keys(value)
    .filter((key) => !allowed.includes(key))
    .map((key) => `${where} has a key the spec does not define: ${key}`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
