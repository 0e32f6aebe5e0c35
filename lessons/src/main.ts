/**
 * The lesson site: a list of lessons, and one lesson at a time rendered from docs/<id>.md with its
 * widgets placed after the sections they illustrate. Addresses are `#/<lesson>/<section>`.
 */
import { findLesson, lessons } from './lessons';
import { renderMarkdown } from './markdown';
import { placements, type Placement } from './placements';
import { mountWidget } from './widgets';

const nav = document.getElementById('nav') as HTMLElement;
const main = document.getElementById('lesson') as HTMLElement;
const repoUrl = import.meta.env.VITE_REPO_URL as string | undefined;

function renderNav(current: string): void {
  nav.innerHTML = '<h1><a href="#/">Foundations katas</a></h1>';
  const list = document.createElement('ol');
  for (const lesson of lessons) {
    const item = document.createElement('li');
    const link = document.createElement('a');
    link.href = `#/${lesson.id}/`;
    link.textContent = lesson.title.replace(/^\d+ · /, '');
    if (/^\d/.test(lesson.id)) link.dataset.number = lesson.id.slice(0, 2);
    if (lesson.id === current) link.setAttribute('aria-current', 'page');
    item.append(link);
    list.append(item);
  }
  nav.append(list);
}

/** The section a heading opens ends at the next heading of the same or a higher level. */
function sectionEnd(heading: Element): Element | null {
  const level = Number(heading.tagName.slice(1));
  let next = heading.nextElementSibling;
  while (next && !(/^H[1-6]$/.test(next.tagName) && Number(next.tagName.slice(1)) <= level))
    next = next.nextElementSibling;
  return next;
}

function placeWidget(article: HTMLElement, placement: Placement): void {
  const headings = [...article.querySelectorAll('h1, h2, h3, h4')];
  const heading = headings.find((h) => h.textContent?.trim() === placement.after);
  const section = document.createElement('section');
  section.className = 'widget';
  section.dataset.widget = placement.widget;
  if (heading === undefined) {
    console.error(`lesson widget ${placement.widget}: no heading "${placement.after}"`);
    article.append(section);
  } else article.insertBefore(section, sectionEnd(heading));
  mountWidget(placement.widget, section);
}

function renderLesson(id: string, section: string): void {
  const shown = main.querySelector<HTMLElement>('article.lesson-text');
  if (shown?.dataset.lesson === id) {
    // Another section of the page on screen: scroll, and keep the widgets as the learner left them.
    if (section) document.getElementById(section)?.scrollIntoView();
    return;
  }
  const lesson = findLesson(id);
  renderNav(lesson?.id ?? '');
  main.replaceChildren();
  if (lesson === undefined) {
    main.append(renderIndex());
    return;
  }
  const article = document.createElement('article');
  article.className = 'lesson-text';
  article.dataset.lesson = lesson.id;
  article.innerHTML = renderMarkdown(lesson.markdown, {
    lessonId: lesson.id,
    lessonIds: lessons.map((l) => l.id),
    repoUrl,
  });
  main.append(article);
  for (const placement of placements[lesson.id] ?? []) placeWidget(article, placement);
  document.title = `${lesson.title} · Foundations katas`;
  if (section) document.getElementById(section)?.scrollIntoView();
  else window.scrollTo(0, 0);
}

function renderIndex(): HTMLElement {
  const intro = document.createElement('article');
  intro.className = 'index';
  intro.innerHTML = `<h1>Deep learning from the foundations</h1>
    <p>The lessons of the katas, with widgets that run the same tensor engine the tests judge
    against, here in your browser. Pick a lesson on the left; the kata for each lesson is in
    <code>katas/</code> and runs with <code>npm run kata -- NN</code>.</p>`;
  const list = document.createElement('ul');
  for (const lesson of lessons) {
    const item = document.createElement('li');
    item.innerHTML = `<a href="#/${lesson.id}/"></a>`;
    (item.firstChild as HTMLElement).textContent = lesson.title;
    const widgets = placements[lesson.id]?.map((p) => p.widget);
    if (widgets) item.append(` (widgets: ${[...new Set(widgets)].join(', ')})`);
    list.append(item);
  }
  intro.append(list);
  return intro;
}

function route(): void {
  const [, id = '', section = ''] = /^#\/([^/]*)\/?(.*)$/.exec(location.hash) ?? [];
  if (id === '') {
    renderNav('');
    main.replaceChildren(renderIndex());
    document.title = 'Foundations katas · lessons';
    return;
  }
  renderLesson(id, decodeURIComponent(section));
}

window.addEventListener('hashchange', route);
route();
