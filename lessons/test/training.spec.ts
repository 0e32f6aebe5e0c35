/** Training in the browser: one epoch on 1,000 digits in a Web Worker; the loss falls; the pad reads digits. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openLesson, screenshot, widget } from './context';

test('training: one epoch on 1,000 digits lowers the loss, draws 50 weight pictures, and reads a drawn digit', async () => {
  const { page, errors, close } = await openLesson('capstone');
  try {
    const w = widget(page, 'training');
    await w.locator('[name="trainSize"]').fill('1000');
    await w.locator('[name="epochs"]').fill('1');
    await w.getByTestId('train').click();
    const status = w.getByTestId('status');
    await status.getByText(/^done in /).waitFor({ timeout: 60_000 });
    const first = Number(await status.getAttribute('data-first'));
    const last = Number(await status.getAttribute('data-last'));
    assert.ok(last < first, `the batch loss falls: ${first} → ${last}`);
    assert.ok(first > 1.5, `it starts near ln 10 = 2.3 (${first})`);
    assert.match(
      await w.getByTestId('summary').innerText(),
      /^after epoch 1: validation loss [\d.]+, accuracy [\d.]+%$/,
    );
    assert.equal(await w.locator('[data-testid="weights"] canvas').count(), 50);
    assert.ok(
      (await w.locator('[data-testid="loss-chart"] svg .mark-line path').count()) >= 1,
      'a loss curve',
    );

    await w.getByTestId('sample').click();
    await w
      .getByTestId('prediction')
      .getByText(/^the network reads \d, [\d.]+% sure \(the digit is a \d\)$/)
      .waitFor();

    // Draw a vertical stroke (a "1") on the pad and ask for a reading.
    const pad = w.getByTestId('pad');
    await w.locator('button', { hasText: 'clear' }).click();
    const box = await pad.boundingBox();
    assert.ok(box);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height * 0.2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height * 0.8, { steps: 10 });
    await page.mouse.up();
    await w.getByTestId('predict').click();
    await w
      .getByTestId('prediction')
      .getByText(/^the network reads \d, [\d.]+% sure$/)
      .waitFor();
    assert.equal(await w.locator('[data-testid="probabilities"] svg .mark-rect path').count(), 10);
    await screenshot(w, 'training');
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});
