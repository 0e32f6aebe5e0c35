// `npm run mutants`: applies each curated wrong answer (solutions/<id>/mutants.json) to a copy of
// the reference answer and checks that the kata's tests catch it; applies each correct alternative
// (solutions/<id>/alternatives.json) the same way and checks that the tests pass it. Every copy has
// its own folder (.mutant-v<n>/<id>/) and one jest run judges them all.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { toolProgram } from './cli/command';
import { coloursFor } from './cli/colour';
import { CliError, runMain } from './cli/errors';
import { type JestSuite, stripAnsi, suitesIn } from './cli/jest-json';
import { runKatasProjectForReport } from './cli/jest-katas-run';
import { resolveKatas } from './cli/kata-id';
import { countTests } from './cli/kata-run-checks';
import { type Kata, loadKatas } from './cli/katas';
import { lockMutantDir } from './cli/mutant-lock';
import { countOf } from './cli/plural';
import { type Mutant, type MutantKind, applyMutant, readMutants } from './cli/mutant-plan';
import { KATAS_DIR, MUTANT_DIR, REPO_ROOT, SOLUTIONS_DIR } from './cli/repo';

const colours = coloursFor(process.stdout);

const program = toolProgram('npm run mutants --')
  .description(
    "Check that each kata's tests catch its curated wrong answers and pass its correct alternatives.",
  )
  .argument('[katas...]', 'ids, numbers or short names (all katas when none is given)')
  .parse();

/** killed/survived for a wrong answer, passed/rejected for a correct alternative. */
type Outcome = 'killed' | 'survived' | 'passed' | 'rejected' | 'invalid';
/** A curated change and the list it came from. */
interface Curated extends Mutant {
  kind: MutantKind;
}
interface Row {
  id: string;
  mutant: Curated;
  outcome: Outcome;
  detail: string;
}
const GOOD: readonly Outcome[] = ['killed', 'passed'];

/** Wrong answers first, then the alternatives, each tagged with its list. */
function readCurated(id: string): Curated[] {
  const kinds: MutantKind[] = ['mutant', 'alternative'];
  return kinds.flatMap((kind) =>
    readMutants(REPO_ROOT, id, kind).map((mutant) => ({ ...mutant, kind })),
  );
}

runMain(async () => {
  const katas = resolveKatas(program.args, loadKatas());
  const copyRoot = path.join(REPO_ROOT, MUTANT_DIR);
  // Every entry gets a folder of its own (`.mutant-v<n>/<id>/`: the changed answer beside a copy
  // of the kata's tests), and one jest run judges them all, spread over jest's workers.
  const variantPrefix = `${MUTANT_DIR}-v`;
  const entries = katas.flatMap((kata) => readCurated(kata.id).map((mutant) => ({ kata, mutant })));
  const rows: Row[] = [];
  const started = Date.now();

  const unlock = lockMutantDir(copyRoot);
  const clearVariants = () => {
    for (const name of fs.readdirSync(REPO_ROOT))
      if (name.startsWith(variantPrefix))
        fs.rmSync(path.join(REPO_ROOT, name), { recursive: true, force: true });
  };
  try {
    clearVariants();
    const runnable: { id: string; mutant: Curated; folder: string }[] = [];
    entries.forEach(({ kata, mutant }, index) => {
      const folder = path.join(REPO_ROOT, `${variantPrefix}${index + 1}`, kata.id);
      const problem = prepareVariant(kata, mutant, folder);
      if (problem) rows.push({ id: kata.id, mutant, outcome: 'invalid', detail: problem });
      else runnable.push({ id: kata.id, mutant, folder });
    });
    if (runnable.length > 0) {
      process.stdout.write(
        colours.dim(`testing ${countOf(runnable.length, 'curated answer')} in one jest run …\n`),
      );
      const run = await runVariants(variantPrefix);
      if (run.report === null)
        throw new CliError(`jest did not produce a report:\n${run.output.slice(-3000)}`);
      for (const { id, mutant, folder } of runnable) {
        rows.push({ id, mutant, ...judge(suitesIn(run.report, folder + path.sep), mutant) });
      }
    }
  } finally {
    clearVariants();
    unlock();
    if (fs.readdirSync(copyRoot).length === 0) fs.rmdirSync(copyRoot);
  }

  const order = katas.map((kata) => kata.id);
  printTable([...rows].sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id)));
  for (const kind of ['mutant', 'alternative'] as const) {
    const without = katas
      .filter((kata) => !entries.some((entry) => entry.kata === kata && entry.mutant.kind === kind))
      .map((kata) => kata.id);
    const file = kind === 'mutant' ? 'mutants.json' : 'alternatives.json';
    if (without.length > 0)
      console.log(colours.yellow(`No ${SOLUTIONS_DIR}/<id>/${file} for: ${without.join(', ')}`));
  }
  const count = (outcome: Outcome) => rows.filter((row) => row.outcome === outcome).length;
  const ofKind = (kind: MutantKind) => rows.filter((row) => row.mutant.kind === kind).length;
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    `${countOf(ofKind('mutant'), 'wrong answer')}: ${count('killed')} killed, ${count('survived')} survived. ` +
      `${countOf(ofKind('alternative'), 'correct alternative')}: ${count('passed')} passed, ${count('rejected')} rejected. ` +
      `${count('invalid')} invalid; ${countOf(katas.length, 'kata')} (${seconds} s)`,
  );
  if (rows.some((row) => !GOOD.includes(row.outcome))) {
    throw new CliError(
      'Every curated wrong answer must be caught by a test and every correct alternative must pass, each applying cleanly: add a property that fails the wrong answer, loosen the test that rejects a right one, or fix the "find" text.',
    );
  }
});

/** One jest run over every variant folder (`KATA_SOURCE=variants:<prefix>`, see jest.config.ts). */
function runVariants(prefix: string) {
  // Hundreds of small test files: on two cores jest would run them all in its own process
  // (maxWorkers defaults to cores - 1); two workers use both.
  const workers = `--maxWorkers=${Math.max(2, os.availableParallelism() - 1)}`;
  return runKatasProjectForReport([workers], { KATA_SOURCE: `variants:${prefix}` });
}

/**
 * A wrong answer is killed when a test fails; a correct alternative passes when none does. A copy
 * the tests cannot even load tells us nothing about them.
 */
function judge(
  suites: readonly JestSuite[],
  mutant: Curated,
): { outcome: Outcome; detail: string } {
  if (suites.length === 0) return { outcome: 'invalid', detail: 'no test file ran' };
  const broken = suites.find((suite) => suite.assertionResults.length === 0 && suite.message);
  if (broken)
    return { outcome: 'invalid', detail: `the tests cannot load it: ${firstLine(broken.message)}` };
  const { passed, failed } = countTests(suites);
  const total = passed + failed;
  if (mutant.kind === 'alternative') {
    if (failed === 0) return { outcome: 'passed', detail: `all ${passed} tests pass` };
    const names = failedTestNames(suites).slice(0, 2).join('; ');
    return {
      outcome: 'rejected',
      detail: `${failed} of ${total} tests fail a right answer (${names}): ${mutant.description}`,
    };
  }
  if (failed > 0) return { outcome: 'killed', detail: `${failed} of ${total} tests fail` };
  return { outcome: 'survived', detail: `all ${passed} tests pass: ${mutant.description}` };
}

function failedTestNames(suites: readonly JestSuite[]): string[] {
  return suites.flatMap((suite) =>
    suite.assertionResults
      .filter((result) => result.status === 'failed')
      .map((result) => result.title),
  );
}

/**
 * Fills `folder` with the kata's answer, one curated change applied, and a copy of the kata's tests
 * and kata.json beside it; returns what went wrong, or null.
 */
function prepareVariant(kata: Kata, mutant: Curated, folder: string): string | null {
  fs.cpSync(path.join(REPO_ROOT, SOLUTIONS_DIR, kata.id), folder, { recursive: true });
  for (const file of [...kata.tests, 'kata.json'])
    fs.copyFileSync(path.join(REPO_ROOT, KATAS_DIR, kata.id, file), path.join(folder, file));
  const target = path.join(folder, mutant.file);
  if (!fs.existsSync(target)) return `${SOLUTIONS_DIR}/${kata.id}/${mutant.file} does not exist`;
  const applied = applyMutant(fs.readFileSync(target, 'utf8'), mutant);
  if (!applied.ok) return applied.problem;
  fs.writeFileSync(target, applied.text);
  return null;
}

function printTable(rows: readonly Row[]): void {
  const idWidth = Math.max(4, ...rows.map((row) => row.id.length));
  const nameWidth = Math.max(6, ...rows.map((row) => row.mutant.name.length));
  const paint: Record<Outcome, (text: string) => string> = {
    killed: colours.green,
    passed: colours.green,
    survived: colours.red,
    rejected: colours.red,
    invalid: colours.yellow,
  };
  const header = `${'kata'.padEnd(idWidth)}  ${'kind'.padEnd(11)}  ${'name'.padEnd(nameWidth)}  result`;
  console.log(colours.bold(`\n${header}`));
  for (const row of rows) {
    console.log(
      `${row.id.padEnd(idWidth)}  ${row.mutant.kind.padEnd(11)}  ${row.mutant.name.padEnd(nameWidth)}  ${paint[row.outcome](row.outcome.padEnd(8))} ${colours.dim(row.detail)}`,
    );
  }
}

/** The line that says why a test file could not run (jest prefixes it with a heading). */
function firstLine(message: string): string {
  const lines = stripAnsi(message)
    .split('\n')
    .map((line) => line.trim());
  return lines.find((line) => line !== '' && !line.startsWith('●')) ?? '';
}
