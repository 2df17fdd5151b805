/**
 * A chart from a workbench result: the analyst picks x, y and optionally a series column; rows become
 * ECharts series (one per distinct series value). Pure: plain values in, an option out (from baseOption()).
 */
import { baseOption, type ChartOption } from './base.ts';

export type ResultChartType = 'bar' | 'line' | 'scatter';

export interface ResultChartSpec {
  type: ResultChartType;
  /** Column indexes into `columns`. */
  x: number;
  y: number;
  series: number | null;
  title?: string;
}

export interface ResultChartInput {
  columns: { name: string; numeric: boolean }[];
  /** Plain values (numbers, strings, null), row by row. */
  rows: unknown[][];
}

/** At most this many rows are charted; a chart of more points is unreadable and slow. */
export const CHART_ROW_LIMIT = 5000;
export const SERIES_LIMIT = 30;

const num = (v: unknown): number | null => {
  if (v === null || v === undefined || v === '') return null;
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isFinite(n) ? n : null;
};
const label = (v: unknown): string => (v === null || v === undefined ? 'NULL' : String(v));

export interface ResultChartModel {
  categories: string[];
  series: { name: string; data: (number | null)[] | [number, number][] }[];
  truncated: boolean;
  droppedSeries: number;
}

export function resultChartModel(input: ResultChartInput, spec: ResultChartSpec): ResultChartModel {
  const rows = input.rows.slice(0, CHART_ROW_LIMIT);
  const truncated = input.rows.length > CHART_ROW_LIMIT;
  const seriesOf = (r: unknown[]) => (spec.series === null ? (input.columns[spec.y]?.name ?? 'y') : label(r[spec.series]));
  const seriesNames: string[] = [];
  for (const r of rows) {
    const s = seriesOf(r);
    if (!seriesNames.includes(s)) seriesNames.push(s);
  }
  const kept = seriesNames.slice(0, SERIES_LIMIT);
  const droppedSeries = seriesNames.length - kept.length;

  if (spec.type === 'scatter' && input.columns[spec.x]?.numeric) {
    const series = kept.map((name) => ({
      name,
      data: rows.filter((r) => seriesOf(r) === name).flatMap((r) => {
        const x = num(r[spec.x]);
        const y = num(r[spec.y]);
        return x === null || y === null ? [] : [[x, y] as [number, number]];
      }),
    }));
    return { categories: [], series, truncated, droppedSeries };
  }

  const categories: string[] = [];
  const index = new Map<string, number>();
  for (const r of rows) {
    const c = label(r[spec.x]);
    if (!index.has(c)) {
      index.set(c, categories.length);
      categories.push(c);
    }
  }
  const series = kept.map((name) => {
    const data: (number | null)[] = new Array(categories.length).fill(null);
    for (const r of rows) {
      if (seriesOf(r) !== name) continue;
      const y = num(r[spec.y]);
      const i = index.get(label(r[spec.x]))!;
      // Two rows for the same x and series add up (a bar of a GROUP BY the user did not write).
      if (y !== null) data[i] = (data[i] ?? 0) + y;
    }
    return { name, data };
  });
  return { categories, series, truncated, droppedSeries };
}

export function resultChartOption(input: ResultChartInput, spec: ResultChartSpec): ChartOption {
  const m = resultChartModel(input, spec);
  const xName = input.columns[spec.x]?.name ?? '';
  const yName = input.columns[spec.y]?.name ?? '';
  const scatterXY = m.categories.length === 0 && spec.type === 'scatter';
  return {
    ...baseOption(),
    title: spec.title ? { text: spec.title, left: 0, textStyle: { fontSize: 14 } } : undefined,
    tooltip: { trigger: scatterXY ? 'item' : 'axis', confine: true },
    legend: m.series.length > 1 ? { type: 'scroll', top: spec.title ? 24 : 0 } : undefined,
    grid: { left: 56, right: 24, top: m.series.length > 1 || spec.title ? 56 : 24, bottom: 56, containLabel: true },
    xAxis: scatterXY
      ? { type: 'value', name: xName, nameLocation: 'middle', nameGap: 28, scale: true }
      : { type: 'category', name: xName, nameLocation: 'middle', nameGap: 36, data: m.categories, axisLabel: { hideOverlap: true } },
    yAxis: { type: 'value', name: yName, scale: spec.type === 'scatter' },
    series: m.series.map((s) => ({
      name: s.name,
      type: spec.type,
      data: s.data,
      connectNulls: false,
      symbolSize: spec.type === 'scatter' ? 8 : 4,
      emphasis: { focus: 'series' },
    })),
  };
}
