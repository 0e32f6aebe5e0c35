/** Types for board.js (plain CommonJS so jest loads the reporter without a transform). */
import type { TypeDiagnostic } from './type-check';

export interface BoardKata {
  id: string;
  number: string;
  title: string;
  files: string[];
  lesson: string;
}

/** The parts of jest's per-file TestResult the board reads. */
export interface BoardFileResult {
  testFilePath: string;
  failureMessage?: string | null;
  testExecError?: { message: string; stack?: string | null } | null;
  testResults?: { title: string; status: string; failureMessages?: string[] }[];
}

export interface BoardOptions {
  root: string;
  /** Where jest runs: relative paths in error messages are relative to it. */
  cwd?: string;
  source?: string;
  color?: boolean;
  /** The type check's outcome (tools/jest/type-check.js), shown under the katas that ran. */
  typeCheck?: BoardTypeCheck;
  /** The kata the next steps are about while it is unfinished (watch's kata on screen). */
  focus?: string;
}

/** Type errors in the judged kata files (`dir` holds the kata folders), or why the check failed. */
export type BoardTypeCheck = { dir: string; diagnostics: TypeDiagnostic[] } | { problem: string };

export const WIDTH: number;
export function boardColour(
  env: Record<string, string | undefined>,
  stream: { isTTY?: boolean },
): boolean;
export function buildBoard(
  katas: readonly BoardKata[],
  testResults: readonly BoardFileResult[],
  options: BoardOptions,
): string;
export function shortMessage(raw: string, lines?: number, width?: number): string[];
export function errorLocation(message: string, root: string, cwd?: string): string | undefined;
export function describeExecError(
  message: string,
  root: string,
  cwd?: string,
): { where: string | undefined; what: string[] };
export function kataIdOfTestFile(relativePath: string): string | undefined;

/** Each kata's state from jest's file results, as its board row marks it, keyed by kata id. */
export function kataStatuses(
  testResults: readonly BoardFileResult[],
  root: string,
): Map<string, 'done' | 'failing' | 'broken' | 'not-run'>;
