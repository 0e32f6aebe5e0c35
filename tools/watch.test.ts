/**
 * `npm run watch` end to end: the real tool in a pseudo-terminal (util-linux `script`), driven by
 * keys the way a learner drives it, checked by what reaches the screen. It judges katas/ as it
 * is (untouched stubs in CI), so it reads which kata is on screen rather than assuming one.
 */
import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stripAnsi } from './cli/jest-json';
import { loadKatas } from './cli/katas';
import { REPO_ROOT } from './cli/repo';

const TSX = require.resolve('tsx/cli', { paths: [REPO_ROOT] });
const WATCH = [process.execPath, TSX, 'tools/watch.ts'];
const katas = loadKatas();
const ids = katas.map((kata) => kata.id);
const hasScript = process.platform === 'linux' && spawnSync('script', ['--version']).status === 0;

/** The environment of a learner's terminal: not CI (watch refuses to run there). */
function learnerEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  delete env.CI;
  delete env.FORCE_COLOR; // jest's workers may set it; a terminal decides colour itself
  return env;
}

/** A running watch: everything it printed (ANSI stripped), and a way to wait for text. */
class Screen {
  text = '';
  exit: Promise<number | null>;
  constructor(readonly child: ChildProcessWithoutNullStreams) {
    const add = (chunk: Buffer) => (this.text += stripAnsi(chunk.toString()).replace(/\r/g, ''));
    child.stdout.on('data', add);
    child.stderr.on('data', add);
    this.exit = new Promise((resolve) => child.on('close', (code) => resolve(code)));
  }

  /** Waits until the text printed after `from` matches `pattern`; returns the match. */
  async waitFor(pattern: RegExp, from = 0, timeoutMs = 90_000): Promise<RegExpMatchArray> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const match = this.text.slice(from).match(pattern);
      if (match) return match;
      if (Date.now() > deadline)
        throw new Error(`waited ${timeoutMs} ms for ${pattern}; the screen showed:\n${this.text}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Sends a key; returns where the screen was, to wait for what comes after it. */
  press(key: string): number {
    const mark = this.text.length;
    this.child.stdin.write(key);
    return mark;
  }
}

/** A finished kata screen: the header naming the kata, jest's output, the board, the footer. */
const KATA_SCREEN =
  /Watching katas\/: (?:kata (\S+) {2}.*|every kata)\n([\s\S]*?Kata progress[\s\S]*?q quit)/;

/** The kata ids whose test files jest reported (`FAIL  katas  katas/02-…/matmul.test.ts`). */
function reportedKatas(screen: string): string[] {
  const found = [...screen.matchAll(/(?:FAIL|PASS)\s+katas\s+katas\/([^/\s]+)\//g)];
  return [...new Set(found.map((match) => match[1]))];
}

let scratch: string;
beforeAll(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'watch-test-'));
});
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

(hasScript ? test : test.skip)(
  'in a terminal: the first unfinished kata and the board; l lists, n moves on, h hints, a save re-runs, q quits',
  async () => {
    const progressFile = path.join(scratch, 'progress.json');
    const command = WATCH.map((word) => `'${word}'`).join(' ');
    const screen = new Screen(
      spawn('script', ['-qfec', command, '/dev/null'], {
        cwd: REPO_ROOT,
        env: learnerEnv({ KATA_PROGRESS_FILE: progressFile }),
      }),
    );

    // The first screen: one kata's jest output (or none when every kata passes), then the board.
    const first = await screen.waitFor(KATA_SCREEN);
    const shown = first[1];
    expect(first[2]).toMatch(/h hint · n next kata · p previous · l list · q quit/);
    expect(reportedKatas(first[2])).toEqual(shown === undefined ? [] : [shown]);
    for (const id of ids) expect(first[2]).toContain(id); // every kata on the board

    // l: every kata with its state, the one on screen marked.
    let mark = screen.press('l');
    const list = await screen.waitFor(/Every kata\n([\s\S]*?)q quit/, mark);
    for (const id of ids) expect(list[1]).toMatch(new RegExp(`[✓✗!·] ${id}`));
    if (shown !== undefined) expect(list[1]).toMatch(new RegExp(`▸ . ${shown}`));

    // n: the next kata in course order runs and shows.
    const next =
      shown === undefined ? ids[0] : ids[Math.min(ids.indexOf(shown) + 1, ids.length - 1)];
    mark = screen.press('n');
    const moved = await screen.waitFor(KATA_SCREEN, mark);
    expect(moved[1]).toBe(next);
    expect(reportedKatas(moved[2])).toEqual([next]);

    // h: the next hint of the kata on screen, remembered in the progress file.
    mark = screen.press('h');
    await screen.waitFor(/Hint 1 of \d+[\s\S]*q quit/, mark);
    expect(JSON.parse(fs.readFileSync(progressFile, 'utf8')).hintsSeen).toEqual({ [next]: 1 });

    // A save (the same text written again) re-runs the kata on screen.
    const kata = katas.find((candidate) => candidate.id === next)!;
    const file = path.join(REPO_ROOT, 'katas', next, kata.files[0]);
    mark = screen.text.length;
    fs.writeFileSync(file, fs.readFileSync(file));
    await screen.waitFor(new RegExp(`running kata ${next}…`), mark);
    await screen.waitFor(KATA_SCREEN, mark);

    screen.press('q');
    expect(await screen.exit).toBe(0);
  },
  240_000,
);

test('without a terminal there are no keys: the footer says how to stop, and Ctrl-C stops it', async () => {
  const screen = new Screen(
    spawn(WATCH[0], WATCH.slice(1), { cwd: REPO_ROOT, env: learnerEnv({ NO_COLOR: '1' }) }),
  );
  await screen.waitFor(
    /Watching katas\/: running every kata…\n\nSave a file in katas\/ to re-run\. Ctrl-C to stop\./,
  );
  screen.child.kill('SIGINT');
  expect(await screen.exit).toBe(130);
}, 60_000);

test('in CI it refuses to start, since it would never finish', () => {
  const result = spawnSync(WATCH[0], WATCH.slice(1), {
    cwd: REPO_ROOT,
    env: { ...learnerEnv(), CI: 'true' },
    encoding: 'utf8',
  });
  expect(result.status).toBe(1);
  expect(result.stderr).toContain('never finishes on its own');
}, 60_000);
