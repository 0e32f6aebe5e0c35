/**
 * A tiny RGB pixel canvas that encodes to PNG: enough to draw a loss curve and weight tiles
 * without a chart library (every chart-to-PNG library for Node pulls in a native canvas).
 */
import { PNG } from 'pngjs';

export type Rgb = readonly [number, number, number];

export const WHITE: Rgb = [255, 255, 255];
export const BLACK: Rgb = [0, 0, 0];
export const GREY: Rgb = [200, 200, 200];

export class Canvas {
  private readonly pixels: Uint8Array;

  constructor(
    readonly width: number,
    readonly height: number,
    background: Rgb = WHITE,
  ) {
    this.pixels = new Uint8Array(width * height * 4);
    this.fillRect(0, 0, width, height, background);
  }

  /** Sets one pixel; points outside the canvas are ignored, so callers need not clip. */
  setPixel(x: number, y: number, [r, g, b]: Rgb): void {
    const px = Math.round(x);
    const py = Math.round(y);
    if (px < 0 || py < 0 || px >= this.width || py >= this.height) return;
    const at = (py * this.width + px) * 4;
    this.pixels[at] = r;
    this.pixels[at + 1] = g;
    this.pixels[at + 2] = b;
    this.pixels[at + 3] = 255;
  }

  fillRect(x: number, y: number, w: number, h: number, colour: Rgb): void {
    for (let py = y; py < y + h; py++)
      for (let px = x; px < x + w; px++) this.setPixel(px, py, colour);
  }

  /** A straight line, `thickness` pixels wide, stepping along the longer axis (no gaps). */
  line(x0: number, y0: number, x1: number, y1: number, colour: Rgb, thickness = 1): void {
    const steps = Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0), 1);
    const half = Math.floor(thickness / 2);
    for (let s = 0; s <= steps; s++) {
      const x = Math.round(x0 + ((x1 - x0) * s) / steps);
      const y = Math.round(y0 + ((y1 - y0) * s) / steps);
      this.fillRect(x - half, y - half, thickness, thickness, colour);
    }
  }

  toPng(): Buffer {
    const png = new PNG({ width: this.width, height: this.height });
    png.data = Buffer.from(this.pixels.buffer, this.pixels.byteOffset, this.pixels.byteLength);
    return PNG.sync.write(png);
  }
}
