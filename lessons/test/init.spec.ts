/** Initialisation: the lesson's table, reproduced in the page, and the width control. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openLesson, screenshot, widget } from './context';

test("initialisation: 50 layers at width 100 give the lesson's numbers; the width slider reruns them", async () => {
  const { page, errors, close } = await openLesson('07-init');
  try {
    const w = widget(page, 'init');
    // The widget runs when it comes into view.
    await w.scrollIntoViewIfNeeded();
    await w.getByText('width 100: done').waitFor({ timeout: 30_000 });
    const verdicts = async (): Promise<Record<string, string>> =>
      Object.fromEntries(
        await w
          .locator('[data-testid="verdicts"] tr[data-init]')
          .evaluateAll((trs) =>
            trs.map((tr) => [(tr as HTMLElement).dataset.init, tr.lastElementChild?.textContent]),
          ),
      );
    // docs/07-init.md: randn reaches nan, ×0.01 reaches 0 from layer 46, Kaiming holds at 0.36.
    // Chromium's WebAssembly fuses multiply and add, which rounds each sum once less than Node's
    // plain SIMD: the last underflow can land one layer sooner (45), as the lesson says.
    const lesson = await verdicts();
    assert.match(lesson['randn'], /^overflows/);
    assert.match(lesson['randn × 0.01'], /^vanishes: std is 0 from layer 4[56]$/);
    const kaiming = Number(
      /^std after layer 50: ([\d.]+)$/.exec(lesson['Kaiming √(2/n), ReLU'])?.[1],
    );
    assert.ok(
      Math.abs(kaiming - 0.36) < 0.005,
      `Kaiming's std after layer 50 is 0.36, got ${kaiming}`,
    );
    assert.equal(await w.locator('[data-testid="std-chart"] svg .mark-line path').count(), 5);
    assert.equal(await w.locator('[data-testid="mean-chart"] svg .mark-line path').count(), 5);
    await screenshot(w, 'init');

    await w.locator('[name="width"]').fill('50');
    await w.getByText('width 50: done').waitFor({ timeout: 30_000 });
    const narrow = await verdicts();
    assert.notEqual(narrow['Kaiming √(2/n), ReLU'], lesson['Kaiming √(2/n), ReLU']);
    assert.match(narrow['Kaiming √(2/n), ReLU'], /^std after layer 50: /);
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});
