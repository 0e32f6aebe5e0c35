/** Charts: a Vega-Lite spec compiled and drawn as SVG by Vega, in the page (no network). */
import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

export const CHART_FONT = 'system-ui, -apple-system, Segoe UI, DejaVu Sans, sans-serif';

const config = {
  font: CHART_FONT,
  axis: { labelFontSize: 11, titleFontSize: 12 },
  legend: { labelFontSize: 11, titleFontSize: 12 },
};

/** Draws spec into container (replacing what was there); resolves when the SVG is on the page. */
export async function drawChart(container: HTMLElement, spec: TopLevelSpec): Promise<View> {
  const view = new View(parse(compile({ config, ...spec } as TopLevelSpec).spec), {
    renderer: 'svg',
    container,
    hover: true,
  });
  await view.runAsync();
  return view;
}
