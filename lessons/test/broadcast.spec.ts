/** Broadcasting: shapes lined up on the right, stride-0 operands, and a clash named as PyTorch does. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openLesson, screenshot, widget } from './context';

test('broadcasting: [3, 1] with [4] expands both to [3, 4]; [2, 3] with [2, 4] clashes at dimension 1', async () => {
  const { page, errors, close } = await openLesson('03-expand-as');
  try {
    const w = widget(page, 'broadcast');
    await w.locator('[name="a"]').fill('3, 1');
    await w.locator('[name="b"]').fill('4');
    await w.getByText('result shape [3, 4]').waitFor();
    const metas = await w.locator('.tensor-meta').allTextContents();
    assert.match(metas[0], /^shape \[3, 4\] · stride \[1, 0\]/, 'a stretched along dimension 1');
    assert.match(metas[1], /^shape \[3, 4\] · stride \[0, 1\]/, 'b stretched along dimension 0');
    assert.match(metas[2], /^shape \[3, 4\] · stride \[4, 1\] .* isContiguous\(\) true/);
    assert.equal(
      await w.locator('.tensor-view').nth(1).locator('[data-testid="storage"] .cell').count(),
      4,
      'b keeps its 4 numbers',
    );
    await screenshot(w, 'broadcast');

    await w.locator('[name="a"]').fill('2, 3');
    await w.locator('[name="b"]').fill('2, 4');
    const error = w.getByTestId('error');
    await error.waitFor();
    assert.equal(
      await error.innerText(),
      'The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 1',
    );
    const clash = await w
      .locator('td.clash')
      .evaluateAll((cells) => cells.map((c) => (c as HTMLElement).dataset.dim));
    assert.ok(
      clash.length > 0 && clash.every((d) => d === '1'),
      'the clash is marked at dimension 1',
    );
    assert.equal(await w.locator('.tensor-view').count(), 0);
    await screenshot(w, 'broadcast-clash');
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});
