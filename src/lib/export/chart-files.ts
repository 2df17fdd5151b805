/**
 * Every export of one chart panel — PNG 2×/3×, framed SVG, CSV (BOM) and XLSX of the chart's data — and
 * the page registry that "Export all" and the Word briefing read. Panels register a producer on mount and
 * remove it on destroy. PNGs carry their frame's text (iTXt) and a density that makes them 16 cm wide.
 */
import { strToU8 } from 'fflate';
import type { ChartOption } from '../charts/base.ts';
import type { ChartData } from '../charts/chart-data.ts';
import type { ChartFrame } from './frame.ts';
import { frameText } from './frame.ts';
import { addPngMeta } from './png-text.ts';
import { toCsv, toXlsx, type Table } from './table.ts';
import type { SentenceInput } from './sentences.ts';

export type ChartExportFormat = 'png2' | 'png3' | 'svg' | 'csv' | 'xlsx';

/** What a chart's briefing sentences say: the quantity (a column of the chart's data) and its parts. */
export interface BriefSpec {
  /** zh "调处矛盾纠纷" / en "disputes mediated" */
  what: string;
  most?: string;
  /** catalog unit (件, 场, %) */
  unit: string;
  additive: boolean;
  /** the data column holding the quantity, and its lower-bound flag column */
  key: string;
  lowerKey?: string;
  parts?: { key: string; what: string; lowerKey?: string }[];
}

/** One chart, as the Word briefing needs it. */
export interface BriefPart {
  title: string;
  caption: string;
  png: Uint8Array;
  width: number;
  height: number;
  sentences: string[];
  table: { header: string[]; rows: string[][] };
  notes: string[];
  synthetic: boolean;
}

export interface ChartExportSource {
  id: string;
  /** File-name stem (title + date). */
  stem: string;
  option: () => ChartOption | null;
  data: () => ChartData;
  /** the frame: needs the scope's towns and reports, so it may query */
  frame: () => Promise<ChartFrame>;
  /** the complete export table (every town a row, evidence and qualifier) */
  table: () => Promise<Table>;
  /** the chart's part of a briefing, or null when it has nothing to say */
  brief?: () => Promise<Omit<BriefPart, 'png' | 'width' | 'height'> | null>;
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

/** Printed width of every exported picture: a Word page's text width. */
export const PRINT_WIDTH_M = 0.16;

/** The framed chart as PNG bytes at `scale`× (with its frame text and 16 cm density). */
export async function chartPng(src: ChartExportSource, scale: number, frame?: ChartFrame): Promise<{ png: Uint8Array; width: number; height: number }> {
  const option = src.option();
  if (!option) throw new Error('this chart has no data to draw');
  const f = frame ?? (await src.frame());
  // ECharts is loaded on demand (it is not part of the page's initial JS).
  const { framedSvg, svgToPng } = await import('./chart-image.ts');
  const { svg, width, height } = framedSvg(option, f, src.chartHeight);
  const blob = await svgToPng(svg, width, height, scale);
  const raw = new Uint8Array(await blob.arrayBuffer());
  const w = Math.round(width * scale);
  return { png: addPngMeta(raw, { Title: f.title, Description: frameText(f) }, w / PRINT_WIDTH_M), width: w, height: Math.round(height * scale) };
}

export async function exportChart(src: ChartExportSource, format: ChartExportFormat): Promise<Uint8Array> {
  if (format === 'csv') return strToU8(toCsv(await src.table()));
  if (format === 'xlsx') return toXlsx(await src.table(), src.stem.slice(0, 31));
  if (format === 'svg') {
    const option = src.option();
    if (!option) throw new Error('this chart has no data to draw');
    const { framedSvg } = await import('./chart-image.ts');
    return strToU8(framedSvg(option, await src.frame(), src.chartHeight).svg);
  }
  return (await chartPng(src, format === 'png2' ? 2 : 3)).png;
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

export type { SentenceInput };
