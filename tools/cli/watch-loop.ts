import type { ChildProcess } from 'node:child_process';

export interface WatchLoopOptions {
  /** Starts one run; the loop stops it if a newer save arrives first. */
  start: () => ChildProcess;
  /** Shown before every run. */
  banner: () => void;
  /** Saves closer together than this become one run. */
  debounceMs?: number;
}

/**
 * Re-runs on every save: a burst of saves (editors write several files, formatters write twice)
 * becomes one run, and a save during a run stops that run and starts a fresh one, so what is on
 * screen always belongs to the code on disk. Returns the function to call on each change.
 */
export function watchLoop(options: WatchLoopOptions): { changed: () => void; runNow: () => void } {
  let timer: NodeJS.Timeout | undefined;
  let current: ChildProcess | undefined;
  let stopping = false;

  const runNow = () => {
    timer = undefined;
    if (stopping) return; // the stopped run's exit starts the next one, with the latest files
    if (current && current.exitCode === null && current.signalCode === null) {
      stopping = true;
      current.once('exit', () => {
        stopping = false;
        runNow();
      });
      current.kill('SIGTERM');
      return;
    }
    options.banner();
    current = options.start();
  };
  const changed = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(runNow, options.debounceMs ?? 150);
  };
  return { changed, runNow };
}
