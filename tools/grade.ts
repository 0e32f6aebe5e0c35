// `npm run grade -- 03 --json`: scores one kata, several, or all of them for autograding.
import { Option } from 'commander';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Kata, kataFilePaths } from './catalogue';
import { toolProgram } from './cli/command';
import { coloursFor } from './cli/colour';
import { classroomPayload, githubOutputLine, testPlaces } from './cli/classroom-payload';
import { CliError, UsageError, runMain } from './cli/errors';
import { couldNotRun, type ExercismResults, exercismResults } from './cli/exercism-results';
import { gradeReport } from './cli/grade-report';
import { gradeTable } from './cli/grade-table';
import { runKatasForReport } from './cli/jest-katas-run';
import { listKatas, resolveKatas } from './cli/kata-id';
import { loadKatasOrExit } from './cli/katas';
import { REPO_ROOT } from './cli/repo';
import { OUTPUT_DIR_ENV, readTestOutputs } from './jest/test-output';

const katas = loadKatasOrExit();
const program = toolProgram('npm run grade --')
  .description(
    'Grade katas: a kata earns its points when all of its tests pass. Exit code 0 only if every chosen kata passes (with --classroom or --results-dir: whenever the tests ran).',
  )
  .argument('[katas...]', 'ids, numbers or short names (all katas when none is given)')
  .option(
    '--json',
    "print the report as JSON on stdout: per-test results in the style of Exercism's results.json (each kata's number as task_id), plus per-kata points; for Exercism itself use --results-dir",
  )
  .option('--out <file>', 'also write the JSON report to a file')
  .option(
    '--classroom',
    "GitHub Classroom: one kata's tests, each worth a share of its points, as the grading reporter's payload in $GITHUB_OUTPUT (stdout without it); exits 0 whenever the tests ran",
  )
  .addOption(
    new Option(
      '--results-dir <dir>',
      "Exercism's test runner: write one kata's results.json (test-runner interface version 3) into DIR; exits 0 whenever it was written, whatever the tests did",
    ).conflicts(['json', 'out', 'classroom']),
  )
  .option(
    '--seed <n>',
    'fast-check seed (the same as FC_SEED, which autograders strip from the environment)',
  )
  .option('--solutions', 'grade the reference answers instead of the katas/ files')
  .addHelpText(
    'after',
    `\nTip: npm prints a banner on stdout; use \`npm run --silent grade -- --json\` or --out for clean JSON.\n` +
      `Exercism: KATA_SOURCE=$PWD/submission npm run grade -- --results-dir DIR 03 judges submission/<kata id>/ (a folder directly inside this repository) and writes DIR/results.json; see docs/instructors.md.\n\n${listKatas(katas)}`,
  )
  .parse();

interface Options {
  classroom?: boolean;
  json?: boolean;
  out?: string;
  resultsDir?: string;
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
  const seedEnv: Record<string, string> = seed === undefined ? {} : { FC_SEED: String(seed) };
  // --solutions wins; otherwise KATA_SOURCE as the rest of the repository reads it.
  const source = options.solutions ? 'solutions' : process.env.KATA_SOURCE || 'katas';
  if (options.resultsDir !== undefined) {
    if (chosen.length !== 1)
      throw new UsageError(
        '--results-dir grades one kata: name it, e.g. npm run grade -- --results-dir out 03',
      );
    const file = path.join(existingDir(options.resultsDir, '--results-dir'), 'results.json');
    const results = await exercismRun(chosen[0], source, seedEnv);
    fs.writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
    // Exercism reads pass, fail and error from the file: the runner itself succeeded.
    return 0;
  }
  const outFile = options.out === undefined ? undefined : reportFile(options.out);

  const run = await runKatasForReport(
    chosen.map((kata) => kata.id),
    source,
    seedEnv,
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

/**
 * One kata's results for Exercism: a missing kata file stops before jest starts; otherwise the
 * tests run with each test's printed output recorded (tools/jest/capture-output.ts).
 */
async function exercismRun(
  kata: Kata,
  source: string,
  env: Record<string, string>,
): Promise<ExercismResults> {
  const missing = kataFilePaths(kata, source, REPO_ROOT).filter((file) => !fs.existsSync(file));
  if (missing.length > 0) {
    const names = missing.map((file) => path.relative(REPO_ROOT, file).split(path.sep).join('/'));
    return couldNotRun(
      `${names.join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing: the tests of ${kata.id} import ${missing.length === 1 ? 'it' : 'them'}.`,
    );
  }
  const outputDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kata-output-'));
  try {
    const run = await runKatasForReport(
      [kata.id],
      source,
      { ...env, [OUTPUT_DIR_ENV]: outputDir },
      'stderr',
    );
    return exercismResults({
      kata,
      report: run.report,
      jestOutput: run.output.slice(-4000),
      root: REPO_ROOT,
      readSource,
      outputs: readTestOutputs(outputDir),
    });
  } finally {
    fs.rmSync(outputDir, { recursive: true, force: true });
  }
}

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
  const file = fromTypedFolder(out);
  if (!fs.existsSync(path.dirname(file)))
    throw new UsageError(`--out ${out}: the folder ${path.dirname(file)} does not exist`);
  return file;
}

/** A folder that must already exist (taken from where the command was typed, like --out). */
function existingDir(dir: string, option: string): string {
  const folder = fromTypedFolder(dir);
  if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory())
    throw new UsageError(`${option} ${dir}: the folder ${folder} does not exist`);
  return folder;
}

function fromTypedFolder(relative: string): string {
  return path.resolve(process.env.INIT_CWD ?? process.cwd(), relative);
}
