// `npm run check-katas`: rustlings' `dev check` for this repository. Every kata.json names files
// that exist, stubs and answers export the same names, every untouched stub fails every test with
// the one-line `not implemented yet`, and every answer passes.
import { toolProgram } from './cli/command';
import { coloursFor } from './cli/colour';
import { CliError, runMain } from './cli/errors';
import { suitesIn } from './cli/jest-json';
import { kataTestFolder, runKatasForReport } from './cli/jest-katas-run';
import { resolveKatas } from './cli/kata-id';
import { layoutProblems } from './cli/kata-layout-checks';
import { answerProblems, countTests, stubProblems } from './cli/kata-run-checks';
import { loadKatas } from './cli/katas';
import { countOf } from './cli/plural';
import { REPO_ROOT } from './cli/repo';

const colours = coloursFor(process.stdout);

const program = toolProgram('npm run check-katas --')
  .description('Check that every stub fails its tests and every reference answer passes them.')
  .argument('[katas...]', 'ids, numbers or short names (all katas when none is given)')
  .option('--verbose', "show jest's output")
  .parse();

runMain(async () => {
  const katas = resolveKatas(program.args, loadKatas());
  const verbose = program.opts<{ verbose?: boolean }>().verbose === true;
  const ids = katas.map((kata) => kata.id);

  console.log(`Running ${countOf(ids.length, 'kata')} against the stubs in katas/ …`);
  const stubs = await runKatasForReport(ids, 'katas');
  console.log('… and against the answers in solutions/');
  const answers = await runKatasForReport(ids, 'solutions');
  for (const run of [stubs, answers]) {
    if (verbose) console.log(run.output);
    if (run.report === null)
      throw new CliError(`jest did not produce a report:\n${run.output.slice(-3000)}`);
  }

  let failures = 0;
  for (const kata of katas) {
    const folder = kataTestFolder(kata.id);
    const stubSuites = suitesIn(stubs.report!, folder);
    const answerSuites = suitesIn(answers.report!, folder);
    const problems = [
      ...layoutProblems(kata, REPO_ROOT),
      ...stubProblems(stubSuites).map((problem) => `stub: ${problem}`),
      ...answerProblems(answerSuites).map((problem) => `answer: ${problem}`),
    ];
    const { failed } = countTests(stubSuites);
    const { passed, failed: answerFailed } = countTests(answerSuites);
    const counts = colours.dim(
      `stub fails ${failed}/${failed + countTests(stubSuites).passed}, answer passes ${passed}/${passed + answerFailed}`,
    );
    if (problems.length === 0) {
      console.log(`${colours.green('ok')}   ${kata.id.padEnd(24)} ${counts}`);
      continue;
    }
    failures++;
    console.log(`${colours.red('FAIL')} ${kata.id.padEnd(24)} ${counts}`);
    for (const problem of problems.slice(0, 12)) console.log(`       ${problem}`);
    if (problems.length > 12) console.log(colours.dim(`       … and ${problems.length - 12} more`));
  }
  if (failures > 0) {
    throw new CliError(
      `${failures} of ${countOf(katas.length, 'kata')} failed the check. (A stub you have edited also fails it: this check is for untouched katas.)`,
    );
  }
  console.log(
    colours.green(
      `${katas.length === 1 ? katas[0].id : `All ${katas.length} katas`}: every stub fails every test with "not implemented yet", every answer passes.`,
    ),
  );
});
