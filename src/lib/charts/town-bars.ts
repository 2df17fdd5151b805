/**
 * One indicator, one year, one bar per town (compare with a single year): sorted from the largest value,
 * "≥" on lower bounds, an explicit zero drawn as a zero bar and labelled 0; towns that stated nothing get no
 * bar — they are listed under the chart (missing is not zero). Pure (tests/lib/charts/town-bars.test.ts).
 */
import type { UnitValue } from '../db/queries.ts';
import { formatCompact, formatPercent } from '../format.ts';
import type { Locale, MessageKey } from '../i18n/messages.ts';
import { unitName } from '../i18n/units.ts';
import { baseOption, type ChartOption } from './base.ts';
import { shown, type ChartData } from './chart-data.ts';

export interface TownBar {
  town_id: string;
  town_name: string;
  year: number;
  value: number;
  lower: boolean;
  partial: boolean;
  zero: boolean;
}

/** Bars of the towns that reported, largest first (ties by name), and the names of those that did not. */
export function townBars(rows: UnitValue[], indicatorId: string, towns: { town_id: string; name: string }[], year: number): { bars: TownBar[]; missing: string[] } {
  const bars: TownBar[] = [];
  const missing: string[] = [];
  for (const tw of towns) {
    const r = rows.find((x) => x.town_id === tw.town_id && x.year === year && x.indicator_id === indicatorId);
    const v = shown(r);
    if (!r || v === null) missing.push(tw.name);
    else bars.push({ town_id: tw.town_id, town_name: tw.name, year, value: v, lower: r.is_lower_bound, partial: !r.full_year, zero: r.is_zero_statement });
  }
  bars.sort((a, b) => b.value - a.value || a.town_name.localeCompare(b.town_name, 'zh-CN'));
  return { bars, missing };
}

export function townBarsData(bars: TownBar[], unit: string, t: (k: MessageKey) => string): ChartData {
  return {
    columns: [
      { key: 'town_name', label: t('common.town'), kind: 'text' },
      { key: 'year', label: t('common.year'), kind: 'text' },
      { key: 'value', label: `${t('chart.value')} (${unit})`, kind: unit === '%' ? 'pct' : 'num', lowerBoundKey: 'lower' },
      { key: 'lower', label: t('chart.lowerBoundCol'), kind: 'flag' },
      { key: 'partial', label: t('chart.partialCol'), kind: 'flag' },
    ],
    rows: bars.map((b) => ({ town_id: b.town_id, town_name: b.town_name, year: b.year, value: b.value, lower: b.lower, partial: b.partial })),
  };
}

/** Town names are untrusted text (imported reports): the HTML tooltip gets them escaped, never as markup. */
const esc = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

export function townBarsOption(bars: TownBar[], unit: string, locale: Locale): ChartOption {
  const fmt = (v: number) => (unit === '%' ? formatPercent(v, locale) : formatCompact(v, locale));
  const label = (b: TownBar) => `${b.lower ? '≥' : ''}${fmt(b.value)}${b.partial ? '*' : ''}`;
  return {
    ...baseOption(),
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (ps: { dataIndex: number }[]) => {
        const b = bars[ps[0]?.dataIndex ?? -1];
        return b ? `${esc(b.town_name)}<br/>${label(b)}${unit === '%' ? '' : ` ${unitName(unit, locale)}`}` : '';
      },
    },
    grid: { left: 48, right: 24, top: 32, bottom: 24, containLabel: true },
    xAxis: { type: 'category', data: bars.map((b) => b.town_name), axisLabel: { interval: 0, rotate: bars.length > 8 ? 35 : 0 } },
    yAxis: { type: 'value', name: unitName(unit, locale), min: 0, ...(unit === '%' ? { max: 100 } : { minInterval: 1 }), axisLabel: { formatter: fmt } },
    series: [
      {
        type: 'bar',
        barMaxWidth: 48,
        data: bars.map((b) => ({ value: b.value, itemStyle: b.lower ? { color: '#56B4E9' } : undefined })),
        label: { show: true, position: 'top', color: '#222', formatter: (p: { dataIndex: number }) => label(bars[p.dataIndex]!) },
        labelLayout: { hideOverlap: true },
      },
    ],
  };
}
