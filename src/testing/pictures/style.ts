import pc from 'picocolors';

/**
 * How failures draw tensors. `off`: no pictures, only the nested numbers (`--no-pictures`, i.e.
 * KATA_PICTURES=off). `plain`: pictures in plain characters, differences marked with brackets and
 * carets (NO_COLOR, or output that is not a terminal: CI logs, grading reports). `colour`: the same
 * pictures, with the marked cells coloured as well (never colour alone, so nothing depends on it).
 */
export type PictureMode = 'off' | 'plain' | 'colour';

/** The widest picture drawn: a standard terminal. Anything wider stays text. */
export const MAX_COLUMNS = 80;

/**
 * The mode for this process. Jest writes failures to stderr; its workers are not terminals, but
 * jest sets FORCE_COLOR for them when its own output is one, as it does for its own colours.
 */
export function pictureMode(
  env: NodeJS.ProcessEnv = process.env,
  stream: { isTTY?: boolean } = process.stderr,
): PictureMode {
  // KATA_PICTURES=off|plain|colour chooses outright (`npm test -- --no-pictures` sets off)
  const chosen = env.KATA_PICTURES;
  if (chosen === 'off' || chosen === 'plain' || chosen === 'colour') return chosen;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 'plain';
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return 'colour';
  return stream.isTTY === true ? 'colour' : 'plain';
}

/** How a marked cell is painted: what was expected, what differs, what is read, or dimmed. */
export type Paint = 'expected' | 'wrong' | 'read' | 'dim' | 'title';

export type Painter = (text: string, paint: Paint) => string;

export function painterFor(mode: PictureMode): Painter {
  const c = pc.createColors(mode === 'colour');
  const paints: Record<Paint, (text: string) => string> = {
    expected: (text) => c.green(c.bold(text)),
    wrong: (text) => c.red(c.bold(text)),
    read: (text) => c.cyan(c.bold(text)),
    dim: c.dim,
    title: c.bold,
  };
  return (text, paint) => paints[paint](text);
}
