// `npm run hint -- 03`: the next hint for a kata, one more each time; `--all` shows them all.
import path from 'node:path';
import { Command } from 'commander';
import pc from 'picocolors';
import { UsageError, runMain } from './cli/errors';
import {
  hintsSeen,
  readProgress,
  resetHints,
  revealAll,
  revealNext,
  writeProgress,
} from './cli/hint-progress';
import { listKatas, resolveKata } from './cli/kata-id';
import { loadKatasOrExit } from './cli/katas';
import { PROGRESS_FILE, REPO_ROOT } from './cli/repo';

const katas = loadKatasOrExit();
const program = new Command('npm run hint --')
  .description('Show the next hint for a kata, one more each time you ask.')
  .argument('[kata]', 'id, number or short name: 03-expand-as, 03, 3 or expand')
  .option('--all', 'show every hint of the kata')
  .option('--reset', 'forget the hints seen (for one kata, or all katas when none is named)')
  .addHelpText('after', `\n${listKatas(katas)}`)
  .parse();

runMain(() => {
  const { all, reset } = program.opts<{ all?: boolean; reset?: boolean }>();
  const query = program.args[0] as string | undefined;
  const file = path.join(REPO_ROOT, PROGRESS_FILE);
  const progress = readProgress(file, (message) => console.error(pc.yellow(message)));

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
  const seen = hintsSeen(updated, kata.id, total);
  const alreadySeen = hintsSeen(progress, kata.id, total);
  writeProgress(file, updated);

  console.log(pc.bold(`${kata.id}: ${kata.title}`));
  kata.hints.slice(0, seen).forEach((hint, index) => {
    const label = `Hint ${index + 1} of ${total}`;
    const isNew = index >= alreadySeen || (index === seen - 1 && !all);
    console.log(
      `\n${isNew ? pc.bold(pc.cyan(label)) : pc.dim(label)}\n${isNew ? hint : pc.dim(hint)}`,
    );
  });
  const number = kata.id.slice(0, 2);
  console.log(
    seen < total
      ? pc.dim(
          `\nAsk again for hint ${seen + 1}: npm run hint -- ${number}   Lesson: ${kata.lesson}`,
        )
      : pc.dim(
          `\nThat was the last hint. Lesson: ${kata.lesson}. The answer: npm run compare -- ${number}`,
        ),
  );
});
