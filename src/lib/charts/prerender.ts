/**
 * Charts drawn at build time. During prerendering the server (src/hooks.server.ts) plugs ECharts' SSR
 * renderer in here, so each chart of a prerendered page arrives in the HTML as a picture of itself — the
 * first chart is on screen before any JS runs, and the browser loads ECharts only afterwards (it is not
 * part of the initial JS). In the browser `render` stays unset: this module must never import ECharts.
 */
import type { ChartOption } from './base.ts';

export const prerenderSlot: { render?: (option: ChartOption, width: number, height: number) => string } = {};

/**
 * The width charts are drawn at before the browser measures them: the chart area of a card at the widest
 * layout (main is at most 1400 px wide). Narrower screens scale the picture down until ECharts takes over.
 */
export const PRERENDER_WIDTH = 1310;

/** An SVG string as a data: URL, escaping only what a URL or a double-quoted attribute needs. */
export const svgDataUrl = (svg: string): string =>
  'data:image/svg+xml,' + svg.replace(/[%#"&\n\r\t]/g, (c) => encodeURIComponent(c));

/**
 * The <img> that stands in for a chart until ECharts draws it. `elementtiming` lets the Element Timing API
 * (and the benchmark) see when the picture was painted. '' when there is no renderer (in the browser).
 */
export function prerenderedChart(option: ChartOption | null, height: number, timingId: string): string {
  if (!option || !prerenderSlot.render) return '';
  const src = svgDataUrl(prerenderSlot.render(option, PRERENDER_WIDTH, height));
  return `<img class="chart-prerendered" alt="" aria-hidden="true" elementtiming="${timingId}" width="${PRERENDER_WIDTH}" height="${height}" src="${src}">`;
}
