/**
 * Generated sections inside hand-written files sit between two HTML comments, e.g.
 * `<!-- katas:start -->` and `<!-- katas:end -->`; everything outside them stays the author's.
 */
export interface Markers {
  start: string;
  end: string;
}

export function markers(name: string): Markers {
  return { start: `<!-- ${name}:start -->`, end: `<!-- ${name}:end -->` };
}

/**
 * The text with the section between the markers replaced by `body`; null when the markers are
 * missing. Throws when they are out of order or repeated, since a guess could eat the author's text.
 */
export function replaceBetween(text: string, { start, end }: Markers, body: string): string | null {
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 && to < 0) return null;
  if (from < 0 || to < 0)
    throw new Error(`found ${from < 0 ? end : start} without ${from < 0 ? start : end}`);
  if (to < from) throw new Error(`${end} comes before ${start}`);
  if (text.indexOf(start, from + 1) >= 0 || text.indexOf(end, to + 1) >= 0) {
    throw new Error(`${start} … ${end} appears more than once`);
  }
  return `${text.slice(0, from + start.length)}\n${body.trimEnd()}\n${text.slice(to)}`;
}
