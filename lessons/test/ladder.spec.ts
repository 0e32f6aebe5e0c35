/** The matmul ladder: five rungs timed in the page, all equal to matmul, drawn as five bars. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openLesson, screenshot, widget } from './context';

test('matmul ladder: running it times five rungs that agree with matmul and draws five bars', async () => {
  const { page, errors, close } = await openLesson('02-broadcast-matmul');
  try {
    const w = widget(page, 'ladder');
    await w.getByTestId('run-ladder').click();
    await w
      .getByText(/^done: the loops took \d+× as long as matmul\.$/)
      .waitFor({ timeout: 30_000 });
    const bars = await w
      .locator('[data-testid="chart"] svg .mark-rect path')
      .evaluateAll((paths) => paths.map((p) => (p as SVGGraphicsElement).getBBox().width));
    assert.equal(bars.length, 5, 'five bars');
    assert.ok(
      bars.every((width) => width > 1),
      `every bar is drawn (widths ${bars.join(', ')})`,
    );
    assert.ok(bars[0] > bars[4], 'the loops take longer than matmul');
    const rows = await w
      .locator('[data-testid="timings"] tr')
      .evaluateAll((trs) =>
        trs.slice(1).map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')),
      );
    assert.deepEqual(
      rows.map((r) => r[0]),
      ['1. three loops', '2. elementwise', '3. broadcast', '4. einsum', '5. matmul'],
    );
    for (const [rung, , ms, , diff] of rows) {
      assert.ok(Number(ms) > 0, `${rung} took a positive time (${ms} ms)`);
      assert.ok(Number(diff) < 1e-3, `${rung} agrees with matmul (max difference ${diff})`);
    }
    await screenshot(w, 'ladder');
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});
