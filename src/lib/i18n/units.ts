/**
 * The catalog's units (data/indicators.json keeps them in Chinese: 件, 场, 份, 人次 …) as a reader of each
 * language sees them. zh: the unit follows the number with no space (391件, ≥83场); en: a word after a
 * space, singular for exactly 1 (391 cases, ≥ 83 events, 1 case). '%' stays '%' in both.
 */
import type { Locale } from './messages.ts';

/** en singular / plural of each catalog unit; '' = a bare count (个: "3 sites" reads better as "3"). */
const EN: Record<string, readonly [string, string]> = {
  件: ['case', 'cases'],
  件次: ['case', 'cases'],
  次: ['session', 'sessions'],
  场: ['event', 'events'],
  份: ['copy', 'copies'],
  人次: ['person-time', 'person-times'],
  名: ['person', 'persons'],
  人: ['person', 'persons'],
  个: ['', ''],
  条: ['item', 'items'],
  项: ['item', 'items'],
  张: ['sheet', 'sheets'],
  元: ['yuan', 'yuan'],
  万元: ['10k yuan', '10k yuan'],
  '%': ['%', '%'],
};

/** The unit word alone (axis names, table headers): 件 / cases. Unknown units are returned as they are. */
export function unitName(unit: string, locale: Locale): string {
  if (locale === 'zh') return unit;
  const e = EN[unit];
  return e ? e[1] : unit;
}

/** A formatted number with its unit: "391件" / "391 cases", "≥83场" / "≥ 83 events", "45.2%". */
export function withUnit(formatted: string, unit: string, locale: Locale, n?: number | null): string {
  if (unit === '%') return formatted.endsWith('%') ? formatted : `${formatted}%`;
  if (locale === 'zh') return `${formatted}${unit}`;
  const e = EN[unit];
  if (!e) return `${formatted} ${unit}`;
  const word = n === 1 ? e[0] : e[1];
  return word ? `${formatted} ${word}` : formatted;
}
