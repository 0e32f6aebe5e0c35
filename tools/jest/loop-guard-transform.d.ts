/** Types for loop-guard-transform.js (a ts-jest AST transformer, plain CommonJS). */
import type * as ts from 'typescript';

export const name: string;
export const version: number;
export function factory(compiler: {
  configSet: { compilerModule: typeof ts };
}): ts.TransformerFactory<ts.SourceFile>;
export function isKataCode(fileName: string): boolean;
