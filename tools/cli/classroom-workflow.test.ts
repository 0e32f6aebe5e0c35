import { classroomWorkflow, graderInWorkflow, seedInWorkflow, stepId } from './classroom-workflow';

const katas = [
  { id: '01-loop-matmul', title: 'Matrix multiply with three loops', points: 10 },
  { id: '07-init', title: "Kaiming's fix: init", points: 15 },
];
const yaml = classroomWorkflow(katas, { seed: 1234, timeoutMinutes: 5, grader: 'command' });
const perTest = classroomWorkflow(katas, { seed: 1234, timeoutMinutes: 5 });
const lines = yaml.split('\n');

describe('classroomWorkflow', () => {
  test('one command-grader step per kata, worth its points, grading with the seed as a flag', () => {
    const steps = lines.filter((line) =>
      line.includes('uses: education/autograding-command-grader@v1'),
    );
    expect(steps).toHaveLength(2);
    expect(yaml).toContain("command: 'npm run grade -- 01-loop-matmul --seed 1234'");
    expect(yaml).toContain('max-score: 10');
    expect(yaml).toContain('max-score: 15');
    expect(yaml).toContain('timeout: 5');
  });

  test('by default each step writes the reporter payload itself: a share of the points per test', () => {
    expect(perTest).not.toContain('autograding-command-grader');
    expect(perTest).toContain(
      'run: npm run --silent grade -- --classroom 01-loop-matmul --seed 1234',
    );
    expect(perTest).toContain('timeout-minutes: 5');
    expect(perTest).toContain('uses: education/autograding-grading-reporter@v1');
    expect(graderInWorkflow(perTest)).toBe('per-test');
    expect(graderInWorkflow(yaml)).toBe('command');
    expect(seedInWorkflow(perTest)).toBe(1234);
  });

  test('the reporter reads every step by id', () => {
    expect(yaml).toContain('uses: education/autograding-grading-reporter@v1');
    expect(yaml).toContain(
      `KATA-01-LOOP-MATMUL_RESULTS: '\${{ steps.kata-01-loop-matmul.outputs.result }}'`,
    );
    expect(yaml).toContain('runners: kata-01-loop-matmul,kata-07-init');
    for (const kata of katas) expect(yaml).toContain(`id: ${stepId(kata.id)}`);
  });

  test('titles with quotes and colons are quoted safely', () => {
    expect(yaml).toContain(`- name: "07-init: Kaiming's fix: init"`);
  });

  test('installs with npm ci before grading, and skips runs triggered by Classroom itself', () => {
    expect(yaml.indexOf('npm ci')).toBeLessThan(yaml.indexOf('autograding-command-grader'));
    expect(yaml).toContain("if: github.actor != 'github-classroom[bot]'");
  });

  test('indentation uses spaces only, and the file ends with one newline', () => {
    expect(yaml).not.toMatch(/\t/);
    expect(yaml.endsWith('\n') && !yaml.endsWith('\n\n')).toBe(true);
  });

  test('regenerating keeps the seed already in the file', () => {
    expect(seedInWorkflow(yaml)).toBe(1234);
    expect(seedInWorkflow('name: x')).toBeUndefined();
  });
});
