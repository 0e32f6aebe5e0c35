import type pc from 'picocolors';
import { KEYS, type KataStatus } from './watch-state';

type Colours = ReturnType<typeof pc.createColors>;

/** The line above a run's output: which kata is on screen and what is happening. */
export function watchHeader(
  input: {
    kata: { id: string; title: string } | undefined;
    running: boolean;
    note: string | undefined;
  },
  colours: Colours,
): string {
  const { kata, running, note } = input;
  const what = kata === undefined ? 'every kata' : `kata ${kata.id}`;
  let line = colours.dim(
    running ? `Watching katas/: running ${what}…` : `Watching katas/: ${what}`,
  );
  if (kata !== undefined && !running) line += `  ${colours.bold(kata.title)}`;
  return note === undefined ? line : `${colours.green(note)}\n${line}`;
}

/**
 * The one-line footer under the board: the keys, or, when stdin is not a terminal (no keys to
 * read), how to stop.
 */
export function watchFooter(keys: boolean, colours: Colours): string {
  if (!keys) return colours.dim('Save a file in katas/ to re-run. Ctrl-C to stop.');
  const key = (letter: string, what: string) => `${colours.bold(letter)} ${what}`;
  return colours.dim(
    [
      key(KEYS.hint, 'hint'),
      key(KEYS.next, 'next kata'),
      key(KEYS.previous, 'previous'),
      key(KEYS.list, 'list'),
      key(KEYS.quit, 'quit'),
    ].join(' · ') + ' · save to re-run',
  );
}

const MARKS: Record<KataStatus, string> = {
  done: '✓',
  failing: '✗',
  broken: '!',
  'not-run': '·',
};

const WORDS: Record<KataStatus, string> = {
  done: 'done',
  failing: 'failing',
  broken: 'could not run',
  'not-run': 'not run yet',
};

/** `l`: every kata with its state, the one on screen marked. */
export function kataListView(
  katas: readonly { id: string; title: string }[],
  status: Readonly<Record<string, KataStatus>>,
  shown: string | undefined,
  colours: Colours,
): string {
  const idWidth = Math.max(0, ...katas.map((kata) => kata.id.length));
  const paint = (state: KataStatus) =>
    state === 'done' ? colours.green : state === 'not-run' ? colours.dim : colours.red;
  const lines = katas.map((kata) => {
    const state = status[kata.id] ?? 'not-run';
    const pointer = kata.id === shown ? colours.bold('▸') : ' ';
    const row = `${pointer} ${paint(state)(MARKS[state])} ${kata.id.padEnd(idWidth)}  ${paint(state)(WORDS[state].padEnd(13))}  ${colours.dim(kata.title)}`;
    return kata.id === shown ? colours.bold(row) : row;
  });
  const done = katas.filter((kata) => status[kata.id] === 'done').length;
  return [
    colours.bold('Every kata'),
    ...lines,
    '',
    `${done} of ${katas.length} done. ${colours.dim('n/p move the ▸ and run that kata; l goes back.')}`,
  ].join('\n');
}
