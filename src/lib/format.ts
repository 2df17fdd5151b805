/** Number formatting for zh-CN (万/亿 for large numbers) and en; one place, used by charts, tables and exports. */
import type { Locale } from './i18n/messages.ts';

const nf = { zh: new Intl.NumberFormat('zh-CN'), en: new Intl.NumberFormat('en-US') };

/** Full precision with grouping: 20,000 / 20,000. */
export const formatNumber = (v: number | null | undefined, locale: Locale): string =>
  v === null || v === undefined || Number.isNaN(v) ? '—' : nf[locale].format(v);

/** Compact: 2.3万 / 1.2亿 in Chinese, 23K / 120M in English; exact below 10,000. */
export function formatCompact(v: number | null | undefined, locale: Locale): string {
  if (v === null || v === undefined || Number.isNaN(v)) return '—';
  const a = Math.abs(v);
  const trim = (x: number) => String(Number(x.toFixed(x >= 100 ? 0 : x >= 10 ? 1 : 2)));
  if (locale === 'zh') {
    if (a >= 1e8) return `${trim(v / 1e8)}亿`;
    if (a >= 1e4) return `${trim(v / 1e4)}万`;
    return nf.zh.format(v);
  }
  if (a >= 1e9) return `${trim(v / 1e9)}B`;
  if (a >= 1e6) return `${trim(v / 1e6)}M`;
  if (a >= 1e4) return `${trim(v / 1e3)}K`;
  return nf.en.format(v);
}

/** A value with its bound marker: "≥ 20,000" for lower bounds. */
export const formatBound = (v: number | null | undefined, lower: boolean | null | undefined, locale: Locale): string =>
  v === null || v === undefined ? '—' : `${lower ? '≥ ' : ''}${formatNumber(v, locale)}`;

export const formatPercent = (v: number | null | undefined, locale: Locale): string =>
  v === null || v === undefined ? '—' : `${formatNumber(Math.round(v * 10) / 10, locale)}%`;
