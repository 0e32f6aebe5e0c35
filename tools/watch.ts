// `npm run watch`: one kata on screen at a time (the first unfinished one), with its failures and
// the progress board; a save re-runs it, and once it passes the next unfinished kata takes over.
// Keys (when stdin is a terminal): h hint, n/p next/previous kata, l list, q quit.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { toolProgram } from './cli/command';
import { coloursFor } from './cli/colour';
import { CliError, runMain } from './cli/errors';
import { hintsSeen, readProgress, revealNext, writeProgress } from './cli/hint-progress';
import { hintView } from './cli/hint-view';
import { jestBin, katasTestFileArgs } from './cli/jest-process';
import { listKatas, resolveKata } from './cli/kata-id';
import { loadKatasOrExit } from './cli/katas';
import { KATAS_DIR, PROGRESS_FILE, REPO_ROOT } from './cli/repo';
import { watchLoop } from './cli/watch-loop';
import {
  type RunOutcome,
  type RunRequest,
  type Step,
  type WatchState,
  filesSaved,
  pressKey,
  runFinished,
  startWatch,
} from './cli/watch-state';
import { kataListView, watchFooter, watchHeader } from './cli/watch-view';
import { textWidth } from './cli/wrap';

const REPORTER = path.join(REPO_ROOT, 'tools', 'jest', 'watch-reporter.js');

const katas = loadKatasOrExit();
const program = toolProgram('npm run watch --')
  .description(
    'Show the first unfinished kata and the progress board, and re-run that kata every time you save a file in katas/.\n' +
      'Keys: h next hint, n/p next/previous kata, l every kata, q quit (Ctrl-C also stops).',
  )
  .argument('[kata]', 'start on this kata instead (id, number or short name)')
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
  const colours = coloursFor(process.stdout);
  const keys = process.stdin.isTTY === true;
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'kata-watch-'));
  const stateFile = path.join(scratch, 'state.json');
  const progressFile = path.resolve(REPO_ROOT, PROGRESS_FILE);

  let state: WatchState;
  let pending: RunRequest | undefined; // the run a key or a finished run asked for
  const saved = new Set<string>(); // katas with files saved since the last run started
  let request: RunRequest | undefined; // the run in progress or last finished
  let child: ChildProcess | undefined;
  let runNumber = 0;
  let running = false;
  let output = ''; // the last run's output, drawn again after `l` or `h`
  let hint = '';

  const footer = () => watchFooter(keys, colours);
  const header = () => {
    const id = running ? (request?.show ?? state.shown) : state.shown;
    const kata = katas.find((candidate) => candidate.id === id);
    return watchHeader({ kata, running, note: state.note }, colours);
  };
  const draw = () => {
    console.clear();
    const body =
      state.view === 'list'
        ? kataListView(katas, state.status, state.shown, colours)
        : [output.trimEnd(), ...(state.view === 'hint' && hint ? ['', hint] : [])].join('\n');
    process.stdout.write(
      `${[header(), body.replace(/^\n+/, ''), footer()].filter(Boolean).join('\n\n')}\n`,
    );
  };

  const revealHint = (id: string) => {
    const kata = katas.find((candidate) => candidate.id === id);
    if (!kata) return;
    if (kata.hints.length === 0) {
      hint = `${kata.id} has no hints. Its lesson is ${kata.lesson}.`;
      return;
    }
    const progress = readProgress(progressFile);
    const updated = revealNext(progress, kata.id, kata.hints.length);
    writeProgress(progressFile, updated);
    hint = hintView(
      {
        id: kata.id,
        title: kata.title,
        lesson: kata.lesson,
        hints: kata.hints,
        seenBefore: hintsSeen(progress, kata.id, kata.hints.length),
        seenNow: hintsSeen(updated, kata.id, kata.hints.length),
        width: textWidth(process.stdout) || 80,
      },
      colours,
    );
  };

  const apply = (step: Step) => {
    state = step.state;
    const { effect } = step;
    if (effect.kind === 'run') {
      pending = effect.run;
      loop.runNow();
    } else if (effect.kind === 'draw') draw();
    else if (effect.kind === 'hint') {
      revealHint(effect.kata);
      draw();
    } else if (effect.kind === 'quit') quit(0);
  };

  /** The run to start now: one a key asked for, else the saves since the last run. */
  const takeRequest = (): RunRequest => {
    let next = pending;
    if (next === undefined) {
      const step = filesSaved(state, saved);
      state = step.state;
      next = step.effect.run;
    }
    pending = undefined;
    saved.clear();
    return next;
  };

  const startRun = (): ChildProcess => {
    const run = request as RunRequest;
    const number = ++runNumber;
    running = true;
    const chosen = run.katas === 'all' ? [] : katas.filter((kata) => run.katas.includes(kata.id));
    const args = ['--selectProjects', 'katas', '--reporters', REPORTER];
    if (chosen.length > 0) args.push(...katasTestFileArgs(chosen));
    const started = spawn(process.execPath, [jestBin(), ...args], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        KATA_WATCH_STATE: stateFile,
        KATA_WATCH_SHOW: run.show ?? '',
        KATA_WATCH_RUN: String(number),
        // jest writes to a pipe here: keep its colours when ours are on.
        FORCE_COLOR: colours.isColorSupported ? '1' : '0',
      },
    });
    let text = '';
    started.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
    started.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
    started.on('close', (_code, signal) => {
      if (number !== runNumber || signal !== null) return; // stopped for a newer run
      running = false;
      // jest's note on which project it runs says nothing to a learner here.
      output = text.replace(/^Running one project: .*\r?\n/m, '');
      const step = runFinished(state, run, readOutcome(stateFile, number));
      apply(step);
      if (step.effect.kind === 'none') draw();
    });
    child = started;
    return started;
  };

  const loop = watchLoop({
    banner: () => {
      request = takeRequest();
      running = true;
      console.clear();
      process.stdout.write(`${header()}\n\n${footer()}\n`);
    },
    start: startRun,
  });

  const quit = (code: number) => {
    if (keys) process.stdin.setRawMode(false);
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    fs.rmSync(scratch, { recursive: true, force: true });
    process.exit(code);
  };

  if (keys) {
    process.stdin.setRawMode(true);
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', (data: string) => {
      for (const key of data) apply(pressKey(state, key));
    });
  }
  process.on('SIGINT', () => quit(130));
  process.on('SIGTERM', () => quit(143));

  // Recursive fs.watch works on Linux from Node 20, and on macOS and Windows natively.
  fs.watch(path.join(REPO_ROOT, KATAS_DIR), { recursive: true }, (_event, file) => {
    if (!file || !/\.(ts|json)$/.test(file)) return;
    saved.add(file.split(/[\\/]/)[0]);
    loop.changed();
  });
  apply(
    startWatch(
      katas.map((kata) => kata.id),
      focus?.id,
    ),
  );
  return new Promise<void>(() => {}); // runs until q or Ctrl-C
});

/** What the reporter wrote after run `number`; undefined when that run did not get to the end. */
function readOutcome(file: string, number: number): RunOutcome | undefined {
  try {
    const written = JSON.parse(fs.readFileSync(file, 'utf8')) as {
      run?: string;
      shown?: string | null;
      status?: RunOutcome['status'];
    };
    if (written.run !== String(number) || written.status === undefined) return undefined;
    return { shown: written.shown ?? undefined, status: written.status };
  } catch {
    return undefined;
  }
}
