/**
 * What a click in a chart means when it is not on a bar or point itself: the category under the pointer (the
 * band the axis tooltip shows) and, on a chart of several series, the series whose value there is nearest to
 * the pointer. So the tooltip's values open their provenance from anywhere in their band, as a bar does.
 * tests/lib/charts/pick.test.ts runs it on ECharts' server-side renderer.
 */
import type { ECharts } from 'echarts/core';

type Axis = { type?: string; gridIndex?: number; data?: unknown[] };
type Series = { name?: string; type?: string; data?: unknown[]; xAxisIndex?: number; yAxisIndex?: number };
const arr = <T>(x: T | T[] | undefined): T[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);
const numOf = (d: unknown): number | null => {
  const v = d !== null && typeof d === 'object' && 'value' in d ? (d as { value: unknown }).value : d;
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
};

export function nearestInCategory(chart: Pick<ECharts, 'getOption' | 'containPixel' | 'convertFromPixel'>, px: [number, number]): { dataIndex: number; seriesName?: string; name?: string } | null {
  const o = chart.getOption() as { grid?: unknown[]; xAxis?: Axis[]; yAxis?: Axis[]; series?: Series[] };
  const grids = arr(o.grid).length || 1;
  for (let g = 0; g < grids; g++) {
    if (!chart.containPixel({ gridIndex: g }, px)) continue;
    const xi = arr(o.xAxis).findIndex((a) => (a.gridIndex ?? 0) === g);
    const yi = arr(o.yAxis).findIndex((a) => (a.gridIndex ?? 0) === g);
    const xa = arr(o.xAxis)[xi];
    const ya = arr(o.yAxis)[yi];
    const horizontal = ya?.type === 'category'; // categories on the y axis (bars drawn sideways)
    const cat = horizontal ? ya : xa;
    if (cat?.type !== 'category') continue;
    const at = chart.convertFromPixel({ gridIndex: g }, px) as number[];
    const idx = Math.round(horizontal ? at[1]! : at[0]!);
    const n = cat.data?.length ?? 0;
    if (!(idx >= 0 && idx < n)) continue;
    const valueAt = horizontal ? at[0]! : at[1]!;
    const series = arr(o.series).filter((s) => (horizontal ? (s.yAxisIndex ?? 0) === yi : (s.xAxisIndex ?? 0) === xi));
    let best: Series | undefined;
    let dist = Infinity;
    for (const s of series) {
      const v = numOf(s.data?.[idx]);
      if (v === null) continue;
      const d = s.type === 'line' ? Math.abs(v - valueAt) : best ? Infinity : 0; // bars: the first with a value
      if (d < dist) [best, dist] = [s, d];
    }
    if (!best) return null;
    const name = cat.data?.[idx];
    return { dataIndex: idx, seriesName: best.name, name: typeof name === 'string' ? name : String(numOf(name) ?? name ?? '') };
  }
  return null;
}
