/**
 * Briefing images of a chart: an SVG with text kept as text, and PNGs drawn from it at 2× or 3× on white.
 * Each image carries its frame (frame.ts): title, scope and period, the towns, non-reporters, sources, the
 * lower-bound note, 示例数据, the date. The chart itself is rendered by ECharts' SVG renderer in SSR mode from
 * the same option the page shows (fonts enlarged for print), so the image equals the chart.
 */
import { echarts } from '../charts/echarts.ts';
import type { ChartOption } from '../charts/base.ts';
import { FONT_FAMILY } from '../charts/palette.ts';
import { FRAME_WIDTH, frameLayout, type ChartFrame, type FrameText } from './frame.ts';

export type { ChartFrame } from './frame.ts';
export { FRAME_WIDTH } from './frame.ts';

/** The chart's own text at print size: 14 px at an 800 px frame is 8 pt when pasted 16 cm wide. */
export const CHART_FONT = 14;

const esc = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/** The option as printed: every text at least CHART_FONT px (axis labels, legend, value labels, axis names). */
export function printOption(option: ChartOption): ChartOption {
  const big = (o: unknown, axis = false): unknown => {
    if (Array.isArray(o)) return o.map((x) => big(x, axis));
    if (!o || typeof o !== 'object') return o;
    const x = { ...(o as Record<string, unknown>) };
    if (axis) for (const k of ['axisLabel', 'nameTextStyle']) x[k] ??= {};
    for (const k of ['axisLabel', 'label', 'nameTextStyle', 'textStyle']) {
      if (x[k] && typeof x[k] === 'object') {
        const v = x[k] as Record<string, unknown>;
        x[k] = { ...v, fontSize: Math.max(typeof v.fontSize === 'number' ? v.fontSize : 12, CHART_FONT) };
      }
    }
    return x;
  };
  const o = { ...option } as Record<string, unknown>;
  for (const k of ['xAxis', 'yAxis', 'series']) if (o[k]) o[k] = big(o[k], k !== 'series');
  const legend = (o.legend ?? {}) as Record<string, unknown>;
  if (o.legend) o.legend = Array.isArray(o.legend) ? big(o.legend) : { ...legend, textStyle: { ...((legend.textStyle as object) ?? {}), fontSize: CHART_FONT } };
  o.textStyle = { ...((o.textStyle as object) ?? {}), fontSize: CHART_FONT };
  return o as ChartOption;
}

/** The chart alone as an SVG string (ECharts SSR, no animation). */
export function chartSvg(option: ChartOption, width: number, height: number, background = '#fff'): string {
  const chart = echarts.init(null, undefined, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ ...option, animation: false, backgroundColor: background });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

const text = (t: FrameText, dy = 0) =>
  `<text x="${t.x.toFixed(1)}" y="${(t.y + dy).toFixed(1)}" font-family="${esc(FONT_FAMILY)}" font-size="${t.size}"${t.bold ? ' font-weight="bold"' : ''} fill="${t.fill}"${t.anchor && t.anchor !== 'start' ? ` text-anchor="${t.anchor}"` : ''}>${esc(t.text)}</text>`;

/** The framed briefing SVG: width FRAME_WIDTH, height header + chartHeight + footer. */
export function framedSvg(option: ChartOption, frame: ChartFrame, chartHeight = 420): { svg: string; width: number; height: number } {
  const lay = frameLayout(frame, FRAME_WIDTH);
  const width = lay.width;
  const height = lay.head + chartHeight + lay.foot;
  const inner = chartSvg(printOption(option), width - 24, chartHeight).replace(/^<svg /, `<svg x="12" y="${lay.head}" `);
  const footTop = lay.head + chartHeight;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<rect width="100%" height="100%" fill="#ffffff"/>` +
    (lay.badge ? `<rect x="${lay.badge.x.toFixed(1)}" y="${lay.badge.y}" width="${lay.badge.w.toFixed(1)}" height="${lay.badge.h}" rx="4" fill="#fff" stroke="#8a3ffc" stroke-width="1.5"/>` : '') +
    lay.texts.map((t) => text(t)).join('') +
    inner +
    `<line x1="24" x2="${width - 24}" y1="${footTop + 6}" y2="${footTop + 6}" stroke="#d5d9de"/>` +
    lay.footTexts.map((t) => text(t, footTop)).join('') +
    `</svg>`;
  return { svg, width, height };
}

/** Browser only: rasterise an SVG string at `scale`× on a white background, as PNG bytes. */
export async function svgToPng(svg: string, width: number, height: number, scale: number): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const img = new Image();
    img.decoding = 'sync';
    await new Promise<void>((ok, fail) => {
      img.onload = () => ok();
      img.onerror = () => fail(new Error('the chart image could not be drawn'));
      img.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((ok, fail) => canvas.toBlob((b) => (b ? ok(b) : fail(new Error('PNG encoding failed'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}
