/**
 * Draws line series on a white canvas with axes, tick labels and a legend, and returns the PNG.
 * Used for the loss curve of `npm run train`.
 */
import { BLACK, Canvas, GREY, type Rgb } from './canvas';
import { drawText, GLYPH_HEIGHT, textWidth } from './pixel-font';

export interface Series {
  name: string;
  colour: Rgb;
  /** [x, y] points, drawn in order; non-finite y values are skipped (a diverged loss is NaN). */
  points: readonly (readonly [number, number])[];
}

export interface ChartOptions {
  width?: number;
  height?: number;
  xLabel?: string;
}

const SCALE = 2;
const MARGIN = { left: 70, right: 20, top: 20, bottom: 50 };
const TICKS = 5;

/** A round tick spacing (1, 2 or 5 times a power of ten) giving about `count` ticks over `span`. */
export function niceStep(span: number, count = TICKS): number {
  const raw = span / count;
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  const unit = [1, 2, 5, 10].find((u) => u * power >= raw) ?? 10;
  return unit * power;
}

/** The multiples of `step` inside [lo, hi]. */
export function ticks(lo: number, hi: number, step: number): number[] {
  const out: number[] = [];
  for (let k = Math.ceil(lo / step - 1e-9); k * step <= hi + step * 1e-9; k++) out.push(k * step);
  return out;
}

/** Rounds a tick value for printing: as many decimals as the tick spacing needs. */
export function formatTick(value: number, step: number): string {
  const decimals = Math.max(0, Math.min(4, -Math.floor(Math.log10(Math.abs(step) || 1) + 1e-9)));
  return (value + 0).toFixed(decimals);
}

function extent(values: number[]): [number, number] {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return [0, 1];
  let lo = Math.min(...finite);
  let hi = Math.max(...finite);
  if (lo === hi) [lo, hi] = [lo - 0.5, hi + 0.5];
  return [lo, hi];
}

export function lineChartPng(series: readonly Series[], options: ChartOptions = {}): Buffer {
  const { width = 640, height = 400, xLabel = '' } = options;
  const canvas = new Canvas(width, height);
  const plotW = width - MARGIN.left - MARGIN.right;
  const plotH = height - MARGIN.top - MARGIN.bottom;
  const all = series.flatMap((s) => s.points);
  const [xMin, xMax] = extent(all.map(([x]) => x));
  const [yLow, yMax] = extent(all.map(([, y]) => y));
  // Losses are positive: start the y axis at 0 so the eye reads how far the loss fell.
  const yMin = Math.min(0, yLow);
  const toX = (x: number) => MARGIN.left + ((x - xMin) / (xMax - xMin)) * plotW;
  const toY = (y: number) => MARGIN.top + plotH - ((y - yMin) / (yMax - yMin)) * plotH;

  // Grid lines and tick labels first, so the curves draw over them.
  const yStep = niceStep(yMax - yMin);
  for (const yValue of ticks(yMin, yMax, yStep)) {
    const y = Math.round(toY(yValue));
    canvas.line(MARGIN.left, y, MARGIN.left + plotW, y, GREY);
    const label = formatTick(yValue, yStep);
    drawText(
      canvas,
      label,
      MARGIN.left - 8 - textWidth(label, SCALE),
      y - GLYPH_HEIGHT,
      BLACK,
      SCALE,
    );
  }
  const xStep = niceStep(xMax - xMin);
  for (const xValue of ticks(xMin, xMax, xStep)) {
    const x = Math.round(toX(xValue));
    canvas.line(x, MARGIN.top + plotH, x, MARGIN.top + plotH + 4, BLACK);
    const xText = formatTick(xValue, xStep);
    drawText(canvas, xText, x - textWidth(xText, SCALE) / 2, MARGIN.top + plotH + 10, BLACK, SCALE);
  }
  canvas.line(MARGIN.left, MARGIN.top, MARGIN.left, MARGIN.top + plotH, BLACK, 2);
  canvas.line(MARGIN.left, MARGIN.top + plotH, MARGIN.left + plotW, MARGIN.top + plotH, BLACK, 2);
  drawText(
    canvas,
    xLabel,
    MARGIN.left + plotW / 2 - textWidth(xLabel, SCALE) / 2,
    height - 16,
    BLACK,
    SCALE,
  );

  series.forEach((s, i) => {
    let previous: [number, number] | null = null;
    for (const [x, y] of s.points) {
      if (!Number.isFinite(y)) {
        previous = null;
        continue;
      }
      const point: [number, number] = [toX(x), toY(y)];
      if (previous) canvas.line(previous[0], previous[1], point[0], point[1], s.colour, 2);
      else canvas.fillRect(point[0] - 1, point[1] - 1, 3, 3, s.colour);
      previous = point;
    }
    // Legend, top right: a colour swatch and the series name.
    const legendY = MARGIN.top + 8 + i * 16;
    const legendX = MARGIN.left + plotW - 10 - textWidth(s.name, SCALE) - 24;
    canvas.fillRect(legendX, legendY + 3, 16, 4, s.colour);
    drawText(canvas, s.name, legendX + 22, legendY, BLACK, SCALE);
  });
  return canvas.toPng();
}
