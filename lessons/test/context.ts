/**
 * What every lesson test shares: one build of the site served locally, one Chromium, a fresh page
 * per test at a fixed size, and a folder of screenshots for review (reports/lessons/).
 */
import fs from 'node:fs';
import path from 'node:path';
import { after, before } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium } from './browser';
import { serveSite } from './serve';

export const SCREENSHOTS = path.resolve(__dirname, '../../reports/lessons');
export const VIEWPORT = { width: 1280, height: 900 };

let browser: Browser | undefined;
let site: { url: string; close: () => Promise<void> } | undefined;

before(async () => {
  try {
    site = await serveSite();
    browser = await launchChromium();
  } catch (error) {
    // One clear line instead of the same failure under every test: verify stops here.
    console.error(
      `\nlesson tests cannot run: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    await site?.close();
    process.exit(1);
  }
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
});

after(async () => {
  await browser?.close();
  await site?.close();
});

export interface LessonPage {
  page: Page;
  /** Errors the page logged or threw; a test ends by checking there are none. */
  errors: string[];
  close: () => Promise<void>;
}

export async function openLesson(id: string): Promise<LessonPage> {
  if (!browser || !site) throw new Error('the lesson tests did not start');
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  // Offline: every request goes to the site itself (no CDN, no fonts or data from elsewhere).
  const origin = site.url;
  page.on('request', (r) => {
    if (!/^(data|blob):/.test(r.url()) && !r.url().startsWith(origin))
      errors.push(`request to ${r.url()}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`);
  });
  await page.goto(`${site.url}#/${id}/`);
  await page.locator(`article.lesson-text[data-lesson="${id}"]`).waitFor();
  return { page, errors, close: () => context.close() };
}

export function widget(page: Page, name: string): Locator {
  return page.locator(`section.widget[data-widget="${name}"]`).first();
}

/** A picture of the element for a person to look at (not compared with anything). */
export async function screenshot(locator: Locator, name: string): Promise<void> {
  await locator.scrollIntoViewIfNeeded();
  await locator.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), animations: 'disabled' });
}
