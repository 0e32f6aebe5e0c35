/** "1 kata", "7 katas": a count with its noun, for messages that are often about one thing. */
export function countOf(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
