/**
 * countOps: which engine ops a piece of code ran, by name. Katas use it to check the technique
 * (the loop kata never calls matmul; the broadcast kata multiplies once per row).
 *
 * Every facade-level op runs inside `counted(name, fn)`. Only the outermost op is counted: an op
 * built from other ops (einsum from permute/reshape/matmul, stack from unsqueeze/cat) counts once
 * under its own name.
 */
let depth = 0;
let active: Record<string, number>[] = [];

export interface OpCounts<T> {
  counts: Record<string, number>;
  result: T;
}

export function countOps<T>(fn: () => T): OpCounts<T> {
  const counts: Record<string, number> = {};
  const outerDepth = depth;
  // Ops nested inside an op that is already running are internal, even for a nested countOps.
  depth = 0;
  active = [...active, counts];
  try {
    const result = fn();
    return { counts, result };
  } finally {
    active = active.filter((c) => c !== counts);
    depth = outerDepth;
  }
}

/** Runs an op's body, counting it once if it is not nested inside another op. */
export function counted<T>(name: string, body: () => T): T {
  if (depth === 0) for (const counts of active) counts[name] = (counts[name] ?? 0) + 1;
  depth++;
  try {
    return body();
  } finally {
    depth--;
  }
}

/** Counts a leaf op (one that runs no other op, like get/set) without wrapping it in a closure. */
export function tally(name: string): void {
  if (depth === 0) for (const counts of active) counts[name] = (counts[name] ?? 0) + 1;
}

/** Runs engine code that should not show up in any count (e.g. a backward pass's bookkeeping). */
export function uncounted<T>(body: () => T): T {
  depth++;
  try {
    return body();
  } finally {
    depth--;
  }
}
