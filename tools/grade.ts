// `npm run grade -- 03 --json`: scores one kata, several, or all of them for autograding.
import fs from 'node:fs';
import path from 'node:path';
import { toolProgram } from './cli/command';
import { coloursFor } from './cli/colour';
import { classroomPayload, githubOutputLine, testPlaces } from './cli/classroom-payload';
import { CliError, UsageError, runMain } from './cli/errors';
import { gradeReport } from './cli/grade-report';
import { gradeTable } from './cli/grade-table';
import { runKatasForReport } from './cli/jest-katas-run';
import { listKatas, resolveKatas } from './cli/kata-id';
import { loadKatasOrExit } from './cli/katas';
import { REPO_ROOT } from './cli/repo';

const katas = loadKatasOrExit();
const program = toolProgram('npm run grade --')
  .description(
    'Grade katas: a kata earns its points when all of its tests pass. Exit code 0 only if every chosen kata passes.',
  )
  .argument('[katas...]', 'ids, numbers or short names (all katas when none is given)')
  .option(
    '--json',
    'print the report as JSON (Exercism results.json shape with per-kata points) on stdout',
  )
  .option('--out <file>', 'also write the JSON report to a file')
  .option(
    '--classroom',
    "GitHub Classroom: one kata's tests, each worth a share of its points, as the grading reporter's payload in $GITHUB_OUTPUT (stdout without it); exits 0 whenever the tests ran",
  )
  .option(
    '--seed <n>',
    'fast-check seed (the same as FC_SEED, which autograders strip from the environment)',
  )
  .option('--solutions', 'grade the reference answers instead of the katas/ files')
  .addHelpText(
    'after',
    `\nTip: npm prints a banner on stdout; use \`npm run --silent grade -- --json\` or --out for clean JSON.\n\n${listKatas(katas)}`,
  )
  .parse();

interface Options {
  classroom?: boolean;
  json?: boolean;
  out?: string;
  seed?: string;
  solutions?: boolean;
}

runMain(async () => {
  const options = program.opts<Options>();
  const chosen = resolveKatas(program.args, katas);
  if (chosen.length === 0) throw new UsageError(listKatas(katas));
  if (options.classroom && chosen.length !== 1)
    throw new UsageError(
      '--classroom grades one kata: name it, e.g. npm run grade -- --classroom 03',
    );
  const seed = parseSeed(options.seed);
  const outFile = options.out === undefined ? undefined : reportFile(options.out);

  const run = await runKatasForReport(
    chosen.map((kata) => kata.id),
    // --solutions wins; otherwise KATA_SOURCE as the rest of the repository reads it.
    options.solutions ? 'solutions' : process.env.KATA_SOURCE || 'katas',
    seed === undefined ? {} : { FC_SEED: String(seed) },
    'stderr',
  );
  const report = gradeReport({
    katas: chosen,
    report: run.report,
    jestOutput: run.output.slice(-4000),
    root: REPO_ROOT,
    readSource,
    seed,
  });
  if (options.classroom) {
    if (run.report === null) throw new CliError(`jest did not run:\n${run.output.slice(-3000)}`);
    const places = testPlaces(run.report, chosen[0].id, REPO_ROOT, readSource);
    const payload = classroomPayload(report, places);
    if (process.env.GITHUB_OUTPUT)
      fs.appendFileSync(process.env.GITHUB_OUTPUT, githubOutputLine(payload));
    else process.stdout.write(`${JSON.stringify(payload, null, 2)}\n`);
    // The reporter reads pass and fail from the payload: the step itself succeeds once tests ran.
    return 0;
  }
  const json = `${JSON.stringify(report, null, 2)}\n`;
  if (outFile) fs.writeFileSync(outFile, json);
  if (options.json) process.stdout.write(json);
  else console.log(`\n${gradeTable(report, coloursFor(process.stdout))}`);
  return report.katas.every((kata) => kata.status === 'pass') ? 0 : 1;
});

function readSource(file: string): string | null {
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null;
}

function parseSeed(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^-?\d+$/.test(raw.trim())) throw new UsageError(`--seed must be an integer, got "${raw}"`);
  return Number(raw);
}

/**
 * Where to write the JSON. npm runs scripts from the repository root, so a relative path is taken
 * from the folder the command was typed in (npm's INIT_CWD). Checked before the tests run, so a
 * typo in the folder does not cost a whole grading run.
 */
function reportFile(out: string): string {
  const file = path.resolve(process.env.INIT_CWD ?? process.cwd(), out);
  if (!fs.existsSync(path.dirname(file)))
    throw new UsageError(`--out ${out}: the folder ${path.dirname(file)} does not exist`);
  return file;
}
