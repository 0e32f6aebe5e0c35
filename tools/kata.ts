// `npm run kata -- 03`: runs one kata's tests, so the board shows that kata alone.
import { toolProgram } from './cli/command';
import { runMain } from './cli/errors';
import { kataTestFileArgs, runJest } from './cli/jest-process';
import { listKatas, resolveKata } from './cli/kata-id';
import { kataSourceEnv } from './cli/kata-source';
import { loadKatasOrExit } from './cli/katas';

const katas = loadKatasOrExit();
const program = toolProgram('npm run kata --')
  .description('Run the tests of one kata.')
  .argument('<kata>', 'id, number or short name: 03-expand-as, 03, 3 or expand')
  .option('--solutions', 'run the tests against the reference answer instead of your file')
  .addHelpText('after', `\n${listKatas(katas)}`)
  .parse();

runMain(async () => {
  const kata = resolveKata(program.args[0], katas);
  const { solutions } = program.opts<{ solutions?: boolean }>();
  const { exitCode } = await runJest({
    args: ['--selectProjects', 'katas', ...kataTestFileArgs(kata)],
    env: kataSourceEnv(solutions === true),
  });
  return exitCode;
});
