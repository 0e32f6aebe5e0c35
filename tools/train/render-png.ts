/**
 * Draws a Vega-Lite spec without a browser: vega-lite compiles it to a Vega spec, vega renders that
 * to SVG, and resvg rasterises the SVG to PNG with the machine's own fonts.
 */
import { Resvg } from '@resvg/resvg-js';
import type { TopLevelSpec } from 'vega-lite';

export interface RenderedChart {
  svg: string;
  png: Buffer;
}

export type ChartRenderer = (spec: TopLevelSpec) => Promise<RenderedChart>;

/** PNG pixels per SVG unit: 2 keeps the text sharp on high-density screens. */
const PNG_SCALE = 2;

/**
 * vega and vega-lite are ES modules with a top-level await, which `require` cannot load, so they
 * are imported on first use (this also keeps them out of runs that write no report, and out of
 * jest, whose CommonJS runtime cannot load them either).
 */
async function loadVega() {
  const [vegaLite, vega] = await Promise.all([import('vega-lite'), import('vega')]);
  narrowTextEstimate(vega as unknown as VegaText);
  return { compile: vegaLite.compile, parse: vega.parse, View: vega.View };
}

/** vega's text measuring hook and font size helper (exported, missing from its declarations). */
interface VegaText {
  textMetrics: { width: (item: object, text: unknown) => number };
  fontSize: (item: object) => number;
}

/**
 * Without a canvas vega guesses every character 0.8 em wide, which spreads the legend and pushes
 * axis titles away from their labels. The sans-serif fonts the charts name average about 0.6 em.
 * Replacing `textMetrics.width` is vega's own hook for this (vl-convert uses it too).
 */
const EM_PER_CHARACTER = 0.6;

function narrowTextEstimate({ textMetrics, fontSize }: VegaText): void {
  textMetrics.width = (item, text) =>
    Math.ceil(EM_PER_CHARACTER * fontSize(item) * String(text ?? '').trim().length);
}

export const renderChart: ChartRenderer = async (spec) => {
  const { compile, parse, View } = await loadVega();
  const view = new View(parse(compile(spec).spec), { renderer: 'none' });
  let svg: string;
  try {
    svg = await view.toSVG();
  } finally {
    view.finalize();
  }
  const png = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: PNG_SCALE },
    background: 'white',
    // The spec names its fonts; system fonts let resvg find the first of them this machine has.
    font: { loadSystemFonts: true },
  })
    .render()
    .asPng();
  return { svg, png };
};
