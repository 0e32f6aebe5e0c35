import { PNG } from 'pngjs';
import { divergingColour, weightGridPng } from './weight-grid-png';

describe('the first-layer weight grid', () => {
  it('lays 12 tiles out in rows of 10, each 28x28 zoomed 3x with 2-pixel gaps', () => {
    const tiles = Array.from({ length: 12 }, (_, h) =>
      Float32Array.from({ length: 784 }, (_, i) => Math.sin(i + h)),
    );
    const grid = PNG.sync.read(weightGridPng({ tiles, side: 28 }));
    expect(grid.width).toBe(2 + 10 * (84 + 2));
    expect(grid.height).toBe(2 + 2 * (84 + 2));
  });

  it("scales each tile by its own largest weight: that weight's pixel is fully red", () => {
    const tile = new Float32Array(784).fill(0.001);
    tile[0] = 0.002;
    const grid = PNG.sync.read(weightGridPng({ tiles: [tile], side: 28 }));
    const pixel = (x: number, y: number) => [
      ...grid.data.subarray((y * grid.width + x) * 4, (y * grid.width + x) * 4 + 3),
    ];
    expect(pixel(0, 0)).toEqual([80, 80, 80]); // the gap
    expect(pixel(2, 2)).toEqual([255, 0, 0]); // tile[0], the largest
    expect(pixel(5, 2)).toEqual([255, 128, 128]); // tile[1], half of it
  });

  it('colours positive weights red, negative blue and zero (or NaN) white', () => {
    expect(divergingColour(1)).toEqual([255, 0, 0]);
    expect(divergingColour(-1)).toEqual([0, 0, 255]);
    expect(divergingColour(0)).toEqual([255, 255, 255]);
    expect(divergingColour(NaN)).toEqual([255, 255, 255]);
    expect(divergingColour(-5)).toEqual([0, 0, 255]);
  });
});
