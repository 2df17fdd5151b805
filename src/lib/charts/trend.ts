/**
 * Trend lines: one line per unit over the years of one indicator. A year a unit did not report is a gap
 * (missing is not zero), lower bounds are labelled "≥", partial-year figures are left out upstream unless
 * asked for (then marked). Pure (tests/lib/charts/trend.test.ts).
 */
import type { UnitValue } from '../db/queries.ts';
import { formatCompact, formatPercent } from '../format.ts';
import { unitName } from '../i18n/units.ts';
import type { Locale, MessageKey } from '../i18n/messages.ts';
import { baseOption, type ChartOption } from './base.ts';
import { shown, type ChartData } from './chart-data.ts';

export interface TrendSeries {
  town_id: string;
  town_name: string;
  points: { year: number; value: number | null; lower: boolean; partial: boolean }[];
}

export function trendSeries(rows: UnitValue[], indicatorId: string, towns: { town_id: string; name: string }[], years: number[]): TrendSeries[] {
  return towns.map((tw) => ({
    town_id: tw.town_id,
    town_name: tw.name,
    points: years.map((y) => {
      const r = rows.find((x) => x.town_id === tw.town_id && x.year === y && x.indicator_id === indicatorId);
      return { year: y, value: shown(r), lower: r?.is_lower_bound ?? false, partial: r ? !r.full_year : false };
    }),
  }));
}

export function trendData(series: TrendSeries[], unit: string, t: (k: MessageKey) => string): ChartData {
  return {
    columns: [
      { key: 'town_name', label: t('common.town'), kind: 'text' },
      { key: 'year', label: t('common.year'), kind: 'text' },
      { key: 'value', label: `${t('chart.value')} (${unit})`, kind: unit === '%' ? 'pct' : 'num', lowerBoundKey: 'lower' },
      { key: 'lower', label: t('chart.lowerBoundCol'), kind: 'flag' },
      { key: 'partial', label: t('chart.partialCol'), kind: 'flag' },
    ],
    rows: series.flatMap((s) => s.points.filter((p) => p.value !== null).map((p) => ({ town_name: s.town_name, ...p }))),
  };
}

export function trendOption(series: TrendSeries[], years: number[], unit: string, locale: Locale): ChartOption {
  const fmt = (v: number) => (unit === '%' ? formatPercent(v, locale) : formatCompact(v, locale));
  return {
    ...baseOption(),
    legend: { top: 0, type: 'scroll' },
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (v === null || v === undefined ? '—' : fmt(v as number)) },
    grid: { left: 48, right: 32, top: 40, bottom: 32, containLabel: true },
    xAxis: { type: 'category', data: years.map(String), boundaryGap: years.length < 3 },
    yAxis: { type: 'value', name: unitName(unit, locale), min: 0, ...(unit === '%' ? { max: 100 } : { minInterval: 1 }), axisLabel: { formatter: fmt } },
    series: series.map((s, i) => ({
      type: 'line' as const,
      name: s.town_name,
      connectNulls: false,
      symbol: ['circle', 'rect', 'triangle', 'diamond', 'pin', 'arrow', 'roundRect', 'emptyCircle'][i % 8],
      symbolSize: 9,
      label: {
        show: true,
        position: 'top' as const,
        formatter: (p: { dataIndex: number }) => {
          const pt = s.points[p.dataIndex]!;
          return pt.value === null ? '' : `${pt.lower ? '≥' : ''}${fmt(pt.value)}${pt.partial ? '*' : ''}`;
        },
      },
      labelLayout: { hideOverlap: true },
      data: s.points.map((p) => p.value),
    })),
  };
}
