/**
 * Charts drawn at build time. During prerendering the server (src/hooks.server.ts) plugs ECharts' SSR
 * renderer in here, so each chart of a prerendered page arrives in the HTML as a picture of itself — the
 * first chart is on screen before any JS runs, and the browser loads ECharts only afterwards (it is not
 * part of the initial JS). In the browser `render` stays unset: this module must never import ECharts.
 */
import type { ChartOption } from './base.ts';
import { FONT_FAMILY } from './palette.ts';

export const prerenderSlot: { render?: (option: ChartOption, width: number, height: number) => string } = {};

/**
 * The width charts are drawn at before the browser measures them: the chart area of a card at the widest
 * layout (main is at most 1400 px wide). Narrower screens scale the picture down until ECharts takes over.
 */
export const PRERENDER_WIDTH = 1310;

/**
 * The markup that stands in for a chart until ECharts draws it: the SSR SVG inline in the page (an <img>
 * would cost a separate SVG document per chart before it can paint). zrender's ids and class names are
 * prefixed so they cannot meet the live chart's. `elementtiming` sits on the last text, so the Element
 * Timing API (and the benchmark) report when the whole picture was painted. '' without a renderer.
 */
export function prerenderedChart(option: ChartOption | null, height: number, timingId: string): string {
  if (!option || !prerenderSlot.render) return '';
  let svg = prerenderSlot.render(option, PRERENDER_WIDTH, height)
    .replace(/\bzr(\d+)-/g, 'zrp$1-')
    .replace(/^<svg /, '<svg preserveAspectRatio="xMinYMin meet" ')
    // Every text repeats the same font list inline; one rule instead makes the page ~25% lighter to parse.
    .replaceAll(`font-family:${FONT_FAMILY};`, '')
    .replace(/(<svg[^>]*>)/, `$1<style>.chart-prerendered text{font-family:${FONT_FAMILY}}</style>`);
  const last = svg.lastIndexOf('<text ');
  if (last >= 0) svg = `${svg.slice(0, last)}<text elementtiming="${timingId}" ${svg.slice(last + 6)}`;
  return `<div class="chart-prerendered" aria-hidden="true">${svg}</div>`;
}
