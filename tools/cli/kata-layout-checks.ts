import fs from 'node:fs';
import path from 'node:path';
import type { Kata } from './katas';
import { KATAS_DIR, SOLUTIONS_DIR } from './repo';
import { exportedNames } from './ts-exports';

/**
 * What can be checked about a kata without running it: the files kata.json names exist, the
 * stub and the answer both export every listed name and nothing else (so copying an answer over
 * a stub is all it takes), and the lesson exists. Returns one problem per line; none means fine.
 */
export function layoutProblems(kata: Kata, root: string): string[] {
  const problems: string[] = [];
  const exists = (relative: string) => fs.existsSync(path.join(root, relative));
  const read = (relative: string) => fs.readFileSync(path.join(root, relative), 'utf8');

  for (const test of kata.tests) {
    if (!exists(`${KATAS_DIR}/${kata.id}/${test}`))
      problems.push(`test file ${KATAS_DIR}/${kata.id}/${test} is missing`);
  }
  // `npm run kata` runs exactly the listed test files, so an unlisted one would never run there.
  const folder = path.join(root, KATAS_DIR, kata.id);
  const onDisk = fs.existsSync(folder) ? fs.readdirSync(folder) : [];
  for (const file of onDisk.filter((name) => name.endsWith('.test.ts'))) {
    if (!kata.tests.includes(file))
      problems.push(`${KATAS_DIR}/${kata.id}/${file} is not listed in kata.json "tests"`);
  }
  if (!exists(kata.lesson)) problems.push(`lesson ${kata.lesson} is missing`);

  for (const file of kata.files) {
    const stub = `${KATAS_DIR}/${kata.id}/${file}`;
    const answer = `${SOLUTIONS_DIR}/${kata.id}/${file}`;
    const missing = [stub, answer].filter((relative) => !exists(relative));
    for (const relative of missing) problems.push(`${relative} is missing`);
    if (missing.length > 0) continue;

    const listed = kata.exports[file] ?? [];
    const stubNames = exportedNames(read(stub), stub);
    const answerNames = exportedNames(read(answer), answer);
    for (const name of listed) {
      if (!stubNames.has(name))
        problems.push(`${stub} does not export ${name} (listed in kata.json)`);
      if (!answerNames.has(name))
        problems.push(`${answer} does not export ${name} (listed in kata.json)`);
    }
    for (const name of answerNames) {
      if (!stubNames.has(name)) problems.push(`${answer} exports ${name} but the stub does not`);
    }
    for (const name of stubNames) {
      if (!answerNames.has(name)) problems.push(`${stub} exports ${name} but the answer does not`);
    }
  }
  for (const file of Object.keys(kata.exports)) {
    if (!kata.files.includes(file))
      problems.push(`kata.json lists exports for ${file}, which is not in "files"`);
  }
  return problems;
}
