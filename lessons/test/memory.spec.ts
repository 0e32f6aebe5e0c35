/** Memory and views: strides choose the storage cells a view reads; expand adds stride 0, no cells. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Locator } from 'playwright-core';
import { openLesson, screenshot, widget } from './context';

const readCells = (w: Locator): Promise<number[]> =>
  w
    .locator('[data-testid="storage"] .cell.read')
    .evaluateAll((cells) => cells.map((c) => Number((c as HTMLElement).dataset.pos)));

test('memory and views: a stride change moves the highlighted cells; expand reads them again', async () => {
  const { page, errors, close } = await openLesson('03-expand-as');
  try {
    const w = widget(page, 'memory');
    assert.deepEqual(await readCells(w), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    await w.locator('[name="shape"]').fill('2, 2');
    await w.locator('[name="stride"]').fill('1, 4');
    await w.locator('[name="offset"]').fill('1');
    await w.getByText('shape [2, 2], stride() [1, 4], offset 1').waitFor();
    assert.deepEqual(await readCells(w), [1, 2, 5, 6]);
    assert.equal(
      await w.locator('[data-testid="view"] .cell[data-index="1,0"] .pos').textContent(),
      '@2',
    );
    assert.equal(await w.getByTestId('contiguous').textContent(), 'isContiguous() false');

    await w.locator('[name="op"]').selectOption('expand');
    await w.locator('[name="args"]').fill('3, -1, -1');
    await w.getByTestId('apply-op').click();
    await w.getByText('shape [3, 2, 2], stride() [0, 1, 4], offset 1').waitFor();
    assert.deepEqual(await readCells(w), [1, 2, 5, 6], 'expand reads the same cells');
    assert.deepEqual(await w.locator('[data-testid="storage"] .count').allTextContents(), [
      '×3',
      '×3',
      '×3',
      '×3',
    ]);
    assert.match(
      await w.getByTestId('storage-size').innerText(),
      /storage\(\)\.size 12, the same storage object as before: yes/,
    );
    await screenshot(w, 'memory-expand');

    await w.locator('[name="stride"]').fill('4, 8');
    await w.locator('[name="shape"]').fill('2, 2');
    const error = w.getByTestId('error');
    await error.waitFor();
    assert.match(
      await error.innerText(),
      /^setStorage: sizes \[2, 2\], strides \[4, 8\], .* out of bounds for storage of size 48$/,
    );
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});
