import fs from 'node:fs';

/** The git-ignored file that remembers how many hints of each kata a learner has asked for. */
export interface HintProgress {
  version: 1;
  hintsSeen: Record<string, number>;
}

export function emptyProgress(): HintProgress {
  return { version: 1, hintsSeen: {} };
}

/**
 * Reads the progress file. A missing file is a fresh start; an unreadable one (hand-edited,
 * merge-conflicted) is also a fresh start, reported through `warn` so nothing fails for it.
 */
export function readProgress(
  file: string,
  warn: (message: string) => void = () => {},
): HintProgress {
  if (!fs.existsSync(file)) return emptyProgress();
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<HintProgress>;
    const seen = parsed.hintsSeen ?? {};
    const valid = Object.entries(seen).filter(([, count]) => Number.isInteger(count) && count >= 0);
    return { version: 1, hintsSeen: Object.fromEntries(valid) };
  } catch {
    warn(`Could not read ${file}; starting the hint count again.`);
    return emptyProgress();
  }
}

export function writeProgress(file: string, progress: HintProgress): void {
  fs.writeFileSync(file, `${JSON.stringify(progress, null, 2)}\n`);
}

/** How many hints of a kata are revealed, never more than the kata has. */
export function hintsSeen(progress: HintProgress, id: string, hintCount: number): number {
  return Math.min(progress.hintsSeen[id] ?? 0, hintCount);
}

/** Reveals one more hint (or stays at the last one) and returns the new progress. */
export function revealNext(progress: HintProgress, id: string, hintCount: number): HintProgress {
  return withCount(progress, id, Math.min(hintsSeen(progress, id, hintCount) + 1, hintCount));
}

/** Reveals every hint of a kata. */
export function revealAll(progress: HintProgress, id: string, hintCount: number): HintProgress {
  return withCount(progress, id, hintCount);
}

/** Forgets the hints seen for one kata, or for every kata when no id is given. */
export function resetHints(progress: HintProgress, id?: string): HintProgress {
  if (id === undefined) return emptyProgress();
  const { [id]: _forgotten, ...rest } = progress.hintsSeen;
  return { version: 1, hintsSeen: rest };
}

function withCount(progress: HintProgress, id: string, count: number): HintProgress {
  return { version: 1, hintsSeen: { ...progress.hintsSeen, [id]: count } };
}
