// `npm run new-kata -- 08-softmax`: scaffolds a kata (stub, test, kata.json, answer, mutants, lesson).
import fs from 'node:fs';
import path from 'node:path';
import { toolProgram } from './cli/command';
import { ID_PATTERN } from './jest/catalogue-core';
import { CliError, UsageError, runMain } from './cli/errors';
import { formatLikeRepo } from './cli/format';
import { loadKatas } from './cli/katas';
import { REPO_ROOT } from './cli/repo';
import { defaultExportName, defaultTitle, scaffoldKata } from './cli/scaffold';

const program = toolProgram('npm run new-kata --')
  .description('Create a new kata from a template. Refuses to overwrite anything that exists.')
  .argument('<id>', 'two-digit number and a lowercase name, e.g. 08-softmax')
  .option('--title <title>', 'one-line title (default: from the id)')
  .option('--file <name>', 'the file the learner edits (default: <name>.ts)')
  .option('--export <name>', 'the function it exports (default: the name in camelCase)')
  .option('--points <n>', 'points the kata is worth when graded', '10')
  .parse();

interface Options {
  title?: string;
  file?: string;
  export?: string;
  points: string;
}

runMain(async () => {
  const id = program.args[0].trim();
  const options = program.opts<Options>();
  if (!ID_PATTERN.test(id)) {
    throw new UsageError(
      `"${id}" is not a kata id: use two digits, a dash and lowercase words joined by dashes, e.g. 08-softmax.`,
    );
  }
  const clash = loadKatas().find((kata) => kata.id.slice(0, 2) === id.slice(0, 2));
  if (clash)
    throw new UsageError(
      clash.id === id
        ? `${id} already exists (katas/${id}/kata.json): nothing was written.`
        : `Number ${id.slice(0, 2)} is taken by ${clash.id}: pick the next free number.`,
    );

  const file = options.file ?? `${id.slice(3)}.ts`;
  const exportName = options.export ?? defaultExportName(id);
  if (!/^[a-z0-9][a-z0-9-]*\.ts$/.test(file))
    throw new UsageError(`--file must be a lowercase .ts file name, got "${file}"`);
  if (!/^[A-Za-z_$][\w$]*$/.test(exportName))
    throw new UsageError(`--export must be a JavaScript identifier, got "${exportName}"`);
  if (!/^\d+$/.test(options.points))
    throw new UsageError(`--points must be a whole number, got "${options.points}"`);

  const files = scaffoldKata({
    id,
    title: options.title ?? defaultTitle(id),
    file,
    exportName,
    points: Number(options.points),
  });
  const existing = files.filter((entry) => fs.existsSync(path.join(REPO_ROOT, entry.path)));
  if (existing.length > 0) {
    throw new CliError(
      `Not creating ${id}: these already exist and would be overwritten:\n  ${existing.map((entry) => entry.path).join('\n  ')}`,
    );
  }
  // Format everything first, so a formatter error cannot leave half a kata behind.
  const texts = await Promise.all(
    files.map((entry) => formatLikeRepo(entry.text, entry.path, REPO_ROOT)),
  );
  files.forEach((entry, index) => {
    const target = path.join(REPO_ROOT, entry.path);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, texts[index], { flag: 'wx' }); // wx: fail rather than overwrite
    console.log(`created ${entry.path}`);
  });
  console.log(`
Next:
  1. Write the lesson, the tests, the stub's doc comment and the answer (the placeholders pass).
  2. npm run check-katas -- ${id.slice(0, 2)}   every stub test fails, the answer passes
  3. npm run mutants -- ${id.slice(0, 2)}       the curated wrong answers are caught
  4. npm run docs:sync && npm run classroom     README map, lesson hints, Classroom workflow`);
});
