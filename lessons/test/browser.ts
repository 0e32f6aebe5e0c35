/**
 * The browser the lesson tests drive: Debian's Chromium through playwright-core (Playwright's own
 * browser download is not used). LESSONS_CHROMIUM overrides the path.
 */
import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.LESSONS_CHROMIUM ?? '/usr/bin/chromium';

export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM))
    throw new Error(
      `The lesson tests need Chromium at ${CHROMIUM}, and it is not there. ` +
        'Install it with `apt-get install -y chromium` (Debian/Ubuntu), or set LESSONS_CHROMIUM to a Chromium or Chrome binary.',
    );
  try {
    // --no-sandbox: CI containers run as root, where Chromium's sandbox refuses to start.
    return await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new Error(
      `Chromium at ${CHROMIUM} did not start (${reason}). ` +
        `Run \`${CHROMIUM} --headless --no-sandbox --dump-dom about:blank\` to see why.`,
    );
  }
}
