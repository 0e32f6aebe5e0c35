/** Backward by hand: the lesson's formulas agree with autograd, and the worked example's numbers. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openLesson, screenshot, widget } from './context';

test('backward by hand: every .g matches autograd; the worked example stops at relu’s corner; edits recompute', async () => {
  const { page, errors, close } = await openLesson('05-lin-grad');
  try {
    const w = widget(page, 'backward');
    const diffs = (): Promise<number[]> =>
      w.locator('td.diff').evaluateAll((tds) => tds.map((td) => Number(td.textContent)));
    const values = (label: string): Promise<number[]> =>
      w
        .getByTestId(label)
        .locator('div')
        .evaluateAll((cells) => cells.map((c) => Number((c as HTMLElement).dataset.value)));
    await w.getByTestId('out-hand').waitFor();
    assert.equal((await diffs()).length, 8);
    assert.ok(
      (await diffs()).every((d) => d < 1e-6),
      `by hand equals autograd: ${await diffs()}`,
    );
    await screenshot(w, 'backward');

    await w.getByTestId('corner').click();
    await w.getByTestId('loss').getByText('loss = 1').waitFor();
    assert.deepEqual(await values('out-hand'), [-2]);
    assert.deepEqual(await values('l2-hand'), [-4]);
    assert.deepEqual(await values('l1-hand'), [0], 'the gradient stops at relu’s corner');
    assert.deepEqual(await values('w1-hand'), [0, 0]);
    assert.deepEqual(await values('l1-autograd'), [0]);

    await w.locator('[name="inp"]').fill('[[1, -0.75]]');
    await w.getByTestId('loss').getByText('loss = 0.25').waitFor();
    assert.deepEqual(await values('l1-hand'), [-2], 'l1 > 0 now: the gradient passes');
    assert.deepEqual(await values('w1-hand'), [-2, 1.5]);
    assert.ok((await diffs()).every((d) => d < 1e-6));

    await w.locator('[name="w1"]').fill('[[1], [oops]]');
    assert.match(await w.getByTestId('error').innerText(), /^w1: write a nested list of numbers/);
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});
