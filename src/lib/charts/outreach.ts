/**
 * Outreach reach: events (场), materials (份) and audience (人次) per unit, as three small panels side by
 * side sharing the unit axis (their magnitudes differ by 1000×, so one axis would flatten two of them).
 * Lower bounds ("2万余份") are labelled "≥". Pure (tests/lib/charts/outreach.test.ts).
 */
import type { UnitValue } from '../db/queries.ts';
import { formatCompact } from '../format.ts';
import type { Locale, MessageKey } from '../i18n/messages.ts';
import { PALETTE } from './palette.ts';
import { baseOption, type ChartOption } from './base.ts';
import { byUnitYear, isLower, shown, unitLabel, type ChartData } from './chart-data.ts';

export const OUTREACH_IDS = ['out_events', 'out_materials', 'out_reach'] as const;
type Key = 'events' | 'materials' | 'reach';
const KEYS: [Key, (typeof OUTREACH_IDS)[number], MessageKey][] = [
  ['events', 'out_events', 'out.events'],
  ['materials', 'out_materials', 'out.materials'],
  ['reach', 'out_reach', 'out.reach'],
];

export interface OutreachRow {
  label: string;
  town_name: string;
  year: number;
  full_year: boolean;
  synthetic: boolean;
  events: number | null;
  eventsLowerBound: boolean;
  materials: number | null;
  materialsLowerBound: boolean;
  reach: number | null;
  reachLowerBound: boolean;
}

export function outreachRows(rows: UnitValue[], multiYear: boolean, partialWord: string): OutreachRow[] {
  return byUnitYear(rows.filter((r) => (OUTREACH_IDS as readonly string[]).includes(r.indicator_id))).map((u) => {
    const o = {
      label: unitLabel(u.town_name, u.year, multiYear, !u.full_year, partialWord),
      town_name: u.town_name,
      year: u.year,
      full_year: u.full_year,
      synthetic: u.is_synthetic,
    } as OutreachRow;
    for (const [k, id] of KEYS) {
      o[k] = shown(u.values.get(id));
      o[`${k}LowerBound`] = isLower(u.values.get(id));
    }
    return o;
  });
}

export function outreachData(rows: OutreachRow[], t: (k: MessageKey) => string): ChartData {
  return {
    columns: [
      { key: 'town_name', label: t('common.town'), kind: 'text' },
      { key: 'year', label: t('common.year'), kind: 'text' },
      ...KEYS.flatMap(([k, , label]) => [
        { key: k, label: t(label), kind: 'num' as const, lowerBoundKey: `${k}LowerBound` },
        { key: `${k}LowerBound`, label: `${t(label)} ${t('chart.lowerBoundCol')}`, kind: 'flag' as const },
      ]),
      { key: 'partial', label: t('chart.partialCol'), kind: 'flag' },
    ],
    rows: rows.map((r) => ({ ...r, partial: !r.full_year })),
  };
}

export function outreachOption(rows: OutreachRow[], locale: Locale, t: (k: MessageKey) => string): ChartOption {
  // Units top to bottom in reading order: ECharts draws a category y axis bottom-up, so reverse.
  const rs = [...rows].reverse();
  const cats = rs.map((r) => r.label);
  const n = KEYS.length;
  const gap = 3;
  const w = (100 - 18 - gap * (n - 1) - 2) / n;
  return {
    ...baseOption(),
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    title: KEYS.map(([, , label], i) => ({ text: t(label), left: `${18 + i * (w + gap)}%`, top: 0, textStyle: { fontSize: 13, fontWeight: 'normal' } })),
    grid: KEYS.map((_, i) => ({ left: `${18 + i * (w + gap)}%`, width: `${w}%`, top: 28, bottom: 24 })),
    xAxis: KEYS.map((_, i) => ({ type: 'value', gridIndex: i, splitNumber: 2, boundaryGap: [0, '40%'] as [number, string], minInterval: 1, axisLabel: { formatter: (v: number) => formatCompact(v, locale), hideOverlap: true } })),
    yAxis: KEYS.map((_, i) => ({ type: 'category', gridIndex: i, data: cats, axisLabel: { show: i === 0, interval: 0, width: 150, overflow: 'truncate' }, axisTick: { show: i === 0 } })),
    series: KEYS.map(([k, , label], i) => ({
      type: 'bar' as const,
      name: t(label),
      xAxisIndex: i,
      yAxisIndex: i,
      barMaxWidth: 22,
      itemStyle: { color: PALETTE[i] },
      label: {
        show: true,
        position: 'right' as const,
        color: '#222',
        formatter: (p: { dataIndex: number }) => {
          const r = rs[p.dataIndex]!;
          const v = r[k];
          return v === null ? '—' : `${r[`${k}LowerBound`] ? '≥' : ''}${formatCompact(v, locale)}`;
        },
      },
      data: rs.map((r) => r[k]),
    })),
  };
}
