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
import { CliError, UsageError, runMain } from './cli/errors';
import { resolveKatas } from './cli/kata-id';
import { loadKatas } from './cli/katas';
import { REPO_ROOT } from './cli/repo';

const program = toolProgram('npm run classroom --')
  .description(`Generate ${WORKFLOW_PATH} (GitHub Classroom autograding: one step per kata).`)
  .argument('[katas...]', 'only these katas (all when none is given): a workflow for a subset')
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
  }>();
  const file = path.join(REPO_ROOT, WORKFLOW_PATH);
  const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null;
  const seed =
    options.seed !== undefined
      ? integer(options.seed, '--seed')
      : ((current === null ? undefined : seedInWorkflow(current)) ?? DEFAULT_CLASSROOM_SEED);
  const katas = resolveKatas(program.args, loadKatas());
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
  if (current === wanted) return console.log(`${WORKFLOW_PATH} is already up to date.`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, wanted);
  console.log(`Wrote ${WORKFLOW_PATH} (seed ${seed}).`);
});

function integer(raw: string, flag: string): number {
  if (!/^-?\d+$/.test(raw.trim())) throw new UsageError(`${flag} must be an integer, got "${raw}"`);
  return Number(raw);
}
