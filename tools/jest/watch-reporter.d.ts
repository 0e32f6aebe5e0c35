/** Types for watch-reporter.js (plain CommonJS so jest loads it without a transform). */
import type { BoardFileResult } from './board';

export type KataStatus = 'done' | 'failing' | 'broken' | 'not-run';

declare class WatchReporter {
  constructor(globalConfig: { rootDir: string }, options?: Record<string, unknown>);
  /** Every kata's status: the catalogue's `ids`, and any other kata folder the results name. */
  static statusesOf(
    ids: readonly string[],
    results: readonly BoardFileResult[],
    root: string,
  ): Record<string, KataStatus>;
  static mergeResults<F extends { testFilePath: string }>(
    earlier: readonly F[],
    current: readonly F[],
  ): F[];
}
export = WatchReporter;
