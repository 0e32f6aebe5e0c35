/**
 * The first layer's weights as a grid of 28x28 tiles, one per hidden unit: the pixel pattern that
 * unit responds to. Red = positive weight (ink there excites the unit), blue = negative, white = 0.
 * An image of the weights themselves, pixel for pixel, so it is written straight to a PNG rather
 * than drawn as a chart.
 */
import { PNG } from 'pngjs';

export type Rgb = readonly [number, number, number];

export interface WeightTiles {
  /** tiles[h] holds hidden unit h's weights on the image pixels, row-major 28x28. */
  tiles: readonly ArrayLike<number>[];
  side: number;
}

const ZOOM = 3;
const GAP = 2;
const GAP_COLOUR: Rgb = [80, 80, 80];

/** Maps v in [-1, 1] to white → red (positive) or white → blue (negative). */
export function divergingColour(v: number): Rgb {
  const t = Math.max(-1, Math.min(1, Number.isFinite(v) ? v : 0));
  const fade = Math.round(255 * (1 - Math.abs(t)));
  return t >= 0 ? [255, fade, fade] : [fade, fade, 255];
}

function fillRect(png: PNG, x: number, y: number, w: number, h: number, [r, g, b]: Rgb): void {
  for (let py = y; py < y + h; py++) {
    for (let px = x; px < x + w; px++) {
      const at = (py * png.width + px) * 4;
      png.data[at] = r;
      png.data[at + 1] = g;
      png.data[at + 2] = b;
      png.data[at + 3] = 255;
    }
  }
}

/**
 * Each tile is scaled by its own largest |weight|: units differ in overall size, and a shared
 * scale would leave most tiles nearly white.
 */
export function weightGridPng({ tiles, side }: WeightTiles, columns = 10): Buffer {
  const rows = Math.max(1, Math.ceil(tiles.length / columns));
  const tilePx = side * ZOOM;
  const width = GAP + Math.min(columns, Math.max(tiles.length, 1)) * (tilePx + GAP);
  const height = GAP + rows * (tilePx + GAP);
  const png = new PNG({ width, height });
  fillRect(png, 0, 0, width, height, GAP_COLOUR);
  tiles.forEach((tile, t) => {
    let largest = 0;
    for (let i = 0; i < side * side; i++) largest = Math.max(largest, Math.abs(tile[i]) || 0);
    const left = GAP + (t % columns) * (tilePx + GAP);
    const top = GAP + Math.floor(t / columns) * (tilePx + GAP);
    for (let r = 0; r < side; r++) {
      for (let c = 0; c < side; c++) {
        const v = largest > 0 ? tile[r * side + c] / largest : 0;
        fillRect(png, left + c * ZOOM, top + r * ZOOM, ZOOM, ZOOM, divergingColour(v));
      }
    }
  });
  return PNG.sync.write(png);
}
