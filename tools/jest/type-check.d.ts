/** Types for type-check.js (plain CommonJS: the board reporter runs it as a child process). */

/** One TypeScript error: `file` absolute, `line` and `column` from 1, the whole message chain. */
export interface TypeDiagnostic {
  file: string;
  line: number;
  column: number;
  code: number;
  message: string;
}

export type TypeCheckOutcome = { diagnostics: TypeDiagnostic[] } | { problem: string };

export function learnerFiles(
  root: string,
  source: string | undefined,
  kataIds: readonly string[],
): string[];
export function kataDir(root: string, source: string | undefined): string | undefined;
export function checkFiles(root: string, files: readonly string[]): TypeDiagnostic[];
export function startTypeCheck(
  root: string,
  files: readonly string[],
  options?: { script?: string; args?: readonly string[] },
): { stop(): void; outcome(graceMs: number): Promise<TypeCheckOutcome> };
export function checkFilesCached(
  root: string,
  files: readonly string[],
  cacheDir: string,
  check?: (
    root: string,
    files: readonly string[],
  ) => { diagnostics: TypeDiagnostic[]; inputs: string[] },
): TypeDiagnostic[];
export function prestartTypeCheck(root: string, files: readonly string[]): void;
export function takePrestarted(
  root: string,
  files: readonly string[],
): ReturnType<typeof startTypeCheck> | undefined;
