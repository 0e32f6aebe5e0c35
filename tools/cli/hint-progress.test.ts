import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import {
  emptyProgress,
  hintsSeen,
  readProgress,
  resetHints,
  revealAll,
  revealNext,
  writeProgress,
} from './hint-progress';

describe('hint progress', () => {
  test('each call reveals one more hint, then stays at the last', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 0, max: 10 }),
        (total, calls) => {
          let progress = emptyProgress();
          for (let i = 0; i < calls; i++) progress = revealNext(progress, '03-expand-as', total);
          return hintsSeen(progress, '03-expand-as', total) === Math.min(calls, total);
        },
      ),
    );
  });

  test('katas keep separate counts', () => {
    const progress = revealNext(revealNext(revealNext(emptyProgress(), 'a', 3), 'a', 3), 'b', 3);
    expect(hintsSeen(progress, 'a', 3)).toBe(2);
    expect(hintsSeen(progress, 'b', 3)).toBe(1);
    expect(hintsSeen(progress, 'c', 3)).toBe(0);
  });

  test('--all reveals every hint; a kata that lost hints never reports more than it has', () => {
    const progress = revealAll(emptyProgress(), 'a', 5);
    expect(hintsSeen(progress, 'a', 5)).toBe(5);
    expect(hintsSeen(progress, 'a', 2)).toBe(2);
  });

  test('--reset forgets one kata, or all', () => {
    const progress = revealNext(revealNext(emptyProgress(), 'a', 3), 'b', 3);
    expect(resetHints(progress, 'a').hintsSeen).toEqual({ b: 1 });
    expect(resetHints(progress).hintsSeen).toEqual({});
  });

  test('the progress does not mutate the object it came from', () => {
    const before = emptyProgress();
    revealNext(before, 'a', 3);
    expect(before.hintsSeen).toEqual({});
  });
});

describe('the progress file', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hint-progress-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('round-trips through the file', () => {
    const file = path.join(dir, '.kata-progress.json');
    const progress = revealNext(emptyProgress(), '01-loop-matmul', 3);
    writeProgress(file, progress);
    expect(readProgress(file)).toEqual(progress);
  });

  test('a missing file is a fresh start', () => {
    expect(readProgress(path.join(dir, 'none.json'))).toEqual(emptyProgress());
  });

  test('an unreadable file is a fresh start, with a warning', () => {
    const file = path.join(dir, '.kata-progress.json');
    fs.writeFileSync(file, '<<<<<<< HEAD\n{');
    const warnings: string[] = [];
    expect(readProgress(file, (message) => warnings.push(message))).toEqual(emptyProgress());
    expect(warnings).toHaveLength(1);
  });

  test('nonsense counts are dropped', () => {
    const file = path.join(dir, '.kata-progress.json');
    fs.writeFileSync(file, JSON.stringify({ hintsSeen: { a: 2, b: -1, c: 'x', d: 1.5 } }));
    expect(readProgress(file).hintsSeen).toEqual({ a: 2 });
  });
});
