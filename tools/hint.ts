// `npm run hint -- 03`: the next hint for a kata, one more each time; `--all` shows them all.
import path from 'node:path';
import { toolProgram } from './cli/command';
import { coloursFor } from './cli/colour';
import { UsageError, runMain } from './cli/errors';
import {
  hintsSeen,
  readProgress,
  resetHints,
  revealAll,
  revealNext,
  writeProgress,
} from './cli/hint-progress';
import { hintView } from './cli/hint-view';
import { listKatas, resolveKata } from './cli/kata-id';
import { loadKatasOrExit } from './cli/katas';
import { PROGRESS_FILE, REPO_ROOT } from './cli/repo';
import { textWidth } from './cli/wrap';

const katas = loadKatasOrExit();
const program = toolProgram('npm run hint --')
  .description('Show the next hint for a kata, one more each time you ask.')
  .argument('[kata]', 'id, number or short name: 03-expand-as, 03, 3 or expand')
  .option('--all', 'show every hint of the kata')
  .option('--reset', 'forget the hints seen (for one kata, or all katas when none is named)')
  .addHelpText('after', `\n${listKatas(katas)}`)
  .parse();

runMain(() => {
  const { all, reset } = program.opts<{ all?: boolean; reset?: boolean }>();
  const query = program.args[0] as string | undefined;
  const file = path.resolve(REPO_ROOT, PROGRESS_FILE);
  const progress = readProgress(file, (message) =>
    console.error(coloursFor(process.stderr).yellow(message)),
  );

  if (reset) {
    const kata = query === undefined ? undefined : resolveKata(query, katas);
    writeProgress(file, resetHints(progress, kata?.id));
    console.log(kata ? `Hints for ${kata.id} hidden again.` : 'Hints for every kata hidden again.');
    return;
  }
  if (query === undefined)
    throw new UsageError(`Which kata? For example: npm run hint -- 01\n${listKatas(katas)}`);

  const kata = resolveKata(query, katas);
  const total = kata.hints.length;
  if (total === 0) {
    console.log(`${kata.id} has no hints. Its lesson is ${kata.lesson}.`);
    return;
  }
  const updated = all ? revealAll(progress, kata.id, total) : revealNext(progress, kata.id, total);
  writeProgress(file, updated);
  const view = hintView(
    {
      id: kata.id,
      title: kata.title,
      lesson: kata.lesson,
      hints: kata.hints,
      seenBefore: hintsSeen(progress, kata.id, total),
      seenNow: hintsSeen(updated, kata.id, total),
      width: textWidth(process.stdout),
    },
    coloursFor(process.stdout),
  );
  console.log(view);
});
