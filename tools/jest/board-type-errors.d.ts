/** Types for board-type-errors.js (plain CommonJS, loaded by the board reporter). */
import type { Colors } from 'picocolors/types';
import type { TypeDiagnostic } from './type-check';

export const SHOWN_PER_KATA: number;
export function typeErrorsByKata(
  diagnostics: readonly TypeDiagnostic[],
  dir: string,
): Map<string, TypeDiagnostic[]>;
export function typeErrorPlace(diagnostic: TypeDiagnostic, root: string): string;
export function typeErrorLines(
  errors: readonly TypeDiagnostic[],
  options: { root: string; width: number; c: Colors; skip?: string },
): string[];
