/**
 * Mediation volume: stacked oral / written (and the part of the total not split between them), one bar
 * per town-year, total labelled on top ("≥" for lower bounds), success rate as a line on a second axis.
 * Pure: rows in, ECharts option out (tests/lib/charts/mediation.test.ts).
 */
import type { MediationRow } from '../db/queries.ts';
import { formatCompact, formatPercent } from '../format.ts';
import { unitName } from '../i18n/units.ts';
import type { Locale, MessageKey } from '../i18n/messages.ts';
import { baseOption, type ChartOption } from './base.ts';
import type { ChartData } from './chart-data.ts';

export interface MediationBar {
  label: string;
  oral: number | null;
  written: number | null;
  /** total − oral − written when the report gives a total larger than its parts; the whole total when unsplit. */
  unsplit: number | null;
  total: number | null;
  totalLowerBound: boolean;
  successRate: number | null;
  successRateSource: 'reported' | 'derived' | null;
  synthetic: boolean;
}

export function mediationBars(rows: MediationRow[], multiYear: boolean): MediationBar[] {
  return rows
    .filter((r) => r.total !== null || r.oral !== null || r.written !== null)
    .map((r) => {
      const parts = (r.oral ?? 0) + (r.written ?? 0);
      const hasParts = r.oral !== null || r.written !== null;
      const unsplit = r.total === null ? null : !hasParts ? r.total : r.total > parts ? r.total - parts : null;
      const rate = r.success_rate_reported ?? r.success_rate_derived;
      return {
        label: multiYear ? `${r.town_name} ${r.year}` : r.town_name,
        oral: r.oral,
        written: r.written,
        unsplit,
        total: r.total ?? (hasParts ? parts : null),
        totalLowerBound: r.total_lower_bound ?? false,
        successRate: rate,
        successRateSource: r.success_rate_reported !== null ? 'reported' : r.success_rate_derived !== null ? 'derived' : null,
        synthetic: r.is_synthetic,
      };
    });
}

export function mediationOption(
  bars: MediationBar[],
  locale: Locale,
  t: (k: MessageKey) => string,
): ChartOption {
  const cats = bars.map((b) => b.label);
  const hasRate = bars.some((b) => b.successRate !== null);
  const stackSeries = (name: string, key: 'oral' | 'written' | 'unsplit') => ({
    type: 'bar' as const,
    name,
    stack: 'cases',
    barMaxWidth: 48,
    emphasis: { focus: 'series' as const },
    // Segment values inside the bars, so the parts read without hovering (hidden when they don't fit).
    label: { show: true, position: 'inside' as const, color: '#fff', formatter: (p: { value: unknown }) => (p.value ? formatCompact(p.value as number, locale) : '') },
    labelLayout: { hideOverlap: true },
    data: bars.map((b) => b[key]),
  });
  const totalLabel = {
    type: 'bar' as const,
    name: t('overview.mediation.total'),
    stack: 'cases',
    silent: true,
    data: bars.map(() => 0),
    itemStyle: { color: 'transparent' },
    label: {
      show: true,
      position: 'top' as const,
      color: '#222',
      fontWeight: 'bold' as const,
      formatter: (p: { dataIndex: number }) => {
        const b = bars[p.dataIndex]!;
        return b.total === null ? '' : `${b.totalLowerBound ? '≥' : ''}${formatCompact(b.total, locale)}`;
      },
    },
    tooltip: { show: false },
  };
  return {
    ...baseOption(),
    legend: { top: 0, data: [t('overview.mediation.oral'), t('overview.mediation.written'), t('overview.mediation.unsplit'), ...(hasRate ? [t('overview.mediation.successRate')] : [])] },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 56, right: hasRate ? 56 : 24, top: 48, bottom: 56, containLabel: true },
    xAxis: { type: 'category', data: cats, axisLabel: { interval: 0, rotate: cats.length > 8 ? 35 : 0 } },
    yAxis: [
      { type: 'value', name: unitName('件', locale), axisLabel: { formatter: (v: number) => formatCompact(v, locale) } },
      ...(hasRate ? [{ type: 'value' as const, name: '%', min: 0, max: 100, splitLine: { show: false } }] : []),
    ],
    series: [
      stackSeries(t('overview.mediation.oral'), 'oral'),
      stackSeries(t('overview.mediation.written'), 'written'),
      stackSeries(t('overview.mediation.unsplit'), 'unsplit'),
      totalLabel,
      ...(hasRate
        ? [
            {
              type: 'line' as const,
              name: t('overview.mediation.successRate'),
              yAxisIndex: 1,
              connectNulls: false,
              symbolSize: 8,
              data: bars.map((b) => b.successRate),
              tooltip: { valueFormatter: (v: unknown) => formatPercent(v as number | null, locale) },
            },
          ]
        : []),
    ],
  };
}

/** The mediation chart's data for its table alternative and CSV/XLSX: the rows the bars are drawn from. */
export function mediationData(rows: MediationRow[], t: (k: MessageKey) => string): ChartData {
  return {
    columns: [
      { key: 'town_name', label: t('common.town'), kind: 'text' },
      { key: 'year', label: t('common.year'), kind: 'text' },
      { key: 'total', label: t('overview.mediation.total'), kind: 'num', lowerBoundKey: 'total_lower_bound' },
      { key: 'oral', label: t('overview.mediation.oral'), kind: 'num' },
      { key: 'written', label: t('overview.mediation.written'), kind: 'num' },
      { key: 'success', label: t('chart.medSuccess'), kind: 'num' },
      { key: 'success_rate', label: t('overview.mediation.successRate'), kind: 'pct' },
      { key: 'total_lower_bound', label: t('chart.lowerBoundCol'), kind: 'flag' },
      { key: 'partial', label: t('chart.partialCol'), kind: 'flag' },
    ],
    rows: rows
      .filter((r) => r.total !== null || r.oral !== null || r.written !== null)
      .map((r) => ({ ...r, total_lower_bound: r.total_lower_bound ?? false, success_rate: r.success_rate_reported ?? r.success_rate_derived, partial: !r.full_year })),
  };
}
