// `npm run docs:sync`: writes the README's kata map and each lesson's hints from the catalogue.
// `--check` (for verify) changes nothing and fails when a generated section is stale.
import fs from 'node:fs';
import path from 'node:path';
import { toolProgram } from './cli/command';
import { CliError, runMain } from './cli/errors';
import { hintsSection, kataMap, newHintsBlock } from './cli/kata-docs';
import { loadKatas } from './cli/katas';
import { markers, replaceBetween } from './cli/markers';
import { REPO_ROOT } from './cli/repo';

const program = toolProgram('npm run docs:sync --')
  .description("Write the README kata map and the lessons' hint sections from katas/*/kata.json.")
  .option('--check', 'change nothing; fail if a generated section is out of date')
  .parse();

/** One generated section: the file it lives in and the text the file should have. */
interface Update {
  file: string;
  wanted: string | null;
  problem?: string;
}

runMain(() => {
  const check = program.opts<{ check?: boolean }>().check === true;
  const katas = loadKatas();
  const updates: Update[] = [
    planUpdate(
      'README.md',
      (text) => replaceBetween(text, markers('katas'), kataMap(katas)),
      'has no <!-- katas:start --> / <!-- katas:end --> markers',
    ),
    ...katas.map((kata) =>
      planUpdate(
        kata.lesson,
        (text) =>
          replaceBetween(text, markers('hints'), hintsSection(kata)) ??
          (check ? null : text.trimEnd() + '\n' + newHintsBlock(kata)),
        'has no <!-- hints:start --> / <!-- hints:end --> markers',
      ),
    ),
  ];

  const stale: string[] = [];
  for (const update of updates) {
    if (update.problem) {
      stale.push(`${update.file} ${update.problem}`);
      continue;
    }
    const current = fs.readFileSync(path.join(REPO_ROOT, update.file), 'utf8');
    if (update.wanted === current) continue;
    if (check) stale.push(`${update.file} is out of date`);
    else {
      fs.writeFileSync(path.join(REPO_ROOT, update.file), update.wanted!);
      console.log(`updated ${update.file}`);
    }
  }
  if (stale.length > 0) {
    throw new CliError(
      `Generated docs need attention:\n  ${stale.join('\n  ')}\nRun \`npm run docs:sync\` and commit the result.`,
    );
  }
  console.log(check ? 'Generated docs are up to date.' : 'Docs in sync with the catalogue.');
});

function planUpdate(
  file: string,
  rewrite: (text: string) => string | null,
  missingMarkers: string,
): Update {
  const absolute = path.join(REPO_ROOT, file);
  if (!fs.existsSync(absolute)) return { file, wanted: null, problem: 'does not exist' };
  try {
    const wanted = rewrite(fs.readFileSync(absolute, 'utf8'));
    return wanted === null ? { file, wanted, problem: missingMarkers } : { file, wanted };
  } catch (error) {
    return { file, wanted: null, problem: `has broken markers: ${(error as Error).message}` };
  }
}
