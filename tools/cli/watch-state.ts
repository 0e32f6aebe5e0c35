/**
 * What `npm run watch` shows and what each key and save does, as pure functions (no jest, no
 * terminal): tools/watch.ts carries out the effect each one returns. Like rustlings: one kata on
 * screen at a time, the first one not yet done; a save re-runs it, and once it passes the view
 * moves on to the next unfinished kata.
 */

import type { KataStatus } from '../jest/watch-reporter';

/** A kata's state as the board marks it (the watch reporter works it out). */
export type { KataStatus };

export interface WatchState {
  /** Every kata id in course order. */
  readonly ids: readonly string[];
  readonly status: Readonly<Record<string, KataStatus>>;
  /** The kata on screen; undefined before the first run ends and when every kata passes. */
  readonly shown: string | undefined;
  /** The kata's test output and the board; the list of every kata; or the output with a hint. */
  readonly view: 'kata' | 'list' | 'hint';
  /** One line to show above the next output (what just happened), if any. */
  readonly note: string | undefined;
}

/** One jest run: which katas to test and whose output to show. */
export interface RunRequest {
  /** Kata ids, or every kata. */
  readonly katas: readonly string[] | 'all';
  /** The kata whose output to show; undefined: the first one not yet done. */
  readonly show: string | undefined;
  /** A run caused by a save: if the kata shown passes, the view moves on. */
  readonly afterSave: boolean;
}

/** What the run told us: the kata it showed and every kata's state (absent: it did not finish). */
export interface RunOutcome {
  readonly shown: string | undefined;
  readonly status: Readonly<Record<string, KataStatus>>;
}

export type WatchEffect =
  | { readonly kind: 'run'; readonly run: RunRequest }
  /** Show the screen for `state.view` again from what is known (no run needed). */
  | { readonly kind: 'draw' }
  /** Reveal the next hint of a kata, then draw. */
  | { readonly kind: 'hint'; readonly kata: string }
  | { readonly kind: 'quit' }
  | { readonly kind: 'none' };

export interface Step {
  readonly state: WatchState;
  readonly effect: WatchEffect;
}

/** A step that always runs jest. */
export interface RunStep extends Step {
  readonly effect: { readonly kind: 'run'; readonly run: RunRequest };
}

/** The keys `npm run watch` answers to, for the footer and the tests. */
export const KEYS = { hint: 'h', next: 'n', previous: 'p', list: 'l', quit: 'q' } as const;
const CTRL_C = '\u0003';

/** The first step: test every kata (the board needs them all) and show `focus` or the first unfinished. */
export function startWatch(ids: readonly string[], focus?: string): RunStep {
  const state: WatchState = {
    ids,
    status: Object.fromEntries(ids.map((id) => [id, 'not-run' as KataStatus])),
    shown: focus,
    view: 'kata',
    note: undefined,
  };
  return { state, effect: { kind: 'run', run: { katas: 'all', show: focus, afterSave: false } } };
}

/** The first kata after `after` (then from the start) that does not pass yet. */
export function nextUnfinished(state: WatchState, after?: string): string | undefined {
  const start = after === undefined ? 0 : state.ids.indexOf(after) + 1;
  const order = [...state.ids.slice(start), ...state.ids.slice(0, start)];
  return order.find((id) => state.status[id] !== 'done');
}

/** A key pressed while watching (one character, as raw mode delivers it). */
export function pressKey(state: WatchState, key: string): Step {
  switch (key.toLowerCase()) {
    case KEYS.quit:
    case CTRL_C:
      return { state, effect: { kind: 'quit' } };
    case KEYS.next:
    case KEYS.previous:
      return move(state, key.toLowerCase() === KEYS.next ? 1 : -1);
    case KEYS.list:
      return { state: { ...state, view: state.view === 'list' ? 'kata' : 'list' }, effect: draw };
    case KEYS.hint:
      if (state.shown === undefined) return { state, effect: { kind: 'none' } };
      return { state: { ...state, view: 'hint' }, effect: { kind: 'hint', kata: state.shown } };
    default:
      return { state, effect: { kind: 'none' } };
  }
}

const draw: WatchEffect = { kind: 'draw' };

/** `n`/`p`: the kata after or before the one on screen, in course order (no wrapping). */
function move(state: WatchState, by: 1 | -1): Step {
  const { ids, shown } = state;
  const index = shown === undefined ? (by === 1 ? 0 : ids.length - 1) : ids.indexOf(shown) + by;
  if (index < 0 || index >= ids.length) {
    const note = by === 1 ? `${shown} is the last kata.` : `${shown} is the first kata.`;
    return { state: { ...state, note, view: 'kata' }, effect: draw };
  }
  const target = ids[index];
  return {
    state: { ...state, shown: target, view: 'kata', note: undefined },
    effect: {
      kind: 'run',
      run: { katas: alsoUntested(state, [target]), show: target, afterSave: false },
    },
  };
}

/**
 * The katas to test: those asked for, and every kata this session has no result for yet (a save
 * or a key can stop the first run of every kata), so the board keeps every kata. None known: all.
 */
function alsoUntested(state: WatchState, katas: readonly string[]): readonly string[] | 'all' {
  const untested = state.ids.filter((id) => state.status[id] === 'not-run');
  if (untested.length === state.ids.length) return 'all';
  return [...new Set([...katas, ...untested])];
}

/**
 * Files saved in some katas' folders: re-run the kata on screen, and any other kata saved
 * (so its row on the board stays true), showing the one on screen.
 */
export function filesSaved(state: WatchState, savedKatas: Iterable<string>): RunStep {
  const saved = [...new Set(savedKatas)].filter((id) => state.ids.includes(id));
  const next = { ...state, view: 'kata', note: undefined } as const;
  const katas = alsoUntested(state, [...(state.shown ? [state.shown] : []), ...saved]);
  // Before the first run of every kata has finished, start it again: it picks what to show.
  if (katas === 'all')
    return {
      state: next,
      effect: { kind: 'run', run: { katas, show: state.shown, afterSave: false } },
    };
  const show = state.shown ?? saved[0];
  return { state: next, effect: { kind: 'run', run: { katas, show, afterSave: true } } };
}

/**
 * A run ended. `outcome` is undefined when jest stopped before its reporter finished (a broken
 * config, say): its output is on screen and nothing else changes. After a save, a kata on screen
 * that now passes hands over to the next unfinished one, which runs so its failures show.
 */
export function runFinished(
  state: WatchState,
  request: RunRequest,
  outcome: RunOutcome | undefined,
): Step {
  if (outcome === undefined) return { state, effect: { kind: 'none' } };
  const updated: WatchState = {
    ...state,
    status: { ...state.status, ...outcome.status },
    shown: outcome.shown,
    view: 'kata',
    // The note of a hand-over ("✓ 02 passes. Next: 03.") stays above the next kata's output.
    note: request.afterSave ? undefined : state.note,
  };
  const { shown } = updated;
  if (!request.afterSave || shown === undefined || updated.status[shown] !== 'done')
    return { state: updated, effect: { kind: 'none' } };
  const next = nextUnfinished(updated, shown);
  if (next === undefined) {
    const note = `✓ ${shown} passes, and so does every other kata: on to the capstone, npm run train.`;
    return { state: { ...updated, shown: undefined, note }, effect: { kind: 'none' } };
  }
  return {
    state: { ...updated, shown: next, note: `✓ ${shown} passes. Next: ${next}.` },
    effect: { kind: 'run', run: { katas: [next], show: next, afterSave: false } },
  };
}
