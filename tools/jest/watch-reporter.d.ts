/** Types for watch-reporter.js (plain CommonJS so jest loads it without a transform). */
import type { BoardFileResult } from './board';

export type KataStatus = 'done' | 'failing' | 'broken' | 'not-run';

declare class WatchReporter {
  constructor(globalConfig: { rootDir: string }, options?: Record<string, unknown>);
  static kataStatus(files: readonly BoardFileResult[]): KataStatus;
  static mergeResults<F extends { testFilePath: string }>(
    earlier: readonly F[],
    current: readonly F[],
  ): F[];
}
export = WatchReporter;
