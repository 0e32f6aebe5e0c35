/**
 * The lessons: every docs/*.md file, read as it is (one source of truth), in course order:
 * the numbered lessons, the capstone, then the reference pages.
 */
const sources = import.meta.glob('../../docs/*.md', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

export interface Lesson {
  /** The file name without `.md`, e.g. `03-expand-as`: the page's address is `#/03-expand-as`. */
  id: string;
  /** The text of the first `# ` heading. */
  title: string;
  markdown: string;
}

function rank(id: string): string {
  if (/^\d/.test(id)) return `0${id}`;
  return id === 'capstone' ? '1' : `2${id}`;
}

export const lessons: Lesson[] = Object.entries(sources)
  .map(([file, markdown]) => {
    const id = file.replace(/^.*\//, '').replace(/\.md$/, '');
    const title = /^# (.+)$/m.exec(markdown)?.[1] ?? id;
    return { id, title, markdown };
  })
  .sort((a, b) => rank(a.id).localeCompare(rank(b.id)));

export function findLesson(id: string): Lesson | undefined {
  return lessons.find((l) => l.id === id);
}
