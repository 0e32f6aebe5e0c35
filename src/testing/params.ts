/**
 * The names a predicate gives its arguments, read from its source, so a counterexample says
 * `a = …` and `b = …` for `([a, b]) => …` and `inp = …` for `({ inp, w }) => …` instead of
 * printing a tuple under a made-up name.
 */

/** One parameter: a plain name, an array pattern (`[a, b]`) or an object pattern (`{ inp, w }`). */
export type ParameterPattern =
  | { kind: 'name'; name: string }
  | { kind: 'array'; names: (string | undefined)[] }
  | { kind: 'object'; entries: { key: string; name: string }[] };

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** Splits at commas that are not nested in brackets, braces, parentheses or strings. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quote) {
      if (char === '\\') i++;
      else if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'" || char === '`') quote = char;
    else if ('([{'.includes(char)) depth++;
    else if (')]}'.includes(char)) depth--;
    else if (char === ',' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((part) => part.trim());
}

/** The text between the parameter list's parentheses (or the lone name of `x => …`). */
function parameterListOf(source: string): string | undefined {
  const bare = /^(?:async\s+)?([A-Za-z_$][\w$]*)\s*=>/.exec(source);
  if (bare) return bare[1];
  const open = source.indexOf('(');
  if (open < 0) return undefined;
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    if ('([{'.includes(source[i])) depth++;
    else if (')]}'.includes(source[i]) && --depth === 0) return source.slice(open + 1, i);
  }
  return undefined;
}

/** Drops a default value (`x = 1`) at the top level of one parameter. */
function withoutDefault(part: string): string {
  const [head] = splitOnTopLevelEquals(part);
  return head.trim();
}

function splitOnTopLevelEquals(part: string): string[] {
  let depth = 0;
  for (let i = 0; i < part.length; i++) {
    const char = part[i];
    if ('([{'.includes(char)) depth++;
    else if (')]}'.includes(char)) depth--;
    else if (char === '=' && depth === 0 && part[i + 1] !== '>') return [part.slice(0, i)];
  }
  return [part];
}

function patternOf(part: string): ParameterPattern | undefined {
  const text = withoutDefault(part);
  if (IDENTIFIER.test(text)) return { kind: 'name', name: text };
  if (text.startsWith('[') && text.endsWith(']')) {
    const names = splitTopLevel(text.slice(1, -1)).map((element) => {
      const name = withoutDefault(element);
      return IDENTIFIER.test(name) ? name : undefined;
    });
    return names.some((name) => name !== undefined) ? { kind: 'array', names } : undefined;
  }
  if (text.startsWith('{') && text.endsWith('}')) {
    const entries: { key: string; name: string }[] = [];
    for (const entry of splitTopLevel(text.slice(1, -1))) {
      if (entry === '' || entry.startsWith('...')) continue;
      const [key, alias] = withoutDefault(entry)
        .split(':')
        .map((s) => s.trim());
      const name = alias ?? key;
      if (IDENTIFIER.test(key) && IDENTIFIER.test(name)) entries.push({ key, name });
    }
    return entries.length > 0 ? { kind: 'object', entries } : undefined;
  }
  return undefined;
}

/**
 * One pattern per argument. An argument whose parameter cannot be read (a rest parameter, a
 * nested pattern, a function whose source is hidden) is named `arg1`, `arg2`, … by position.
 */
export function parameterPatterns(
  fn: (...args: never[]) => unknown,
  count: number,
): ParameterPattern[] {
  const list = parameterListOf(fn.toString());
  const parts = list === undefined ? [] : splitTopLevel(list).filter((part) => part !== '');
  return Array.from({ length: count }, (_, i) => {
    const pattern = parts.length === count ? patternOf(parts[i]) : undefined;
    return pattern ?? { kind: 'name', name: `arg${i + 1}` };
  });
}

/**
 * The named parts of the arguments: `[name, value]` pairs, one per element of an array pattern
 * or key of an object pattern, one per plain parameter.
 */
export function namedParts(
  patterns: readonly ParameterPattern[],
  values: readonly unknown[],
): [string, unknown][] {
  return patterns.flatMap((pattern, i): [string, unknown][] => {
    const value = values[i];
    if (pattern.kind === 'array' && Array.isArray(value)) {
      return value.map((item, k): [string, unknown] => [
        pattern.names[k] ?? `arg${i + 1}[${k}]`,
        item,
      ]);
    }
    if (pattern.kind === 'object' && typeof value === 'object' && value !== null) {
      const record = value as Record<string, unknown>;
      const named = pattern.entries.map(({ key, name }): [string, unknown] => [name, record[key]]);
      const rest = Object.keys(record).filter((key) => !pattern.entries.some((e) => e.key === key));
      return [...named, ...rest.map((key): [string, unknown] => [key, record[key]])];
    }
    const name = pattern.kind === 'name' ? pattern.name : `arg${i + 1}`;
    return [[name, value]];
  });
}
