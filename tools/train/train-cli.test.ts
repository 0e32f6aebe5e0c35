/**
 * `npm run train` end to end on a few hundred digits: the real chart drawing (vega is an ES module
 * jest's CommonJS runtime cannot load) runs only under tsx, so the CLI runs in a child process.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { PNG } from 'pngjs';
import type { TrainMetrics } from './metrics';

const repoRoot = path.resolve(__dirname, '../..');
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from the IHDR chunk, which must come first after the signature. */
function pngSize(file: Buffer): { width: number; height: number } {
  expect(file.subarray(0, 8)).toEqual(PNG_SIGNATURE);
  expect(file.toString('latin1', 12, 16)).toBe('IHDR');
  return { width: file.readUInt32BE(16), height: file.readUInt32BE(20) };
}

describe('npm run train', () => {
  let out: string;
  let stdout: string;

  beforeAll(async () => {
    out = mkdtempSync(path.join(os.tmpdir(), 'train-cli-'));
    const args = ['tools/train.ts', '--epochs', '1', '--train-size', '256', '--val-size', '64'];
    const run = await promisify(execFile)(
      process.execPath,
      [require.resolve('tsx/cli'), ...args, '--out', out],
      { cwd: repoRoot },
    );
    stdout = run.stdout;
  }, 60_000);
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('names the four report files', () => {
    for (const file of [
      'loss-curve.png',
      'loss-curve.svg',
      'first-layer-weights.png',
      'metrics.json',
    ])
      expect(stdout).toContain(file);
  });

  it('writes metrics.json for the run', () => {
    const metrics = JSON.parse(
      readFileSync(path.join(out, 'metrics.json'), 'utf8'),
    ) as TrainMetrics;
    expect(metrics.config).toMatchObject({ model: 'engine', epochs: 1, trainSize: 256 });
    expect(metrics.stepLosses).toHaveLength(4);
    expect(metrics.epochs).toHaveLength(1);
  });

  it('draws the loss curve as an SVG and a PNG of twice its size', () => {
    const svg = readFileSync(path.join(out, 'loss-curve.svg'), 'utf8');
    const [, width, height] = /<svg[^>]* width="(\d+)" height="(\d+)"/.exec(svg) ?? [];
    expect(Number(width)).toBeGreaterThan(500);
    const file = readFileSync(path.join(out, 'loss-curve.png'));
    expect(pngSize(file)).toEqual({ width: 2 * Number(width), height: 2 * Number(height) });
  });

  it('the loss curve PNG decodes: white ground, the orange validation line, and black text', () => {
    const png = PNG.sync.read(readFileSync(path.join(out, 'loss-curve.png')));
    const rgb = (i: number) => [png.data[i], png.data[i + 1], png.data[i + 2]];
    expect(rgb(0)).toEqual([255, 255, 255]);
    let orange = 0;
    let black = 0;
    for (let i = 0; i < png.data.length; i += 4) {
      const [r, g, b] = rgb(i);
      if (r > 200 && g > 100 && g < 160 && b < 80) orange++;
      if (r < 40 && g < 40 && b < 40) black++;
    }
    expect(orange).toBeGreaterThan(100);
    // Only text is drawn in black: none would mean resvg found none of the chart's fonts.
    expect(black).toBeGreaterThan(500);
  });

  it('writes the first-layer weights as a PNG grid of 50 tiles, 10 to a row', () => {
    const file = readFileSync(path.join(out, 'first-layer-weights.png'));
    expect(pngSize(file)).toEqual({ width: 2 + 10 * (84 + 2), height: 2 + 5 * (84 + 2) });
  });
});
