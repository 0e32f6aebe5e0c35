// `npm run watch`: re-runs the katas on every save; the board shows the first unfinished kata.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import pc from 'picocolors';
import { CliError, runMain } from './cli/errors';
import { jestBin, kataTestPattern } from './cli/jest-process';
import { listKatas, resolveKata } from './cli/kata-id';
import { loadKatasOrExit } from './cli/katas';
import { KATAS_DIR, REPO_ROOT } from './cli/repo';
import { watchLoop } from './cli/watch-loop';

const katas = loadKatasOrExit();
const program = new Command('npm run watch --')
  .description('Re-run the katas every time you save a file in katas/ (Ctrl-C to stop).')
  .argument('[kata]', 'watch only this kata (id, number or short name)')
  .addHelpText('after', `\n${listKatas(katas)}`)
  .parse();

runMain(() => {
  const focus = program.args[0] === undefined ? undefined : resolveKata(program.args[0], katas);
  if (!process.stdout.isTTY || process.env.CI) {
    throw new CliError(
      'npm run watch needs an interactive terminal: it waits for you to save a file. In CI or a script use `npm test` or `npm run kata -- <id>`.',
    );
  }
  const jestArgs = [
    '--selectProjects',
    'katas',
    ...(focus ? ['--testPathPatterns', kataTestPattern(focus.id)] : []),
  ];

  const loop = watchLoop({
    banner: () => {
      console.clear();
      const what = focus ? focus.id : 'every kata';
      console.log(
        pc.dim(
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
