// `npm run mutants`: applies each curated wrong answer (solutions/<id>/mutants.json) to a copy of
// the reference answer in .mutant/ and checks that the kata's tests catch it; applies each correct
// alternative (solutions/<id>/alternatives.json) the same way and checks that the tests pass it.
import fs from 'node:fs';
import path from 'node:path';
import { toolProgram } from './cli/command';
import { coloursFor } from './cli/colour';
import { CliError, runMain } from './cli/errors';
import { type JestSuite, stripAnsi, suitesIn } from './cli/jest-json';
import { kataTestFolder, runKatasForReport } from './cli/jest-katas-run';
import { resolveKatas } from './cli/kata-id';
import { countTests } from './cli/kata-run-checks';
import { loadKatas } from './cli/katas';
import { lockMutantDir } from './cli/mutant-lock';
import { countOf } from './cli/plural';
import {
  type Mutant,
  type MutantKind,
  applyMutant,
  mutantRounds,
  readMutants,
} from './cli/mutant-plan';
import { MUTANT_DIR, REPO_ROOT, SOLUTIONS_DIR } from './cli/repo';

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
  const perKata = new Map(katas.map((kata) => [kata.id, readCurated(kata.id)] as const));
  const rows: Row[] = [];
  const started = Date.now();

  const unlock = lockMutantDir(copyRoot);
  const clearCopies = () => {
    for (const kata of katas)
      fs.rmSync(path.join(copyRoot, kata.id), { recursive: true, force: true });
  };
  try {
    for (const [index, round] of mutantRounds(perKata).entries()) {
      clearCopies();
      const runnable: typeof round = [];
      for (const { id, mutant } of round) {
        const problem = prepareCopy(id, mutant, copyRoot);
        if (problem) rows.push({ id, mutant, outcome: 'invalid', detail: problem });
        else runnable.push({ id, mutant });
      }
      if (runnable.length === 0) continue;
      process.stdout.write(
        colours.dim(
          `round ${index + 1}: ${runnable.map((entry) => `${entry.id}/${entry.mutant.name}`).join(', ')}\n`,
        ),
      );
      const run = await runKatasForReport(
        runnable.map((entry) => entry.id),
        copyRoot,
      );
      if (run.report === null)
        throw new CliError(`jest did not produce a report:\n${run.output.slice(-3000)}`);
      for (const { id, mutant } of runnable) {
        const suites = suitesIn(run.report, kataTestFolder(id));
        rows.push({ id, mutant, ...judge(suites, mutant) });
      }
    }
  } finally {
    clearCopies();
    unlock();
    if (fs.readdirSync(copyRoot).length === 0) fs.rmdirSync(copyRoot);
  }

  const order = katas.map((kata) => kata.id);
  printTable([...rows].sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id)));
  for (const kind of ['mutant', 'alternative'] as const) {
    const without = katas
      .filter((kata) => !perKata.get(kata.id)!.some((entry) => entry.kind === kind))
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

/** Copies the kata's answer to <copyRoot>/<id>/ and applies the mutant; returns a problem or null. */
function prepareCopy(id: string, mutant: Curated, copyRoot: string): string | null {
  const from = path.join(REPO_ROOT, SOLUTIONS_DIR, id);
  const to = path.join(copyRoot, id);
  fs.cpSync(from, to, { recursive: true });
  const target = path.join(to, mutant.file);
  if (!fs.existsSync(target)) return `${SOLUTIONS_DIR}/${id}/${mutant.file} does not exist`;
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
