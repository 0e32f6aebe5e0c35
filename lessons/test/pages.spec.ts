/** Every docs/*.md page: the page shows the file's text (rendered, not copied) plus its widgets. */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { renderMarkdown } from '../src/markdown';
import { placements } from '../src/placements';
import { openLesson, SCREENSHOTS } from './context';

const DOCS = path.resolve(__dirname, '../../docs');
const ids = fs
  .readdirSync(DOCS)
  .filter((f) => f.endsWith('.md'))
  .map((f) => f.replace(/\.md$/, ''));

test('every lesson page shows its docs/*.md text and its widgets, with no errors', async () => {
  const { page, errors, close } = await openLesson(ids[0]);
  try {
    const listed = await page
      .locator('nav a[href^="#/"]')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    for (const id of ids) assert.ok(listed.includes(`#/${id}/`), `the menu lists ${id}`);
    for (const id of ids) {
      await page.evaluate((to) => (location.hash = to), `#/${id}/`);
      const article = page.locator(`article.lesson-text[data-lesson="${id}"]`);
      await article.waitFor();
      const markdown = fs.readFileSync(path.join(DOCS, `${id}.md`), 'utf8');
      const html = renderMarkdown(markdown, { lessonId: id, lessonIds: ids });
      const { shown, expected, headings, widgets } = await article.evaluate((node, html) => {
        const copy = node.cloneNode(true) as HTMLElement;
        const widgets = [...copy.querySelectorAll<HTMLElement>('section.widget')].map(
          (w) => w.dataset.widget,
        );
        copy.querySelectorAll('section.widget').forEach((w) => w.remove());
        const fresh = document.createElement('div');
        fresh.innerHTML = html;
        // No helper function here: the test runner's transpiler would rename it for the page.
        return {
          shown: (copy.textContent ?? '').replace(/\s+/g, ' ').trim(),
          expected: (fresh.textContent ?? '').replace(/\s+/g, ' ').trim(),
          headings: [
            copy.querySelectorAll('h1, h2, h3, h4, h5, h6').length,
            fresh.querySelectorAll('h1, h2, h3, h4, h5, h6').length,
          ],
          widgets,
        };
      }, html);
      assert.equal(shown, expected, `${id}: the page's text is docs/${id}.md`);
      assert.ok(headings[0] > 0 && headings[0] === headings[1], `${id}: every heading`);
      assert.deepEqual(
        widgets,
        (placements[id] ?? []).map((p) => p.widget),
        `${id}: its widgets`,
      );
    }
    await page.evaluate(() => (location.hash = '#/03-expand-as/storage-shape-stride-offset'));
    await page.locator('section.widget[data-widget="memory"]').waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'lesson-page.png') });
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});
