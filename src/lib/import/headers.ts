/**
 * Column headers → meaning. A table is either in the long layout (one row per fact: indicator_id and value
 * columns, as the share export writes it) or the wide layout (one row per town and year, one column per
 * indicator). Indicator columns are recognised by id, Chinese label or English label, with or without a
 * trailing unit in brackets ("调处矛盾纠纷总件数(件)", "Mediation success rate (%)").
 */
import catalog from '../../../data/indicators.json';
import { EXPORT_COLUMNS } from './columns.ts';

export interface CatalogIndicator {
  id: string;
  label_zh: string;
  label_en: string;
  unit: string;
  units_accepted: string[];
  kind: string;
}
export const INDICATORS = (catalog as { indicators: CatalogIndicator[] }).indicators;
export const INDICATOR_BY_ID = new Map(INDICATORS.map((i) => [i.id, i]));

/** Full-width brackets and spaces folded, case ignored. */
export const normHeader = (h: string): string =>
  h
    .normalize('NFKC')
    .replace(/[\s\u3000]+/g, '')
    .replace(/[（]/g, '(')
    .replace(/[）]/g, ')')
    .toLowerCase();

const byLabel = new Map<string, string>();
for (const i of INDICATORS) for (const k of [i.id, i.label_zh, i.label_en]) byLabel.set(normHeader(k), i.id);

/** The indicator id a header or cell names, or null. */
export function indicatorOf(text: string): string | null {
  const h = normHeader(text);
  if (!h) return null;
  const hit = byLabel.get(h);
  if (hit) return hit;
  // "…(件)", "… [%]", "…(单位:件)": drop a trailing unit in brackets
  const stripped = h.replace(/[([【][^()[\]【】]*[)\]】]$/, '');
  return stripped !== h ? (byLabel.get(stripped) ?? null) : null;
}

/** Key columns shared by both layouts, with the names people give them. */
const ALIASES: Record<string, string[]> = {
  town_id: ['town_id', '乡镇编号', '乡镇代码'],
  town_name_zh: ['town_name_zh', 'name_zh', 'town', 'town_name', 'unit_name', '乡镇', '乡镇(街道)', '乡镇街道', '乡镇名称', '单位名称', '名称'],
  year: ['year', '年份', '年度', '年'],
  town_county: ['town_county', 'county', '县', '县(区)', '县区', '区县', '所属县区', '所属县(区)'],
  town_prefecture: ['town_prefecture', 'prefecture', '市', '地市', '地级市', '所属地市'],
  town_province: ['town_province', 'province', '省', '省份'],
  town_unit_type: ['town_unit_type', 'unit_type', '类型', '单位类型', '乡镇类型'],
  report_id: ['report_id', '报告编号'],
  indicator_id: ['indicator_id', 'indicator', '指标', '指标编号', '指标名称'],
  value: ['value', '数值', '值'],
};
const ALIAS = new Map<string, string>();
for (const [field, names] of Object.entries(ALIASES)) for (const n of names) ALIAS.set(normHeader(n), field);
for (const c of EXPORT_COLUMNS) if (!ALIAS.has(c)) ALIAS.set(c, c);

export type Layout = 'long' | 'wide';

export interface HeaderMap {
  layout: Layout;
  /** Column index → field of the long layout / key column ('' = unknown). */
  fields: string[];
  /** Column index → indicator id (wide layout only; '' elsewhere). */
  indicators: string[];
  /** The headers as written, for messages. */
  headers: string[];
}

export function mapHeaders(headers: string[]): HeaderMap {
  const fields = headers.map((h) => ALIAS.get(normHeader(h)) ?? '');
  const layout: Layout = fields.includes('indicator_id') && fields.includes('value') ? 'long' : 'wide';
  const indicators = headers.map((h, i) => (layout === 'wide' && !fields[i] ? (indicatorOf(h) ?? '') : ''));
  return { layout, fields, indicators, headers };
}
