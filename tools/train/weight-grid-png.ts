/**
 * The first layer's weights as a grid of 28x28 tiles, one per hidden unit: the pixel pattern that
 * unit responds to. Red = positive weight (ink there excites the unit), blue = negative, white = 0.
 */
import { Canvas, type Rgb } from './canvas';

export interface WeightTiles {
  /** tiles[h] holds hidden unit h's weights on the image pixels, row-major 28x28. */
  tiles: readonly ArrayLike<number>[];
  side: number;
}

const ZOOM = 3;
const GAP = 2;

/** Maps v in [-1, 1] to white → red (positive) or white → blue (negative). */
export function divergingColour(v: number): Rgb {
  const t = Math.max(-1, Math.min(1, Number.isFinite(v) ? v : 0));
  const fade = Math.round(255 * (1 - Math.abs(t)));
  return t >= 0 ? [255, fade, fade] : [fade, fade, 255];
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
  const canvas = new Canvas(width, height, [80, 80, 80]);
  tiles.forEach((tile, t) => {
    let largest = 0;
    for (let i = 0; i < side * side; i++) largest = Math.max(largest, Math.abs(tile[i]) || 0);
    const left = GAP + (t % columns) * (tilePx + GAP);
    const top = GAP + Math.floor(t / columns) * (tilePx + GAP);
    for (let r = 0; r < side; r++) {
      for (let c = 0; c < side; c++) {
        const v = largest > 0 ? tile[r * side + c] / largest : 0;
        canvas.fillRect(left + c * ZOOM, top + r * ZOOM, ZOOM, ZOOM, divergingColour(v));
      }
    }
  });
  return canvas.toPng();
}
