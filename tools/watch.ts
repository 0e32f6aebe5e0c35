// `npm run watch`: re-runs the katas on every save; the board shows the first unfinished kata.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { toolProgram } from './cli/command';
import { coloursFor } from './cli/colour';
import { CliError, runMain } from './cli/errors';
import { jestBin, kataTestFileArgs } from './cli/jest-process';
import { listKatas, resolveKata } from './cli/kata-id';
import { loadKatasOrExit } from './cli/katas';
import { KATAS_DIR, REPO_ROOT } from './cli/repo';
import { watchLoop } from './cli/watch-loop';

const colours = coloursFor(process.stdout);

const katas = loadKatasOrExit();
const program = toolProgram('npm run watch --')
  .description('Re-run the katas every time you save a file in katas/ (Ctrl-C to stop).')
  .argument('[kata]', 'watch only this kata (id, number or short name)')
  .addHelpText('after', `\n${listKatas(katas)}`)
  .parse();

runMain(() => {
  const focus = program.args[0] === undefined ? undefined : resolveKata(program.args[0], katas);
  // A watcher never ends on its own: in a CI job it would hang until the job's time limit.
  if (process.env.CI) {
    throw new CliError(
      'npm run watch waits for you to save a file, so it never finishes on its own: in CI or a script use `npm test` or `npm run kata -- <id>`.',
    );
  }
  const jestArgs = ['--selectProjects', 'katas', ...(focus ? kataTestFileArgs(focus) : [])];

  const loop = watchLoop({
    banner: () => {
      console.clear();
      const what = focus ? focus.id : 'every kata';
      console.log(
        colours.dim(
          `Watching ${KATAS_DIR}/ and running ${what}. Save a file to re-run; Ctrl-C to stop.\n`,
        ),
      );
    },
    start: () =>
      spawn(process.execPath, [jestBin(), ...jestArgs], { cwd: REPO_ROOT, stdio: 'inherit' }),
  });
  // Recursive fs.watch works on Linux from Node 20, and on macOS and Windows natively.
  fs.watch(path.join(REPO_ROOT, KATAS_DIR), { recursive: true }, (_event, file) => {
    if (file && /\.(ts|json)$/.test(file)) loop.changed();
  });
  loop.runNow();
  return new Promise<void>(() => {}); // runs until Ctrl-C
});
