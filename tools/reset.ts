// `npm run reset -- 03`: puts a kata's stub back, after saving the learner's file beside it as
// `<file>.bak-<time>`, so starting over never loses work.
import fs from 'node:fs';
import path from 'node:path';
import { toolProgram } from './cli/command';
import { coloursFor } from './cli/colour';
import { CliError, runMain } from './cli/errors';
import { listKatas, resolveKata } from './cli/kata-id';
import { loadKatasOrExit } from './cli/katas';
import { KATAS_DIR, REPO_ROOT } from './cli/repo';
import { inGitRepository, stubFromHistory } from './cli/stub-history';

const katas = loadKatasOrExit();
const program = toolProgram('npm run reset --')
  .description("Put a kata's stub back, saving your file first as <file>.bak-<time>.")
  .argument('<kata>', 'id, number or short name: 03-expand-as, 03, 3 or expand')
  .addHelpText('after', `\n${listKatas(katas)}`)
  .parse();

/** `2026-11-30T23-20-11`: sorts by time and is a valid file name everywhere. */
function timestamp(date = new Date()): string {
  return date.toISOString().slice(0, 19).replace(/:/g, '-');
}

runMain(() => {
  const kata = resolveKata(program.args[0], katas);
  const colours = coloursFor(process.stdout);
  if (!inGitRepository(REPO_ROOT))
    throw new CliError(
      'reset needs the git history the stubs come from: work in a git clone of the repository.',
    );
  for (const file of kata.files) {
    const relative = `${KATAS_DIR}/${kata.id}/${file}`;
    const target = path.join(REPO_ROOT, relative);
    const exports = kata.exports[file] ?? [];
    const stub = stubFromHistory(relative, exports, REPO_ROOT);
    if (stub === null)
      throw new CliError(`Cannot reset ${relative}: no version of it in git's history is a stub.`);
    const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : null;
    if (current !== null && current.trim() === stub.trim()) {
      console.log(`${relative} is already the stub: nothing to do.`);
      continue;
    }
    if (current !== null) {
      const backup = `${relative}.bak-${timestamp()}`;
      fs.writeFileSync(path.join(REPO_ROOT, backup), current);
      console.log(`Saved your ${relative} as ${colours.bold(backup)}.`);
    }
    fs.writeFileSync(target, stub);
    console.log(colours.green(`${relative} is the stub again.`));
  }
});
