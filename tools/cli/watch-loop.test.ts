import type { ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { watchLoop } from './watch-loop';

/** A stand-in for a jest child process: runs until killed or finished. */
class FakeRun extends EventEmitter {
  exitCode: number | null = null;
  signalCode: NodeJS.Signals | null = null;
  killed = false;
  kill(): boolean {
    this.killed = true;
    setImmediate(() => this.finish());
    return true;
  }
  finish(): void {
    this.exitCode = 1;
    this.emit('exit', 1, null);
  }
}

function setup() {
  const runs: FakeRun[] = [];
  let banners = 0;
  const loop = watchLoop({
    start: () => {
      const run = new FakeRun();
      runs.push(run);
      return run as unknown as ChildProcess;
    },
    banner: () => banners++,
    debounceMs: 20,
  });
  return { loop, runs, banners: () => banners };
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('a burst of saves becomes one run', async () => {
  const { loop, runs, banners } = setup();
  loop.changed();
  loop.changed();
  loop.changed();
  await wait(60);
  expect(runs).toHaveLength(1);
  expect(banners()).toBe(1);
});

test('a save during a run stops it and starts one fresh run', async () => {
  const { loop, runs } = setup();
  loop.runNow();
  loop.changed();
  await wait(40);
  loop.changed(); // arrives while the first run is still being stopped, or just after
  await wait(80);
  expect(runs[0].killed).toBe(true);
  expect(runs.filter((run) => !run.killed)).toHaveLength(1);
});

test('a finished run is not killed by the next save', async () => {
  const { loop, runs } = setup();
  loop.runNow();
  runs[0].finish();
  loop.changed();
  await wait(60);
  expect(runs[0].killed).toBe(false);
  expect(runs).toHaveLength(2);
});
