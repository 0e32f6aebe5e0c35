/** Types for test-args.js (plain CommonJS so `npm test` starts without a TypeScript loader). */
export function kataFolderPattern(id: string, root: string): string;
export function jestArgs(
  args: readonly string[],
  katas: readonly { id: string; number: string; aliases: string[] }[],
  root: string,
): string[];
export function pictureOption(args: readonly string[]): {
  args: string[];
  env: Record<string, string>;
};
