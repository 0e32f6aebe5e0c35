import { UsageError } from './errors';
import { kataName, kataNumber } from './katas';

/** What id resolution needs to know about a kata. */
export interface KataNames {
  id: string;
  aliases: readonly string[];
}

/**
 * Finds the kata a person meant: its full id (`03-expand-as`), its number with or without the
 * leading zero (`03`, `3`), the words after the number (`expand-as`), an alias from kata.json
 * (`expand`), a path typed with tab completion (`katas/03-expand-as/`), or failing all of those a
 * prefix that only one kata's name or alias starts with. Anything else is a UsageError that lists
 * the valid ids, so a typo is one glance from the fix.
 */
export function resolveKata<K extends KataNames>(query: string, katas: readonly K[]): K {
  const wanted = normalise(query);
  if (wanted === '') throw new UsageError(`No kata given.\n${listKatas(katas)}`);

  const exact = katas.filter(
    (kata) => namesOf(kata).includes(wanted) || sameNumber(wanted, kata.id),
  );
  if (exact.length === 1) return exact[0];
  if (exact.length > 1) throw ambiguous(query, exact, katas);

  // A number names a kata exactly or not at all: "0" is not a prefix of "01-loop-matmul".
  const byPrefix = /^\d+$/.test(wanted)
    ? []
    : katas.filter((kata) => namesOf(kata).some((name) => name.startsWith(wanted)));
  if (byPrefix.length === 1) return byPrefix[0];
  if (byPrefix.length > 1) throw ambiguous(query, byPrefix, katas);

  throw new UsageError(`Unknown kata "${query}".\n${listKatas(katas)}`);
}

/** Resolves several queries, keeping catalogue order and dropping repeats. No queries means all. */
export function resolveKatas<K extends KataNames>(
  queries: readonly string[],
  katas: readonly K[],
): K[] {
  if (queries.length === 0) return [...katas];
  const chosen = new Set(queries.map((query) => resolveKata(query, katas)));
  return katas.filter((kata) => chosen.has(kata));
}

/** The valid ids with their short names, for error messages and help text. */
export function listKatas(katas: readonly KataNames[]): string {
  if (katas.length === 0) return 'There are no katas yet (no katas/<id>/kata.json found).';
  const lines = katas.map((kata) => {
    const short = [String(kataNumber(kata.id)).padStart(2, '0'), ...kata.aliases].join(', ');
    return `  ${kata.id.padEnd(24)} ${short}`;
  });
  return `Valid katas (id, then the short names that also work):\n${lines.join('\n')}`;
}

function normalise(query: string): string {
  return query
    .trim()
    .toLowerCase()
    .replace(/\\/g, '/')
    .replace(/^(\.\/)?(katas|solutions)\//, '')
    .replace(/\/+$/, '');
}

function namesOf(kata: KataNames): string[] {
  return [kata.id, kataName(kata.id), ...kata.aliases].map((name) => name.toLowerCase());
}

function sameNumber(query: string, id: string): boolean {
  return /^\d+$/.test(query) && Number(query) === kataNumber(id);
}

function ambiguous(
  query: string,
  matches: readonly KataNames[],
  katas: readonly KataNames[],
): UsageError {
  const ids = matches.map((kata) => kata.id).join(', ');
  return new UsageError(
    `"${query}" could mean ${ids}: use the id or the number.\n${listKatas(katas)}`,
  );
}
