/**
 * Litigation outcomes: suits by instance (first / second / retrial, and the part of the total not split by
 * instance) stacked in one bar; lost vs not lost (= concluded − lost) in a second bar; the loss rate as a
 * line — the reported rate, else recomputed from lost / concluded (never from cases filed, spec L4).
 * Pure: unit values in, chart data and ECharts option out (tests/lib/charts/litigation.test.ts).
 */
import type { UnitValue } from '../db/queries.ts';
import { formatCompact, formatPercent } from '../format.ts';
import { unitName } from '../i18n/units.ts';
import type { Locale, MessageKey } from '../i18n/messages.ts';
import { baseOption, type ChartOption } from './base.ts';
import { byUnitYear, isLower, shown, unitLabel, type ChartData } from './chart-data.ts';

export const LITIGATION_IDS = [
  'lit_admin_suits_total', 'lit_first_instance', 'lit_second_instance', 'lit_retrial',
  'lit_admin_suits_concluded', 'lit_admin_suits_lost', 'lit_loss_rate',
] as const;

export interface LitigationBar {
  label: string;
  town_name: string;
  year: number;
  full_year: boolean;
  synthetic: boolean;
  total: number | null;
  totalLowerBound: boolean;
  first: number | null;
  second: number | null;
  retrial: number | null;
  unsplit: number | null;
  concluded: number | null;
  lost: number | null;
  notLost: number | null;
  lossRate: number | null;
  lossRateSource: 'reported' | 'derived' | null;
}

export function litigationBars(rows: UnitValue[], multiYear: boolean, partialWord: string): LitigationBar[] {
  return byUnitYear(rows.filter((r) => (LITIGATION_IDS as readonly string[]).includes(r.indicator_id)))
    .map((u) => {
      const g = (id: string) => shown(u.values.get(id));
      const total = g('lit_admin_suits_total');
      const [first, second, retrial] = [g('lit_first_instance'), g('lit_second_instance'), g('lit_retrial')];
      const parts = (first ?? 0) + (second ?? 0) + (retrial ?? 0);
      const hasParts = first !== null || second !== null || retrial !== null;
      const concluded = g('lit_admin_suits_concluded');
      const lost = g('lit_admin_suits_lost');
      const rate = u.values.get('lit_loss_rate');
      const exactCounts = !isLower(u.values.get('lit_admin_suits_concluded')) && !isLower(u.values.get('lit_admin_suits_lost'));
      return {
        label: unitLabel(u.town_name, u.year, multiYear, !u.full_year, partialWord),
        town_name: u.town_name,
        year: u.year,
        full_year: u.full_year,
        synthetic: u.is_synthetic,
        total: total ?? (hasParts ? parts : null),
        totalLowerBound: isLower(u.values.get('lit_admin_suits_total')),
        first,
        second,
        retrial,
        unsplit: total === null ? null : !hasParts ? total : total > parts ? total - parts : null,
        concluded,
        lost,
        notLost: concluded !== null && lost !== null && exactCounts ? concluded - lost : null,
        lossRate: rate?.value ?? rate?.derived_value ?? null,
        lossRateSource: rate?.value != null ? 'reported' : rate?.derived_value != null ? 'derived' : null,
      } satisfies LitigationBar;
    })
    .filter((b) => b.total !== null || b.lost !== null || b.concluded !== null || b.lossRate !== null);
}

export function litigationData(bars: LitigationBar[], t: (k: MessageKey) => string): ChartData {
  return {
    columns: [
      { key: 'town_name', label: t('common.town'), kind: 'text' },
      { key: 'year', label: t('common.year'), kind: 'text' },
      { key: 'total', label: t('lit.total'), kind: 'num', lowerBoundKey: 'totalLowerBound' },
      { key: 'first', label: t('lit.first'), kind: 'num' },
      { key: 'second', label: t('lit.second'), kind: 'num' },
      { key: 'retrial', label: t('lit.retrial'), kind: 'num' },
      { key: 'concluded', label: t('lit.concluded'), kind: 'num' },
      { key: 'lost', label: t('lit.lost'), kind: 'num' },
      { key: 'notLost', label: t('lit.notLost'), kind: 'num' },
      { key: 'lossRate', label: t('lit.lossRate'), kind: 'pct' },
      { key: 'totalLowerBound', label: t('chart.lowerBoundCol'), kind: 'flag' },
      { key: 'partial', label: t('chart.partialCol'), kind: 'flag' },
    ],
    rows: bars.map((b) => ({ ...b, partial: !b.full_year })),
  };
}

export function litigationOption(bars: LitigationBar[], locale: Locale, t: (k: MessageKey) => string): ChartOption {
  const cats = bars.map((b) => b.label);
  const hasRate = bars.some((b) => b.lossRate !== null);
  const seg = (name: string, stack: string, key: keyof LitigationBar) => ({
    type: 'bar' as const,
    name,
    stack,
    barMaxWidth: 36,
    label: { show: true, position: 'inside' as const, color: '#fff', formatter: (p: { value: unknown }) => (p.value ? formatCompact(p.value as number, locale) : '') },
    labelLayout: { hideOverlap: true },
    data: bars.map((b) => b[key] as number | null),
  });
  const topLabel = (stack: string, text: (b: LitigationBar) => string) => ({
    type: 'bar' as const,
    name: `${stack}-label`,
    stack,
    silent: true,
    data: bars.map(() => 0),
    itemStyle: { color: 'transparent' },
    label: { show: true, position: 'top' as const, color: '#222', formatter: (p: { dataIndex: number }) => text(bars[p.dataIndex]!) },
    tooltip: { show: false },
  });
  const names = [t('lit.first'), t('lit.second'), t('lit.retrial'), t('lit.unsplit'), t('lit.lost'), t('lit.notLost')];
  return {
    ...baseOption(),
    legend: { top: 0, data: [...names, ...(hasRate ? [t('lit.lossRate')] : [])] },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 48, right: hasRate ? 48 : 24, top: 56, bottom: 48, containLabel: true },
    xAxis: { type: 'category', data: cats, axisLabel: { interval: 0, rotate: cats.length > 6 ? 30 : 0 } },
    yAxis: [
      { type: 'value', name: unitName('件', locale), minInterval: 1, axisLabel: { formatter: (v: number) => formatCompact(v, locale) } },
      ...(hasRate ? [{ type: 'value' as const, name: '%', min: 0, max: 100, splitLine: { show: false } }] : []),
    ],
    series: [
      seg(names[0]!, 'instance', 'first'),
      seg(names[1]!, 'instance', 'second'),
      seg(names[2]!, 'instance', 'retrial'),
      seg(names[3]!, 'instance', 'unsplit'),
      topLabel('instance', (b) => (b.total === null ? '' : `${b.totalLowerBound ? '≥' : ''}${formatCompact(b.total, locale)}`)),
      seg(names[4]!, 'outcome', 'lost'),
      seg(names[5]!, 'outcome', 'notLost'),
      topLabel('outcome', (b) => (b.lost === null ? '' : `${t('lit.lostShort')} ${formatCompact(b.lost, locale)}`)),
      ...(hasRate
        ? [{
            type: 'line' as const,
            name: t('lit.lossRate'),
            yAxisIndex: 1,
            symbolSize: 8,
            connectNulls: false,
            data: bars.map((b) => b.lossRate),
            tooltip: { valueFormatter: (v: unknown) => formatPercent(v as number | null, locale) },
          }]
        : []),
    ],
  };
}
