// `npm run solutions-branch`: builds a local `solutions` branch whose katas/ hold the answers, so
// `git diff solutions -- katas/03-expand-as` shows what is left. Never touches your files.
import { toolProgram } from './cli/command';
import { coloursFor } from './cli/colour';
import { CliError, runMain } from './cli/errors';
import { REPO_ROOT } from './cli/repo';
import {
  SOLUTIONS_BRANCH,
  buildSolutionsBranch,
  requireRepository,
} from './cli/solutions-branch-build';
import { testBranchInWorktree } from './cli/solutions-branch-check';

const colours = coloursFor(process.stdout);

const program = toolProgram('npm run solutions-branch --')
  .description(
    `Create or update the local branch "${SOLUTIONS_BRANCH}": your last commit with katas/ filled in from solutions/.`,
  )
  .option(
    '--check',
    'then run every kata against the branch (in a temporary worktree) and fail if any test fails',
  )
  .parse();

runMain(async () => {
  const { check } = program.opts<{ check?: boolean }>();
  const outcome = buildSolutionsBranch(REPO_ROOT);
  const short = (sha: string) => sha.slice(0, 7);
  if (outcome.dirty) {
    console.log(
      colours.yellow(
        `You have uncommitted changes. They were left alone: the branch is built from your last commit (${short(outcome.head)}).`,
      ),
    );
  }
  console.log(
    outcome.changed
      ? `${outcome.previous ? 'Updated' : 'Created'} branch ${outcome.branch} at ${short(outcome.commit)} (${outcome.replaced.length} answer files from ${short(outcome.head)}).`
      : `Branch ${outcome.branch} is already up to date (${short(outcome.commit)}).`,
  );
  console.log(
    colours.dim(
      `Compare with it: git diff ${outcome.branch} -- katas/<id>   (e.g. git diff ${outcome.branch} -- katas/01-loop-matmul)`,
    ),
  );
  if (!check) return 0;

  console.log(`\nRunning every kata against ${outcome.branch} in a temporary worktree…`);
  const exitCode = await testBranchInWorktree(
    REPO_ROOT,
    requireRepository(REPO_ROOT),
    outcome.branch,
  );
  if (exitCode !== 0)
    throw new CliError(
      `The ${outcome.branch} branch does not pass every kata (jest exit code ${exitCode}).`,
    );
  console.log(colours.green(`Every kata passes on ${outcome.branch}.`));
  return 0;
});
