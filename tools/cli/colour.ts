import pc from 'picocolors';

type Colours = ReturnType<typeof pc.createColors>;

/**
 * Colours for one output stream: on for a terminal, off when piped or redirected (so files and
 * CI logs get plain text). NO_COLOR and FORCE_COLOR override, as most CLIs agree.
 */
export function coloursFor(
  stream: { isTTY?: boolean },
  env: NodeJS.ProcessEnv = process.env,
): Colours {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return pc.createColors(false);
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return pc.createColors(true);
  return pc.createColors(stream.isTTY === true);
}
