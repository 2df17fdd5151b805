/**
 * Every export of one chart panel — PNG 2×/3×, framed SVG, CSV (BOM) and XLSX of the chart's data — and
 * the page registry "Export all" zips. Panels register a producer on mount and remove it on destroy.
 */
import { strToU8 } from 'fflate';
import type { ChartOption } from '../charts/base.ts';
import { toExportTable, type ChartData } from '../charts/chart-data.ts';
import type { ChartFrame } from './chart-image.ts';
import { toCsv, toXlsx } from './table.ts';

export type ChartExportFormat = 'png2' | 'png3' | 'svg' | 'csv' | 'xlsx';

export interface ChartExportSource {
  id: string;
  /** File-name stem (title + date). */
  stem: string;
  option: () => ChartOption | null;
  data: () => ChartData;
  frame: () => ChartFrame;
  chartHeight?: number;
}

export const EXT: Record<ChartExportFormat, string> = { png2: '@2x.png', png3: '@3x.png', svg: '.svg', csv: '.csv', xlsx: '.xlsx' };
export const MIME: Record<ChartExportFormat, string> = {
  png2: 'image/png',
  png3: 'image/png',
  svg: 'image/svg+xml',
  csv: 'text/csv;charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export async function exportChart(src: ChartExportSource, format: ChartExportFormat): Promise<Uint8Array> {
  if (format === 'csv') return strToU8(toCsv(toExportTable(src.data())));
  if (format === 'xlsx') return toXlsx(toExportTable(src.data()), src.stem.slice(0, 31));
  const option = src.option();
  if (!option) throw new Error('this chart has no data to draw');
  // ECharts is loaded on demand (it is not part of the page's initial JS).
  const { framedSvg, svgToPng } = await import('./chart-image.ts');
  const { svg, width, height } = framedSvg(option, src.frame(), src.chartHeight);
  if (format === 'svg') return strToU8(svg);
  const png = await svgToPng(svg, width, height, format === 'png2' ? 2 : 3);
  return new Uint8Array(await png.arrayBuffer());
}

/** Panels on the current page, in mount order. */
export const chartRegistry = new Map<string, ChartExportSource>();

/** All panels' files for the ZIP: PNG 2×, SVG, CSV and XLSX of each chart that has data. */
export async function exportAllFiles(): Promise<Record<string, Uint8Array>> {
  const files: Record<string, Uint8Array> = {};
  let i = 0;
  for (const src of chartRegistry.values()) {
    i++;
    const prefix = `${String(i).padStart(2, '0')}_${src.stem}`;
    const formats: ChartExportFormat[] = src.option() ? ['png2', 'svg', 'csv', 'xlsx'] : ['csv', 'xlsx'];
    if (src.data().rows.length === 0) continue;
    for (const f of formats) files[prefix + EXT[f]] = await exportChart(src, f);
  }
  return files;
}
