import path from 'node:path';
import * as prettier from 'prettier';

/**
 * Formats generated text with the repository's prettier settings, so that files written by the
 * tools pass `prettier --check` (part of `npm run lint`) without a second step. Files prettier
 * ignores or cannot parse come back unchanged.
 */
export async function formatLikeRepo(text: string, file: string, root: string): Promise<string> {
  const absolute = path.join(root, file);
  const info = await prettier.getFileInfo(absolute, {
    ignorePath: path.join(root, '.prettierignore'),
  });
  if (info.ignored || info.inferredParser === null) return text;
  const config = (await prettier.resolveConfig(absolute)) ?? {};
  return prettier.format(text, { ...config, filepath: absolute });
}
