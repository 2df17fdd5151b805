/**
 * Briefing images of a chart: an SVG with text kept as text, and PNGs drawn from it at 2× or 3× on white.
 * Each image carries a frame — title, subtitle (scope and period), 数据来源, the date made, and "示例数据"
 * when any synthetic data is shown. The chart itself is rendered by ECharts' SVG renderer in SSR mode from
 * the same option the page shows, so the image equals the chart.
 */
import { echarts } from '../charts/echarts.ts';
import type { ChartOption } from '../charts/base.ts';
import { FONT_FAMILY } from '../charts/palette.ts';

export interface ChartFrame {
  title: string;
  subtitle: string;
  /** "数据来源: …" line, already localised. */
  source: string;
  /** "制图日期: 2026-11-28", already localised. */
  made: string;
  /** The synthetic-data label to show, or '' when all data is real. */
  syntheticLabel: string;
}

export const FRAME_WIDTH = 1000;
const HEAD = 78;
const FOOT = 44;

const esc = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

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

/** The framed briefing SVG: width FRAME_WIDTH, height chartHeight + header + footer. */
export function framedSvg(option: ChartOption, frame: ChartFrame, chartHeight = 460): { svg: string; width: number; height: number } {
  const width = FRAME_WIDTH;
  const height = HEAD + chartHeight + FOOT;
  const inner = chartSvg(option, width - 32, chartHeight).replace(/^<svg /, `<svg x="16" y="${HEAD}" `);
  const text = (x: number, y: number, s: string, attrs: string) =>
    `<text x="${x}" y="${y}" font-family="${esc(FONT_FAMILY)}" ${attrs}>${esc(s)}</text>`;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<rect width="100%" height="100%" fill="#ffffff"/>` +
    text(24, 34, frame.title, 'font-size="22" font-weight="bold" fill="#1d2129"') +
    text(24, 60, frame.subtitle, 'font-size="14" fill="#5c6470"') +
    (frame.syntheticLabel
      ? `<rect x="${width - 140}" y="16" width="116" height="28" rx="4" fill="#fff" stroke="#8a3ffc"/>` +
        text(width - 82, 36, frame.syntheticLabel, 'font-size="15" font-weight="bold" fill="#8a3ffc" text-anchor="middle"')
      : '') +
    inner +
    `<line x1="24" x2="${width - 24}" y1="${height - FOOT + 6}" y2="${height - FOOT + 6}" stroke="#e3e6ea"/>` +
    text(24, height - 16, frame.source, 'font-size="12" fill="#5c6470"') +
    text(width - 24, height - 16, frame.made, 'font-size="12" fill="#5c6470" text-anchor="end"') +
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
