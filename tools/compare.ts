// `npm run compare -- 03`: a coloured diff of your kata file(s) against the reference answer.
import fs from 'node:fs';
import path from 'node:path';
import { toolProgram } from './cli/command';
import { coloursFor } from './cli/colour';
import { colourDiff, compareNote, unifiedDiff } from './cli/diff-view';
import { CliError, UsageError, runMain } from './cli/errors';
import { listKatas, resolveKata } from './cli/kata-id';
import { loadKatasOrExit } from './cli/katas';
import { KATAS_DIR, REPO_ROOT, SOLUTIONS_DIR } from './cli/repo';

const katas = loadKatasOrExit();
const program = toolProgram('npm run compare --')
  .description(
    'Show how your kata file differs from the reference answer (yours: -, reference: +).',
  )
  .argument('<kata>', 'id, number or short name: 03-expand-as, 03, 3 or expand')
  .option('-U, --context <lines>', 'lines of context around each change', '3')
  .addHelpText('after', `\n${listKatas(katas)}`)
  .parse();

runMain(() => {
  const kata = resolveKata(program.args[0], katas);
  const raw = program.opts<{ context: string }>().context;
  if (!/^\d+$/.test(raw))
    throw new UsageError(`--context must be a whole number of lines, got "${raw}"`);
  const context = Number(raw);
  const colours = coloursFor(process.stdout);
  for (const file of kata.files) {
    const yours = `${KATAS_DIR}/${kata.id}/${file}`;
    const reference = `${SOLUTIONS_DIR}/${kata.id}/${file}`;
    const yoursText = readOrExplain(yours, 'your kata file');
    const { started, note } = compareNote(yours, kata.exports[file] ?? [], yoursText, kata.number);
    if (note) console.log(started ? colours.yellow(note) : note);
    if (!started) continue;
    const pair = {
      oldName: yours,
      oldText: yoursText,
      newName: reference,
      newText: readOrExplain(reference, 'the reference answer'),
    };
    const patch = unifiedDiff(pair, context);
    if (patch === '') {
      console.log(colours.green(`${yours} is the same as ${reference}.`));
      continue;
    }
    // the direction of `git diff solutions -- katas/<id>`: from your file to the answer
    console.log(
      colours.dim(`From your file (-) to the reference answer (+), as git diff shows it:`),
    );
    console.log(colourDiff(patch, colours));
  }
});

function readOrExplain(relative: string, what: string): string {
  const file = path.join(REPO_ROOT, relative);
  if (!fs.existsSync(file))
    throw new CliError(`Cannot compare: ${what} ${relative} does not exist.`);
  return fs.readFileSync(file, 'utf8');
}
