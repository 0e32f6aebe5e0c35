import type pc from 'picocolors';
import type { GradeReport } from './grade-report';

type Colours = ReturnType<typeof pc.createColors>;

/** The grade as a small table for people; `--json` gives machines the full report instead. */
export function gradeTable(report: GradeReport, colours: Colours): string {
  const width = Math.max(4, ...report.katas.map((kata) => kata.kata.length));
  const rows = report.katas.map((kata) => {
    const tests = kata.status === 'error' ? 'error' : `${kata.passed}/${kata.total}`;
    const paint = kata.status === 'pass' ? colours.green : colours.red;
    return `${kata.kata.padEnd(width)}  ${paint(tests.padStart(7))}  ${String(kata.points).padStart(4)}/${kata.maxPoints}`;
  });
  return [
    colours.bold(`${'kata'.padEnd(width)}  ${'tests'.padStart(7)}  points`),
    ...rows,
    colours.bold(
      `${'total'.padEnd(width)}  ${''.padStart(7)}  ${String(report.points).padStart(4)}/${report.maxPoints}`,
    ),
  ].join('\n');
}
