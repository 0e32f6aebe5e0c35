// `npm run classroom`: writes .github/workflows/classroom.yml from the catalogue; `--check` for CI.
import fs from 'node:fs';
import path from 'node:path';
import { toolProgram } from './cli/command';
import {
  DEFAULT_CLASSROOM_SEED,
  DEFAULT_TIMEOUT_MINUTES,
  WORKFLOW_PATH,
  classroomWorkflow,
  graderInWorkflow,
  seedInWorkflow,
} from './cli/classroom-workflow';
import { readSubset, SUBSET_PATH, writeSubset } from './cli/classroom-subset';
import { CliError, UsageError, runMain } from './cli/errors';
import { resolveKatas } from './cli/kata-id';
import { loadKatas } from './cli/katas';
import { REPO_ROOT } from './cli/repo';

const program = toolProgram('npm run classroom --')
  .description(`Generate ${WORKFLOW_PATH} (GitHub Classroom autograding: one step per kata).`)
  .argument(
    '[katas...]',
    `only these katas: a workflow for a subset, recorded in ${SUBSET_PATH} so later runs keep it`,
  )
  .option('--all', `every kata again (removes ${SUBSET_PATH})`)
  .option('--check', 'fail if the committed workflow is not what the catalogue generates')
  .option(
    '--seed <n>',
    'fast-check seed the grader uses (default: the seed already in the file, else the repository default)',
  )
  .option('--timeout <minutes>', 'minutes each kata may run', String(DEFAULT_TIMEOUT_MINUTES))
  .option(
    '--command-grader',
    "all-or-nothing steps with Classroom's command grader, instead of a share of the points per test",
  )
  .option('--per-test', 'a share of the points per test (the default; undoes --command-grader)')
  .parse();

runMain(() => {
  const options = program.opts<{
    check?: boolean;
    seed?: string;
    timeout: string;
    commandGrader?: boolean;
    perTest?: boolean;
    all?: boolean;
  }>();
  const file = path.join(REPO_ROOT, WORKFLOW_PATH);
  const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null;
  const seed =
    options.seed !== undefined
      ? integer(options.seed, '--seed')
      : ((current === null ? undefined : seedInWorkflow(current)) ?? DEFAULT_CLASSROOM_SEED);
  if (options.all && program.args.length > 0)
    throw new UsageError('--all grades every kata: name no katas with it.');
  if (options.check && (options.all || program.args.length > 0))
    throw new UsageError(`--check reads the katas from ${SUBSET_PATH} (or takes all): name none.`);
  // Named katas choose a subset; --all drops it; otherwise the recorded subset, or every kata.
  const subset = options.all
    ? undefined
    : program.args.length > 0
      ? resolveKatas(program.args, loadKatas()).map((kata) => kata.id)
      : readSubset(REPO_ROOT);
  const katas = resolveKatas(subset ?? [], loadKatas());
  const grader = options.commandGrader
    ? 'command'
    : options.perTest
      ? 'per-test'
      : ((current === null ? undefined : graderInWorkflow(current)) ?? 'per-test');
  const wanted = classroomWorkflow(katas, {
    seed,
    grader,
    timeoutMinutes: integer(options.timeout, '--timeout'),
  });

  if (options.check) {
    if (current === wanted) return console.log(`${WORKFLOW_PATH} is up to date.`);
    throw new CliError(
      `${WORKFLOW_PATH} is ${current === null ? 'missing' : 'out of date with katas/*/kata.json'}: run \`npm run classroom\` and commit it.`,
    );
  }
  if (options.all || program.args.length > 0) writeSubset(REPO_ROOT, subset);
  if (current === wanted) return console.log(`${WORKFLOW_PATH} is already up to date.`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, wanted);
  console.log(`Wrote ${WORKFLOW_PATH} (seed ${seed}).`);
});

function integer(raw: string, flag: string): number {
  if (!/^-?\d+$/.test(raw.trim())) throw new UsageError(`${flag} must be an integer, got "${raw}"`);
  return Number(raw);
}
